package com.orderguard.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.orderguard.application.Retry.Attempt;
import com.orderguard.application.port.OrderChangeStore;
import com.orderguard.application.port.OrderChangeStore.OrderChange;
import com.orderguard.application.port.OrderStore;
import com.orderguard.application.port.ReadRound;
import com.orderguard.domain.HistoryEntry;
import com.orderguard.domain.Order;
import com.orderguard.domain.OrderKey;
import com.orderguard.domain.TenantId;
import com.orderguard.domain.decision.OrderRequest;
import com.orderguard.domain.decision.Decision;
import com.orderguard.domain.decision.Decisions;
import com.orderguard.domain.decision.PolicyCatalog;
import com.orderguard.domain.decision.PolicyPack;
import com.orderguard.domain.decision.RequestStatus;
import com.orderguard.domain.decision.RequestTransition;
import com.orderguard.domain.decision.RequestType;
import com.orderguard.domain.decision.Resolution;
import com.orderguard.domain.decision.Resolutions.Resolvers;
import com.orderguard.domain.decision.DecisionContext;

/**
 * Decides and records requests to change an order's delivery address, by the same engine and packs as
 * cancellations: which path applies (update, re-arrange, intercept and re-ship, cancel and re-order, or only a
 * return) and what it costs. Recording is exactly-once per request id; the seller then records what was done.
 * An address change never changes the order's status: a cancel-and-re-order goes through its own cancellation.
 */
public class AddressChanges {

    private final OrderStore orders;
    private final OrderChangeStore store;
    private final PolicyCatalog catalog;

    private final ReadRound round;

    /** Reads one after another (unit tests). */
    public AddressChanges(OrderStore orders, OrderChangeStore store, PolicyCatalog catalog) {
        this(orders, store, catalog, ReadRound.SEQUENTIAL);
    }

    /** @param round runs the request's and the order's reads together */
    public AddressChanges(OrderStore orders, OrderChangeStore store, PolicyCatalog catalog, ReadRound round) {
        this.round = round;
        this.orders = orders;
        this.store = store;
        this.catalog = catalog;
    }

    /** Decides and records the request; the same request id again returns the first decision. */
    public RequestOutcome request(TenantId tenant, OrderKey key, OrderRequest request, Instant now) {
        return Retry.WRITES.run(attempt -> decide(tenant, key, request, now), "order " + key
                + " kept changing while deciding address change " + request.requestId());
    }

    private Attempt<RequestOutcome> decide(TenantId tenant, OrderKey key, OrderRequest request, Instant now) {
        String fingerprint = fingerprint(request);
        Together.Two<Optional<RequestRecord>, Optional<StoredOrder>> read = Together.two(round,
                () -> store.findRequest(tenant, key, request.requestId()), () -> orders.find(tenant, key));
        Optional<RequestRecord> existing = read.first();
        if (existing.isPresent()) {
            return Retry.done(existing.get().fingerprint().equals(fingerprint)
                    ? new RequestOutcome.Replayed(existing.get())
                    : new RequestOutcome.RequestIdReused(existing.get()));
        }
        Optional<StoredOrder> stored = read.second();
        if (stored.isEmpty()) {
            return Retry.done(new RequestOutcome.OrderNotFound());
        }
        StoredOrder before = stored.get();
        Optional<PolicyPack> pack = catalog.inForce(before.order(), request.requestedAt());
        if (pack.isEmpty()) {
            return Retry.done(new RequestOutcome.NoPolicy("no policy pack covers "
                    + before.order().marketplace().code() + " " + before.order().site() + " at "
                    + request.requestedAt()));
        }
        RequestChange decided = decide(before, request, pack.get(), now);
        return Retry.committed(store.commit(decided.change()),
                committed -> new RequestOutcome.Recorded(decided.record(), committed));
    }

    /** Decides the address change on the order as it stands; the change that records it is not committed yet. */
    static RequestChange decide(StoredOrder before, OrderRequest request, PolicyPack pack, Instant now) {
        TenantId tenant = before.tenant();
        OrderKey key = before.order().key();
        Order effective = before.order().withShipBy(before.timers().deadlines().shipBy());
        Decision decision = Decisions.decideAddressChange(effective, request, pack, DecisionContext.none(), now);
        RequestRecord record = new RequestRecord(request, decision, pack.ref(), Cancellations.statusOf(decision),
                now, null, fingerprint(request), RequestType.ADDRESS_CHANGE);
        OutboxEvent event = new OutboxEvent.AddressChangeDecided(OutboxEvent.id("AddressChangeDecided", tenant,
                key, request.requestId()), tenant, key, now, record);
        String summary = "address change request " + request.requestId() + " by " + request.initiator() + ": "
                + decision.outcome() + " " + decision.kind();
        return new RequestChange(record, OrderChange.of(before, now).created(List.of(record)).events(List.of(event))
                .history(List.of(new HistoryEntry(now, "ADDRESS_CHANGE_DECIDED", summary, request.requestId())))
                .build());
    }

    /** A digest of the request, to tell a retry from another request reusing the id. */
    static String fingerprint(OrderRequest request) {
        return Fingerprints.of(RequestType.ADDRESS_CHANGE, request.initiator(), request.note());
    }

    /** Records what the seller did about a pending address change: done (APPROVE) or not (REJECT). */
    public RequestOutcome resolve(TenantId tenant, OrderKey key, String requestId, boolean approve, String note,
            Instant now) {
        return PendingAnswers.answer(round, store, orders, tenant, key, requestId, RequestType.ADDRESS_CHANGE,
                "resolving address change", (record, before) -> {
                    RequestStatus status = approve ? RequestStatus.APPROVED : RequestStatus.REJECTED;
                    Resolution how = new Resolution(Resolvers.SELLER, approve ? "APPROVE" : "REJECT", now, note);
                    OutboxEvent event = new OutboxEvent.AddressChangeResolved(OutboxEvent.id("AddressChangeResolved",
                            tenant, key, requestId), tenant, key, now, requestId, status, how);
                    HistoryEntry line = new HistoryEntry(now, "ADDRESS_CHANGE_RESOLVED", "address change request "
                            + requestId + " " + (approve ? "done" : "refused") + " by the seller", requestId);
                    OrderChange commit = OrderChange.of(before, now).events(List.of(event)).history(List.of(line))
                            .transitions(List.of(RequestTransition.closed(requestId, status, how))).build();
                    return Retry.committed(store.commit(commit),
                            committed -> new RequestOutcome.Resolved(record.resolved(status, how), committed));
                });
    }
}
