package com.orderguard.application;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.orderguard.application.Retry.Attempt;
import com.orderguard.application.port.OrderChangeStore;
import com.orderguard.application.port.OrderChangeStore.BuyerHistory;
import com.orderguard.application.port.OrderChangeStore.BuyerUpdate;
import com.orderguard.application.port.OrderChangeStore.OrderChange;
import com.orderguard.application.port.OrderStore;
import com.orderguard.application.port.ReadRound;
import com.orderguard.application.port.Telemetry;
import com.orderguard.domain.HistoryEntry;
import com.orderguard.domain.Order;
import com.orderguard.domain.OrderEffect;
import com.orderguard.domain.OrderKey;
import com.orderguard.domain.OrderState;
import com.orderguard.domain.PendingRequest;
import com.orderguard.domain.TenantId;
import com.orderguard.domain.deadline.OrderTimers;
import com.orderguard.domain.health.ShopKey;
import com.orderguard.domain.decision.OrderRequest;
import com.orderguard.domain.decision.Decision;
import com.orderguard.domain.decision.Decisions;
import com.orderguard.domain.decision.Initiator;
import com.orderguard.domain.decision.Outcome;
import com.orderguard.domain.decision.PolicyCatalog;
import com.orderguard.domain.decision.PolicyPack;
import com.orderguard.domain.decision.PriorRequest;
import com.orderguard.domain.decision.RequestStatus;
import com.orderguard.domain.decision.RequestTransition;
import com.orderguard.domain.decision.RequestType;
import com.orderguard.domain.decision.Resolution;
import com.orderguard.domain.decision.Resolutions;
import com.orderguard.domain.decision.Resolutions.Resolvers;
import com.orderguard.domain.decision.DecisionContext;

/**
 * Evaluates, records and resolves cancellation requests. Recording decides on the order as stored and commits the
 * decision with all its effects in one transaction, so a retried request cannot decide twice and a concurrent ship
 * event and cancellation cannot both win: whichever commits second re-reads and decides again.
 */
public class Cancellations {

    /** How long and how many of a buyer's requests are kept for per-buyer limits. */
    private static final Duration BUYER_HISTORY = Duration.ofDays(90);
    private static final int BUYER_HISTORY_MAX = 50;

    private final OrderStore orders;
    private final OrderChangeStore requests;
    private final PolicyCatalog catalog;
    private final DeadlineService deadlines;
    private final ShopHealthService health;
    private final Telemetry telemetry;
    private final ReadRound round;
    private final SeenOrders seen;
    private final DecisionReads reads;

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
        return request(tenant, key, request, seen.get(tenant, key), now);
    }

    /**
     * Decides and records a request, given the order as the caller last saw it (a message carries it; the method
     * without it takes the order as this process last saw it; null: not known). The buyer's history and the shop's
     * buckets it names go out together with the read of the stored order: one round trip, then the transaction.
     * The stored order decides; when it names another buyer, shop or pack than {@code seen}, their reads follow it.
     */
    public RequestOutcome request(TenantId tenant, OrderKey key, OrderRequest request, Order seen, Instant now) {
        return Retry.WRITES.run(attempt -> decide(tenant, key, request, seen, now), "order " + key
                + " kept changing while deciding request " + request.requestId());
    }

    private Attempt<RequestOutcome> decide(TenantId tenant, OrderKey key, OrderRequest request, Order seen,
            Instant now) {
        // one strongly consistent read of the order's collection: the order, and every request recorded on it
        DecisionReads.First first = reads.first(tenant, key, seen, request.requestedAt(), now);
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
        return decideOn(tenant, stored.get(), request, pack.get(), context, now);
    }

    /** Decides on the stored order with what was read for it, and commits the decision with its effects. */
    private Attempt<RequestOutcome> decideOn(TenantId tenant, OrderRecord stored, OrderRequest request,
            PolicyPack pack, DecisionReads.Context context, Instant now) {
        StoredOrder before = stored.stored();
        List<RequestRecord> earlier = stored.requests().stream()
                .filter(r -> r.type() == RequestType.CANCELLATION).toList();
        DecisionContext seller = health.decisionContext(pack, now, context.shop(), prior(earlier),
                context.buyer().requests());
        Order effective = before.order().withShipBy(before.timers().deadlines().shipBy());
        Decision decision = Decisions.decide(effective, request, pack, seller, now);
        RequestRecord record = new RequestRecord(request, decision, pack.ref(),
                statusOf(decision), now, null, Fingerprints.ofCancellation(request), RequestType.CANCELLATION);
        OrderChange commit = decided(before, earlier, record, context.buyer(), now);
        return Retry.committed(requests.commit(commit), committed -> {
            telemetry.decided(before.order().marketplace(), decision.outcome());
            return new RequestOutcome.Recorded(record, committed);
        });
    }

    /** The same request id again: the first decision (its commit left any look mark it needed), unless reused. */
    private static RequestOutcome replay(RequestRecord existing, OrderRequest request) {
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

    /** The changes a new decision makes: the request, the order's state, the superseded request, the buyer. */
    OrderChange decided(StoredOrder before, List<RequestRecord> earlier, RequestRecord record,
            BuyerHistory buyer, Instant now) {
        Decision decision = record.decision();
        OrderState state = decision.outcome() == Outcome.APPROVED ? before.state().cancelled(record.requestId())
                : before.state();
        List<RequestTransition> transitions = new ArrayList<>();
        if (decision.outcome() != Outcome.REJECTED) {
            // the order now waits on the new request, or no longer waits at all: an earlier one is superseded
            Resolution superseded = new Resolution(Resolvers.ORDERGUARD, "SUPERSEDED", now,
                    "superseded by request " + record.requestId());
            earlier.stream().filter(r -> r.status() == RequestStatus.PENDING).forEach(r -> transitions.add(
                    RequestTransition.closed(r.requestId(), RequestStatus.SUPERSEDED, superseded)));
            state = state.withTimers(state.timers().withPending(decision.outcome() == Outcome.PENDING_SELLER
                    ? new PendingRequest(record.requestId(), decision.respondBy(), decision.ifNoResponse(),
                            decision.kind(), decision.countsAgainstSeller()) : null));
        }
        OrderRequest request = record.request();
        String summary = "cancellation request " + record.requestId() + " by " + request.initiator() + " ("
                + request.reason() + "): " + decision.outcome() + (decision.respondBy() == null ? ""
                : " until " + decision.respondBy());
        TenantId tenant = before.tenant();
        OrderKey key = before.order().key();
        OutboxEvent event = new OutboxEvent.CancellationDecided(OutboxEvent.id("CancellationDecided", tenant, key,
                record.requestId()), tenant, key, now, record);
        boolean counts = decision.outcome() == Outcome.APPROVED && decision.countsAgainstSeller();
        return OrderChange.of(before, now)
                .state(state, deadlines.next(state.order(), state.timers())).created(List.of(record))
                .transitions(transitions)
                .history(List.of(new HistoryEntry(now, "CANCELLATION_DECIDED", summary, record.requestId())))
                .events(List.of(event)).buyer(buyerUpdate(before.order(), buyer, record, now))
                .counts(EffectChanges.cancellationCounts(state.order(), counts, deadlines,
                        health.watches(ShopKey.of(state.order()), now), now)).build();
    }

    private static BuyerUpdate buyerUpdate(Order order, BuyerHistory buyer, RequestRecord record, Instant now) {
        Decision decision = record.decision();
        if (order.buyerId() == null || record.request().initiator() != Initiator.BUYER
                || decision.outcome() == Outcome.REJECTED) {
            return null;
        }
        List<PriorRequest> kept = new ArrayList<>(buyer.requests().stream()
                .filter(p -> p.requestedAt().isAfter(now.minus(BUYER_HISTORY))).toList());
        kept.add(new PriorRequest(record.request().requestedAt(), Initiator.BUYER, decision.kind(),
                decision.outcome()));
        kept.sort(Comparator.comparing(PriorRequest::requestedAt));
        List<PriorRequest> trimmed = kept.subList(Math.max(0, kept.size() - BUYER_HISTORY_MAX), kept.size());
        return new BuyerUpdate(order.marketplace(), order.buyerId(), buyer.version(), List.copyOf(trimmed));
    }

    private static List<PriorRequest> prior(List<RequestRecord> records) {
        return records.stream().map(r -> new PriorRequest(r.request().requestedAt(), r.request().initiator(),
                r.decision().kind(), r.decision().outcome())).toList();
    }

    static RequestStatus statusOf(Decision decision) {
        return switch (decision.outcome()) {
            case APPROVED -> RequestStatus.APPROVED;
            case PENDING_SELLER -> RequestStatus.PENDING;
            case REJECTED -> RequestStatus.REJECTED;
        };
    }

    private static RequestOutcome noPolicy(Order order, OrderRequest request) {
        return new RequestOutcome.NoPolicy("no policy pack covers " + order.marketplace().code() + " "
                + order.site() + (order.deliveryScheme() == null ? "" : " " + order.deliveryScheme()) + " at "
                + request.requestedAt());
    }
}
