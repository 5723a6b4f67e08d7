package com.orderguard.application;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.orderguard.application.port.OrderChangeStore;
import com.orderguard.application.port.OrderChangeStore.BuyerHistory;
import com.orderguard.application.port.OrderChangeStore.BuyerUpdate;
import com.orderguard.application.port.OrderChangeStore.CommitResult;
import com.orderguard.application.port.OrderChangeStore.OrderChange;
import com.orderguard.application.port.OrderChangeStore.Transition;
import com.orderguard.application.port.OrderStore;
import com.orderguard.application.port.Telemetry;
import com.orderguard.domain.HistoryEntry;
import com.orderguard.domain.Order;
import com.orderguard.domain.OrderKey;
import com.orderguard.domain.OrderStatus;
import com.orderguard.domain.PendingRequest;
import com.orderguard.domain.TenantId;
import com.orderguard.domain.deadline.OrderTimers;
import com.orderguard.domain.health.MetricEvents;
import com.orderguard.domain.health.ShopKey;
import com.orderguard.domain.decision.OrderRequest;
import com.orderguard.domain.decision.Decision;
import com.orderguard.domain.decision.Decisions;
import com.orderguard.domain.decision.Initiator;
import com.orderguard.domain.decision.Outcome;
import com.orderguard.domain.decision.PolicyCatalog;
import com.orderguard.domain.decision.PolicyPack;
import com.orderguard.domain.decision.PriorRequest;
import com.orderguard.domain.decision.RequestType;
import com.orderguard.domain.decision.Resolutions;
import com.orderguard.domain.decision.DecisionContext;

/**
 * Evaluates, records and resolves cancellation requests. Recording decides on the order as stored and commits the
 * decision with all its effects in one transaction, so a retried request cannot decide twice and a concurrent ship
 * event and cancellation cannot both win: whichever commits second re-reads and decides again.
 */
public class Cancellations {

    private static final int MAX_ATTEMPTS = 8;
    /** How long and how many of a buyer's requests are kept for per-buyer limits. */
    private static final Duration BUYER_HISTORY = Duration.ofDays(90);
    private static final int BUYER_HISTORY_MAX = 50;

    private final OrderStore orders;
    private final OrderChangeStore requests;
    private final PolicyCatalog catalog;
    private final DeadlineService deadlines;
    private final ShopHealthService health;
    private final Telemetry telemetry;

    /** Without metrics (unit tests). */
    public Cancellations(OrderStore orders, OrderChangeStore requests, PolicyCatalog catalog,
            DeadlineService deadlines, ShopHealthService health) {
        this(orders, requests, catalog, deadlines, health, Telemetry.NONE);
    }

    public Cancellations(OrderStore orders, OrderChangeStore requests, PolicyCatalog catalog,
            DeadlineService deadlines, ShopHealthService health, Telemetry telemetry) {
        this.orders = orders;
        this.requests = requests;
        this.catalog = catalog;
        this.deadlines = deadlines;
        this.health = health;
        this.telemetry = telemetry;
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
        // the request time is left out: a retry without an explicit time is stamped anew, and still the same request
        String fingerprint = Fingerprints.of(request.initiator(), request.reason(), request.via(), request.note());
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            // one strongly consistent read of the order's collection: the order, and every request recorded on it
            Optional<OrderRecord> stored = orders.load(tenant, key);
            if (stored.isEmpty()) {
                return new RequestOutcome.OrderNotFound();
            }
            Optional<RequestRecord> existing = stored.get().requests().stream()
                    .filter(r -> r.requestId().equals(request.requestId())).findFirst();
            if (existing.isPresent()) {
                if (!existing.get().fingerprint().equals(fingerprint)) {
                    return new RequestOutcome.RequestIdReused(existing.get());
                }
                // the first attempt may have failed after its commit, before the shop's metrics were looked at
                if (existing.get().decision().countsAgainstSeller()
                        && existing.get().status() == RequestStatus.APPROVED) {
                    health.watch(tenant, ShopKey.of(stored.get().stored().order()), now);
                }
                return new RequestOutcome.Replayed(existing.get());
            }
            StoredOrder before = stored.get().stored();
            List<RequestRecord> earlier = stored.get().requests().stream()
                    .filter(r -> r.type() == RequestType.CANCELLATION).toList();
            Optional<PolicyPack> pack = catalog.inForce(before.order(), request.requestedAt());
            if (pack.isEmpty()) {
                return noPolicy(before.order(), request);
            }
            String buyerId = before.order().buyerId();
            BuyerHistory buyer = buyerId == null ? BuyerHistory.NONE
                    : requests.buyerHistory(tenant, before.order().marketplace(), buyerId);
            DecisionContext seller = health.decisionContext(tenant, ShopKey.of(before.order()), pack.get(), now,
                    prior(earlier), buyer.requests());
            Order effective = before.order().withShipBy(before.timers().deadlines().shipBy());
            Decision decision = Decisions.decide(effective, request, pack.get(), seller, now);
            RequestRecord record = new RequestRecord(request, decision, pack.get().ref(),
                    statusOf(decision), now, null, fingerprint, RequestType.CANCELLATION);
            OrderChange commit = decided(before, earlier, record, buyer, now);
            CommitResult result = requests.commit(commit);
            if (result instanceof CommitResult.Committed committed) {
                health.afterCounting(tenant, commit.counts(), now);
                telemetry.decided(before.order().marketplace(), decision.outcome());
                return new RequestOutcome.Recorded(record, committed.order());
            }
            Backoff.pause(attempt);
        }
        throw new ConcurrentUpdateException("order " + key + " kept changing while deciding request "
                + request.requestId());
    }

    /** Records the seller's answer to a pending request: approve (the order is cancelled) or reject. */
    public RequestOutcome resolve(TenantId tenant, OrderKey key, String requestId, boolean approve, String note,
            Instant now) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Optional<RequestRecord> found = requests.findRequest(tenant, key, requestId);
            if (found.isEmpty()) {
                return new RequestOutcome.RequestNotFound();
            }
            RequestRecord record = found.get();
            if (record.type() != RequestType.CANCELLATION) {
                return new RequestOutcome.RequestNotFound();
            }
            if (record.status() != RequestStatus.PENDING) {
                return new RequestOutcome.NotPending(record);
            }
            Optional<StoredOrder> stored = orders.find(tenant, key);
            if (stored.isEmpty()) {
                return new RequestOutcome.OrderNotFound();
            }
            StoredOrder before = stored.get();
            if (approve && Resolutions.approve(before.order(), record.decision().kind())
                    instanceof Resolutions.Check.Refused refused) {
                return new RequestOutcome.NoLongerPossible(refused.reason());
            }
            RequestStatus status = approve ? RequestStatus.APPROVED : RequestStatus.REJECTED;
            RequestRecord.Resolution how = new RequestRecord.Resolution("SELLER",
                    approve ? "APPROVE" : "REJECT", now, note);
            OutboxEvent event = new OutboxEvent.CancellationResolved(OutboxEvent.id("CancellationResolved", tenant,
                    key, requestId), tenant, key, now, requestId, status, how);
            OrderChange commit = resolution(before, requestId, status, how, event,
                    record.decision().countsAgainstSeller(), now);
            CommitResult result = requests.commit(commit);
            if (result instanceof CommitResult.Committed committed) {
                health.afterCounting(tenant, commit.counts(), now);
                return new RequestOutcome.Resolved(record.resolved(status, how), committed.order());
            }
            Backoff.pause(attempt);
        }
        throw new ConcurrentUpdateException("order " + key + " kept changing while resolving request " + requestId);
    }

    /**
     * The changes a resolved request makes: cancel the order when approved, stop waiting on the request either way.
     * Shared with the sweep, which resolves expired requests the way the platform does.
     */
    OrderChange resolution(StoredOrder before, String requestId, RequestStatus status,
            RequestRecord.Resolution how, OutboxEvent event, boolean counts, Instant now) {
        boolean approved = status == RequestStatus.APPROVED;
        Order order = approved ? before.order().withStatus(OrderStatus.CANCELLED) : before.order();
        PendingRequest pending = before.pending() != null && before.pending().requestId().equals(requestId)
                ? null : before.pending();
        OrderTimers timers = before.timers().withPending(pending);
        String summary = "cancellation request " + requestId + " " + (approved ? "approved" : "rejected") + " by "
                + how.by().toLowerCase();
        return new OrderChange(before, order, timers, approved ? requestId : before.cancelledBy(),
                deadlines.next(order, timers), List.of(),
                List.of(new Transition(requestId, RequestStatus.PENDING, status, how)),
                List.of(new HistoryEntry(now, "CANCELLATION_RESOLVED", summary, requestId)), List.of(event), null,
                cancellationCounts(order, approved && counts, now), null, now);
    }

    /** The changes a new decision makes: the request, the order's state, the superseded request, the buyer. */
    OrderChange decided(StoredOrder before, List<RequestRecord> earlier, RequestRecord record,
            BuyerHistory buyer, Instant now) {
        Decision decision = record.decision();
        Order order = before.order();
        OrderTimers timers = before.timers();
        String cancelledBy = before.cancelledBy();
        List<Transition> transitions = new ArrayList<>();
        if (decision.outcome() == Outcome.APPROVED) {
            order = order.withStatus(OrderStatus.CANCELLED);
            cancelledBy = record.requestId();
        }
        if (decision.outcome() != Outcome.REJECTED) {
            // the order now waits on the new request, or no longer waits at all: an earlier one is superseded
            RequestRecord.Resolution superseded = new RequestRecord.Resolution("ORDERGUARD", "SUPERSEDED",
                    now, "superseded by request " + record.requestId());
            earlier.stream().filter(r -> r.status() == RequestStatus.PENDING).forEach(r -> transitions.add(
                    new Transition(r.requestId(), RequestStatus.PENDING, RequestStatus.SUPERSEDED, superseded)));
            timers = timers.withPending(decision.outcome() == Outcome.PENDING_SELLER
                    ? new PendingRequest(record.requestId(), decision.respondBy(), decision.ifNoResponse(),
                            decision.kind(), decision.countsAgainstSeller()) : null);
        }
        OrderRequest request = record.request();
        String summary = "cancellation request " + record.requestId() + " by " + request.initiator() + " ("
                + request.reason() + "): " + decision.outcome() + (decision.respondBy() == null ? ""
                : " until " + decision.respondBy());
        TenantId tenant = before.tenant();
        OrderKey key = before.order().key();
        OutboxEvent event = new OutboxEvent.CancellationDecided(OutboxEvent.id("CancellationDecided", tenant, key,
                record.requestId()), tenant, key, now, record);
        return new OrderChange(before, order, timers, cancelledBy, deadlines.next(order, timers), List.of(record),
                transitions, List.of(new HistoryEntry(now, "CANCELLATION_DECIDED", summary, record.requestId())),
                List.of(event), buyerUpdate(before.order(), buyer, record, now),
                cancellationCounts(order, decision.outcome() == Outcome.APPROVED && decision.countsAgainstSeller(),
                        now),
                null, now);
    }

    /** A cancellation that took effect now and counts against the seller, for the shop's buckets. */
    ShopCounts cancellationCounts(Order order, boolean counts, Instant now) {
        return counts ? new ShopCounts(ShopKey.of(order), MetricEvents.ofCancellation(now, deadlines.zoneOf(order)))
                : ShopCounts.none(ShopKey.of(order));
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
