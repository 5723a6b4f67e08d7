package com.orderguard.application;

import java.time.Instant;
import java.util.Optional;

import com.orderguard.application.Retry.Attempt;
import com.orderguard.application.port.OrderChangeStore;
import com.orderguard.application.port.OrderChangeStore.OrderChange;
import com.orderguard.application.port.OrderStore;
import com.orderguard.application.port.ReadRound;
import com.orderguard.application.port.Telemetry;
import com.orderguard.domain.Order;
import com.orderguard.domain.OrderEffect;
import com.orderguard.domain.OrderKey;
import com.orderguard.domain.TenantId;
import com.orderguard.domain.deadline.OrderTimers;
import com.orderguard.domain.health.ShopKey;
import com.orderguard.domain.decision.OrderRequest;
import com.orderguard.domain.decision.Decision;
import com.orderguard.domain.decision.Decisions;
import com.orderguard.domain.decision.PolicyCatalog;
import com.orderguard.domain.decision.PolicyPack;
import com.orderguard.domain.decision.RequestStatus;
import com.orderguard.domain.decision.RequestTransition;
import com.orderguard.domain.decision.RequestType;
import com.orderguard.domain.decision.Resolutions;
import com.orderguard.domain.decision.DecisionContext;

/**
 * Evaluates, records and resolves cancellation requests. Recording decides on the order as stored and commits the
 * decision with all its effects in one transaction, so a retried request cannot decide twice and a concurrent ship
 * event and cancellation cannot both win: whichever commits second re-reads and decides again.
 */
public class Cancellations {

    private final OrderStore orders;
    private final OrderChangeStore requests;
    private final PolicyCatalog catalog;
    private final DeadlineService deadlines;
    private final ShopHealthService health;
    private final Telemetry telemetry;
    private final ReadRound round;
    private final SeenOrders seen;
    private final DecisionReads reads;
    private final CancellationChanges changes;

    /**
     * @param round runs the reads that do not depend on each other together
     * @param seen the orders this process saw last, whose buyer and shop are read together with the stored order
     */
    public Cancellations(OrderStore orders, OrderChangeStore requests, PolicyCatalog catalog,
            DeadlineService deadlines, ShopHealthService health, Telemetry telemetry, ReadRound round,
            SeenOrders seen) {
        this.round = round;
        this.seen = seen;
        this.orders = orders;
        this.requests = requests;
        this.catalog = catalog;
        this.deadlines = deadlines;
        this.health = health;
        this.telemetry = telemetry;
        this.reads = new DecisionReads(orders, requests, catalog, health, round);
        this.changes = new CancellationChanges(deadlines, health);
    }

    /** Decides without storing anything (what-if). The order's ship-by time is computed when it gives none. */
    public RequestOutcome evaluate(Order order, OrderRequest request, DecisionContext seller, Instant now) {
        Optional<PolicyPack> pack = catalog.inForce(order, request.requestedAt());
        if (pack.isEmpty()) {
            return noPolicy(order, request);
        }
        Order effective = order.withShipBy(deadlines.refresh(order, OrderTimers.NONE).deadlines().shipBy());
        return new RequestOutcome.Evaluated(Decisions.decide(effective, request, pack.get(), seller, now),
                pack.get());
    }

    /** Decides a request on a stored order and records it; the same request id again returns the first decision. */
    public RequestOutcome request(TenantId tenant, OrderKey key, OrderRequest request, Instant now) {
        return request(tenant, key, request, (OrderHint) null, now);
    }

    /**
     * Decides and records a request with the caller's hint of the order's buyer and shop (null: none). The order
     * as this process last saw it names them if it saw it, else the hint; what they name is read together with
     * the stored order, which decides.
     */
    public RequestOutcome request(TenantId tenant, OrderKey key, OrderRequest request, OrderHint hint,
            Instant now) {
        Order known = seen.get(tenant, key);
        DecisionReads.Names names = reads.names(known, request.requestedAt());
        return record(tenant, key, request, names != null ? names : reads.names(key, hint, request.requestedAt()),
                now);
    }

    /**
     * Decides and records a request, given the order as the caller last saw it (a message carries it; null: not
     * known). The buyer's history and the shop's buckets it names go out together with the read of the stored
     * order: one round trip, then the transaction. The stored order decides; when it names another buyer, shop or
     * pack than {@code seen}, their reads follow it.
     */
    public RequestOutcome request(TenantId tenant, OrderKey key, OrderRequest request, Order seen, Instant now) {
        return record(tenant, key, request, reads.names(seen, request.requestedAt()), now);
    }

    private RequestOutcome record(TenantId tenant, OrderKey key, OrderRequest request, DecisionReads.Names names,
            Instant now) {
        return Retry.WRITES.run(attempt -> decide(tenant, key, request, names, now), "order " + key
                + " kept changing while deciding request " + request.requestId());
    }

    private Attempt<RequestOutcome> decide(TenantId tenant, OrderKey key, OrderRequest request,
            DecisionReads.Names names, Instant now) {
        // one strongly consistent read of the order's collection: the order, and every request recorded on it
        DecisionReads.First first = reads.first(tenant, key, names, now);
        Optional<OrderRecord> stored = first.stored();
        if (stored.isEmpty()) {
            return Retry.done(new RequestOutcome.OrderNotFound());
        }
        Optional<RequestRecord> existing = stored.get().requests().stream()
                .filter(r -> r.requestId().equals(request.requestId())).findFirst();
        if (existing.isPresent()) {
            return Retry.done(replay(existing.get(), request));
        }
        StoredOrder before = stored.get().stored();
        this.seen.saw(tenant, before.order());
        Optional<PolicyPack> pack = catalog.inForce(before.order(), request.requestedAt());
        if (pack.isEmpty()) {
            return Retry.done(noPolicy(before.order(), request));
        }
        DecisionReads.Context context = reads.context(tenant, first, before.order(), pack.get(), now);
        return decideOn(stored.get(), request, pack.get(), context, now);
    }

    /** Decides on the stored order with what was read for it, and commits the decision with its effects. */
    private Attempt<RequestOutcome> decideOn(OrderRecord stored, OrderRequest request,
            PolicyPack pack, DecisionReads.Context context, Instant now) {
        RequestChange decided = changes.decide(stored.stored(), stored.requests(), request, pack,
                context, now);
        return Retry.committed(requests.commit(decided.change()), committed -> {
            telemetry.decided(committed.order().marketplace(), decided.record().decision().outcome());
            return new RequestOutcome.Recorded(decided.record(), committed);
        });
    }

    /** The same request id again: the first decision (its commit left any look mark it needed), unless reused. */
    static RequestOutcome replay(RequestRecord existing, OrderRequest request) {
        return existing.fingerprint().equals(Fingerprints.ofCancellation(request))
                ? new RequestOutcome.Replayed(existing) : new RequestOutcome.RequestIdReused(existing);
    }

    /** Records the seller's answer to a pending request: approve (the order is cancelled) or reject. */
    public RequestOutcome resolve(TenantId tenant, OrderKey key, String requestId, boolean approve, String note,
            Instant now) {
        return PendingAnswers.answer(round, requests, orders, tenant, key, requestId, RequestType.CANCELLATION,
                "resolving request", (record, before) -> answer(tenant, record, before, approve, note, now));
    }

    /** The seller's answer, resolved by the same domain function as the platform's at the request's deadline. */
    private Attempt<RequestOutcome> answer(TenantId tenant, RequestRecord record, StoredOrder before,
            boolean approve, String note, Instant now) {
        if (approve && Resolutions.approve(before.order(), record.decision().kind())
                instanceof Resolutions.Check.Refused refused) {
            return Retry.done(new RequestOutcome.NoLongerPossible(refused.reason()));
        }
        OrderEffect effect = Resolutions.answer(before.state(), record.requestId(), approve, note,
                record.decision().countsAgainstSeller(), now);
        OrderChange commit = EffectChanges.of(before, effect, deadlines,
                health.watches(ShopKey.of(before.order()), now), now).build();
        RequestTransition resolved = effect.transitions().get(0);
        return Retry.committed(requests.commit(commit), committed -> {
            return new RequestOutcome.Resolved(record.resolved(resolved.status(), resolved.resolution()), committed);
        });
    }

    static RequestStatus statusOf(Decision decision) {
        return switch (decision.outcome()) {
            case APPROVED -> RequestStatus.APPROVED;
            case PENDING_SELLER -> RequestStatus.PENDING;
            case REJECTED -> RequestStatus.REJECTED;
        };
    }

    static RequestOutcome noPolicy(Order order, OrderRequest request) {
        return new RequestOutcome.NoPolicy("no policy pack covers " + order.marketplace().code() + " "
                + order.site() + (order.deliveryScheme() == null ? "" : " " + order.deliveryScheme()) + " at "
                + request.requestedAt());
    }
}
