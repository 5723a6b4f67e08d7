package com.orderguard.application;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.orderguard.application.Retry.Attempt;
import com.orderguard.application.port.OrderChangeStore;
import com.orderguard.application.port.OrderChangeStore.CommitResult;
import com.orderguard.application.port.OrderChangeStore.OrderChange;
import com.orderguard.application.port.OrderStore;
import com.orderguard.application.port.ReadRound;
import com.orderguard.application.port.Telemetry;
import com.orderguard.domain.Order;
import com.orderguard.domain.OrderStatus;
import com.orderguard.domain.TenantId;
import com.orderguard.domain.decision.OrderRequest;
import com.orderguard.domain.decision.PolicyCatalog;
import com.orderguard.domain.decision.PolicyPack;
import com.orderguard.domain.decision.RequestType;

/**
 * A queue message that carries an order and a request on it (a cancellation or address change requested, or a
 * marketplace payload with a request), in two round trips: one round of reads - the order's collection and, for a
 * cancellation, the buyer's history and the shop's buckets the carried order names - then one transaction that
 * applies the snapshot and records the decision made on the order as the snapshot leaves it. The guarantees are
 * those of applying the snapshot and then recording the request: the event id and the request id each idempotent,
 * an older snapshot never overwrites a newer one (the decision is then made on the stored order), a lost race is
 * read and decided again, and a rejected request (id reused, no pack) writes nothing, not even the snapshot.
 */
public class MessageRequests {

    private final OrderStore orders;
    private final OrderChangeStore store;
    private final PolicyCatalog catalog;
    private final Telemetry telemetry;
    private final SeenOrders seen;
    private final DecisionReads reads;
    private final CancellationChanges cancellations;
    private final SnapshotChanges snapshots;

    /** @param eventRetention how long an event id is remembered, as {@link OrderSnapshots} keeps it */
    public MessageRequests(OrderStore orders, OrderChangeStore store, PolicyCatalog catalog, DeadlineService deadlines,
            ShopHealthService health, Telemetry telemetry, ReadRound round, SeenOrders seen, Duration eventRetention) {
        this.orders = orders;
        this.store = store;
        this.catalog = catalog;
        this.telemetry = telemetry;
        this.seen = seen;
        this.reads = new DecisionReads(orders, store, catalog, health, round);
        this.cancellations = new CancellationChanges(deadlines, health);
        this.snapshots = new SnapshotChanges(deadlines, health, eventRetention);
    }

    /**
     * The order as the message carries it ({@code order}, observed as {@code source} says), the request made on
     * it, and - for a payload whose request the platform has carried out already - the order as it settled
     * (applied after the request under the event id plus {@code #settled}; null otherwise).
     */
    public record RequestMessage(TenantId tenant, Order order, SnapshotSource source, OrderRequest request,
            RequestType type, Order settled) {

        SnapshotSource settledSource() {
            return new SnapshotSource(source.eventId() + "#settled", source.occurredAt(), source.channel());
        }
    }

    /**
     * What a message did: each snapshot's outcome, in the order applied (empty when the request was rejected, and
     * then nothing was written), and the request's (null: not decided, the order was cancelled already).
     */
    public record Handled(List<SnapshotOutcome> snapshots, RequestOutcome request) {
    }

    /** Applies the message: two round trips unless the stored order names another buyer, shop or pack. */
    public Handled handle(RequestMessage message, Instant now) {
        return Retry.WRITES.run(attempt -> attempt(message, now), "order " + message.order().key()
                + " kept changing while applying a message with request " + message.request().requestId());
    }

    private Attempt<Handled> attempt(RequestMessage message, Instant now) {
        TenantId tenant = message.tenant();
        DecisionReads.First first = reads.first(tenant, message.order().key(), message.type()
                == RequestType.CANCELLATION ? reads.names(message.order(), message.request().requestedAt()) : null,
                now);
        Optional<StoredOrder> current = first.stored().map(OrderRecord::stored);
        List<SnapshotChanges.Step> steps = new ArrayList<>();
        if (message.settled() != null && current.filter(c -> c.order().status() == OrderStatus.CANCELLED)
                .isPresent()) {
            // recorded already (this message was applied before, or an earlier poll saw the cancellation): only
            // the final state, so that the order never flips back to the stage before the cancellation
            return commit(message, current, steps, settled(message, OrderChange.of(current.get(), now).build(),
                    current, steps, now), null);
        }
        SnapshotChanges.Step step = snapshots.of(tenant, current, message.order(), message.source(), now);
        steps.add(step);
        StoredOrder base = step instanceof SnapshotChanges.Applies applies ? applies.after() : current.get();
        RequestPart part = request(message, first, base, now);
        if (part.change() == null && !(part.outcome() instanceof RequestOutcome.Replayed)) {
            return Retry.done(new Handled(List.of(), part.outcome()));
        }
        OrderChange change = part.change() == null ? OrderChange.of(base, now).build() : part.change().change();
        if (step instanceof SnapshotChanges.Applies applies) {
            change = SnapshotChanges.before(change, applies);
        }
        return commit(message, current, steps, settled(message, change, current, steps, now), part);
    }

    /** {@code change}, then the settled order when the message carries one. */
    private OrderChange settled(RequestMessage message, OrderChange change, Optional<StoredOrder> current,
            List<SnapshotChanges.Step> steps, Instant now) {
        if (message.settled() == null) {
            return change;
        }
        SnapshotChanges.Step step = snapshots.of(message.tenant(), Optional.of(SnapshotChanges.result(change)),
                message.settled(), message.settledSource(), now);
        steps.add(step);
        return step instanceof SnapshotChanges.Applies applies
                ? SnapshotChanges.after(change, applies, current.orElse(null)) : change;
    }

    /** The request's change, or what becomes of it without one: a replay, or a rejection (id reused, no pack). */
    private record RequestPart(RequestChange change, RequestOutcome outcome) {
    }

    private RequestPart request(RequestMessage message, DecisionReads.First first, StoredOrder base, Instant now) {
        OrderRequest request = message.request();
        List<RequestRecord> onOrder = first.stored().map(OrderRecord::requests).orElse(List.of());
        Optional<RequestRecord> existing = onOrder.stream()
                .filter(r -> r.requestId().equals(request.requestId())).findFirst();
        if (existing.isPresent()) {
            return new RequestPart(null, replay(existing.get(), message));
        }
        Optional<PolicyPack> pack = catalog.inForce(base.order(), request.requestedAt());
        if (pack.isEmpty()) {
            return new RequestPart(null, Cancellations.noPolicy(base.order(), request));
        }
        if (message.type() == RequestType.ADDRESS_CHANGE) {
            return new RequestPart(AddressChanges.decide(base, request, pack.get(), now), null);
        }
        DecisionReads.Context context = reads.context(message.tenant(), first, base.order(), pack.get(), now);
        return new RequestPart(cancellations.decide(base, onOrder, request, pack.get(), context, now), null);
    }

    private static RequestOutcome replay(RequestRecord existing, RequestMessage message) {
        if (message.type() == RequestType.CANCELLATION) {
            return Cancellations.replay(existing, message.request());
        }
        return existing.fingerprint().equals(AddressChanges.fingerprint(message.request()))
                ? new RequestOutcome.Replayed(existing) : new RequestOutcome.RequestIdReused(existing);
    }

    /** Commits the change when it writes anything; {@code part} null: no request to decide. */
    private Attempt<Handled> commit(RequestMessage message, Optional<StoredOrder> current,
            List<SnapshotChanges.Step> steps, OrderChange change, RequestPart part) {
        RequestChange decided = part == null ? null : part.change();
        if (decided == null && change.snapshot() == null) {
            return Retry.done(new Handled(outcomes(steps, null), part == null ? null : part.outcome()));
        }
        CommitResult result = store.commit(change);
        if (result instanceof CommitResult.Committed committed) {
            StoredOrder order = committed.order();
            seen.saw(message.tenant(), order.order());
            if (decided != null && message.type() == RequestType.CANCELLATION) {
                telemetry.decided(order.order().marketplace(), decided.record().decision().outcome());
            }
            return Retry.done(new Handled(outcomes(steps, order), decided == null ? part == null ? null
                    : part.outcome() : new RequestOutcome.Recorded(decided.record(), order)));
        }
        if (((CommitResult.Conflict) result).reason() == CommitResult.Reason.EVENT_RECORDED) {
            return eventRecorded(message, current);
        }
        return Retry.lost();
    }

    /**
     * An event id of the message was recorded when the transaction ran. If the order is still as read, its record
     * is not this snapshot's (which would have changed the order): the id was used for something else, and the
     * message is rejected. Otherwise a concurrent delivery got there first: read again, and find it applied.
     */
    private Attempt<Handled> eventRecorded(RequestMessage message, Optional<StoredOrder> current) {
        Optional<StoredOrder> stored = orders.find(message.tenant(), message.order().key());
        if (stored.map(StoredOrder::version).orElse(0L).equals(current.map(StoredOrder::version).orElse(0L))) {
            return Retry.done(new Handled(List.of(new SnapshotOutcome.EventIdReused(stored.orElse(null),
                    message.source().eventId())), null));
        }
        return Retry.lost();
    }

    /** Each step's outcome; a step that applied, with the order as committed ({@code committed}). */
    private static List<SnapshotOutcome> outcomes(List<SnapshotChanges.Step> steps, StoredOrder committed) {
        return steps.stream().map(step -> step instanceof SnapshotChanges.Applies applies
                ? (SnapshotOutcome) new SnapshotOutcome.Applied(committed, applies.current() == null)
                : ((SnapshotChanges.Skipped) step).outcome()).toList();
    }
}
