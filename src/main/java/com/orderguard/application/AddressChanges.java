package com.orderguard.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.orderguard.application.port.OrderChangeStore;
import com.orderguard.application.port.OrderChangeStore.CommitResult;
import com.orderguard.application.port.OrderChangeStore.OrderChange;
import com.orderguard.application.port.OrderChangeStore.Transition;
import com.orderguard.application.port.OrderStore;
import com.orderguard.domain.HistoryEntry;
import com.orderguard.domain.Order;
import com.orderguard.domain.OrderKey;
import com.orderguard.domain.TenantId;
import com.orderguard.domain.decision.OrderRequest;
import com.orderguard.domain.decision.Decision;
import com.orderguard.domain.decision.Decisions;
import com.orderguard.domain.decision.PolicyCatalog;
import com.orderguard.domain.decision.PolicyPack;
import com.orderguard.domain.decision.RequestType;
import com.orderguard.domain.decision.DecisionContext;
import com.orderguard.domain.health.ShopKey;

/**
 * Decides and records requests to change an order's delivery address, by the same engine and packs as
 * cancellations: which path applies (update, re-arrange, intercept and re-ship, cancel and re-order, or only a
 * return) and what it costs. Recording is exactly-once per request id; the seller then records what was done.
 * An address change never changes the order's status: a cancel-and-re-order goes through its own cancellation.
 */
public class AddressChanges {

    private static final int MAX_ATTEMPTS = 8;

    private final OrderStore orders;
    private final OrderChangeStore store;
    private final PolicyCatalog catalog;

    public AddressChanges(OrderStore orders, OrderChangeStore store, PolicyCatalog catalog) {
        this.orders = orders;
        this.store = store;
        this.catalog = catalog;
    }

    /** Decides and records the request; the same request id again returns the first decision. */
    public RequestOutcome request(TenantId tenant, OrderKey key, OrderRequest request, Instant now) {
        String fingerprint = Fingerprints.of(RequestType.ADDRESS_CHANGE, request.initiator(), request.note());
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Optional<RequestRecord> existing = store.findRequest(tenant, key, request.requestId());
            if (existing.isPresent()) {
                return existing.get().fingerprint().equals(fingerprint)
                        ? new RequestOutcome.Replayed(existing.get())
                        : new RequestOutcome.RequestIdReused(existing.get());
            }
            Optional<StoredOrder> stored = orders.find(tenant, key);
            if (stored.isEmpty()) {
                return new RequestOutcome.OrderNotFound();
            }
            StoredOrder before = stored.get();
            Optional<PolicyPack> pack = catalog.inForce(before.order(), request.requestedAt());
            if (pack.isEmpty()) {
                return new RequestOutcome.NoPolicy("no policy pack covers " + before.order().marketplace().code()
                        + " " + before.order().site() + " at " + request.requestedAt());
            }
            Order effective = before.order().withShipBy(before.timers().deadlines().shipBy());
            Decision decision = Decisions.decideAddressChange(effective, request, pack.get(), DecisionContext.none(),
                    now);
            RequestRecord record = new RequestRecord(request, decision, pack.get().ref(),
                    Cancellations.statusOf(decision), now, null, fingerprint, RequestType.ADDRESS_CHANGE);
            OutboxEvent event = new OutboxEvent.AddressChangeDecided(OutboxEvent.id("AddressChangeDecided", tenant,
                    key, request.requestId()), tenant, key, now, record);
            String summary = "address change request " + request.requestId() + " by " + request.initiator() + ": "
                    + decision.outcome() + " " + decision.kind();
            if (store.commit(unchanged(before, List.of(record), List.of(), new HistoryEntry(now,
                    "ADDRESS_CHANGE_DECIDED", summary, request.requestId()), event, now))
                    instanceof CommitResult.Committed committed) {
                return new RequestOutcome.Recorded(record, committed.order());
            }
            Backoff.pause(attempt);
        }
        throw new ConcurrentUpdateException("order " + key + " kept changing while deciding address change "
                + request.requestId());
    }

    /** Records what the seller did about a pending address change: done (APPROVE) or not (REJECT). */
    public RequestOutcome resolve(TenantId tenant, OrderKey key, String requestId, boolean approve, String note,
            Instant now) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Optional<RequestRecord> found = store.findRequest(tenant, key, requestId);
            if (found.isEmpty() || found.get().type() != RequestType.ADDRESS_CHANGE) {
                return new RequestOutcome.RequestNotFound();
            }
            if (found.get().status() != RequestStatus.PENDING) {
                return new RequestOutcome.NotPending(found.get());
            }
            Optional<StoredOrder> stored = orders.find(tenant, key);
            if (stored.isEmpty()) {
                return new RequestOutcome.OrderNotFound();
            }
            RequestStatus status = approve ? RequestStatus.APPROVED : RequestStatus.REJECTED;
            RequestRecord.Resolution how = new RequestRecord.Resolution("SELLER",
                    approve ? "APPROVE" : "REJECT", now, note);
            OutboxEvent event = new OutboxEvent.AddressChangeResolved(OutboxEvent.id("AddressChangeResolved", tenant,
                    key, requestId), tenant, key, now, requestId, status, how);
            OrderChange commit = unchanged(stored.get(), List.of(),
                    List.of(new Transition(requestId, RequestStatus.PENDING, status, how)), new HistoryEntry(now,
                            "ADDRESS_CHANGE_RESOLVED", "address change request " + requestId + " "
                            + (approve ? "done" : "refused") + " by the seller", requestId), event, now);
            if (store.commit(commit) instanceof CommitResult.Committed committed) {
                return new RequestOutcome.Resolved(found.get().resolved(status, how), committed.order());
            }
            Backoff.pause(attempt);
        }
        throw new ConcurrentUpdateException("order " + key + " kept changing while resolving address change "
                + requestId);
    }

    /** A commit that records requests, history and an event but leaves the order as it is (its version moves). */
    private static OrderChange unchanged(StoredOrder before, List<RequestRecord> created,
            List<Transition> transitions, HistoryEntry history, OutboxEvent event, Instant now) {
        return new OrderChange(before, before.order(), before.timers(), before.cancelledBy(), before.nextDueAt(),
                created, transitions, List.of(history), List.of(event), null,
                ShopCounts.none(ShopKey.of(before.order())), null, now);
    }
}
