package com.orderguard.application;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.orderguard.application.port.OrderChangeStore.BuyerHistory;
import com.orderguard.application.port.OrderChangeStore.BuyerUpdate;
import com.orderguard.application.port.OrderChangeStore.OrderChange;
import com.orderguard.domain.HistoryEntry;
import com.orderguard.domain.Order;
import com.orderguard.domain.OrderKey;
import com.orderguard.domain.OrderState;
import com.orderguard.domain.PendingRequest;
import com.orderguard.domain.TenantId;
import com.orderguard.domain.decision.Decision;
import com.orderguard.domain.decision.DecisionContext;
import com.orderguard.domain.decision.Decisions;
import com.orderguard.domain.decision.Initiator;
import com.orderguard.domain.decision.OrderRequest;
import com.orderguard.domain.decision.Outcome;
import com.orderguard.domain.decision.PolicyPack;
import com.orderguard.domain.decision.PriorRequest;
import com.orderguard.domain.decision.RequestStatus;
import com.orderguard.domain.decision.RequestTransition;
import com.orderguard.domain.decision.RequestType;
import com.orderguard.domain.decision.Resolution;
import com.orderguard.domain.decision.Resolutions.Resolvers;
import com.orderguard.domain.health.ShopKey;

/**
 * A new cancellation request decided on the order as it stands, and the order change that records it: the request,
 * the order's state, the superseded request, the buyer's history and the shop's counts. Pure given what was read;
 * the use cases commit the change (alone, or with the snapshot a message carries).
 */
final class CancellationChanges {

    /** How long and how many of a buyer's requests are kept for per-buyer limits. */
    private static final Duration BUYER_HISTORY = Duration.ofDays(90);
    private static final int BUYER_HISTORY_MAX = 50;

    private final DeadlineService deadlines;
    private final ShopHealthService health;

    CancellationChanges(DeadlineService deadlines, ShopHealthService health) {
        this.deadlines = deadlines;
        this.health = health;
    }

    /** Decides {@code request} on {@code before} (with its requests {@code onOrder}) with what was read for it. */
    RequestChange decide(StoredOrder before, List<RequestRecord> onOrder, OrderRequest request, PolicyPack pack,
            DecisionReads.Context context, Instant now) {
        List<RequestRecord> earlier = onOrder.stream().filter(r -> r.type() == RequestType.CANCELLATION).toList();
        DecisionContext seller = health.decisionContext(pack, now, context.shop(), prior(earlier),
                context.buyer().requests());
        Order effective = before.order().withShipBy(before.timers().deadlines().shipBy());
        Decision decision = Decisions.decide(effective, request, pack, seller, now);
        RequestRecord record = new RequestRecord(request, decision, pack.ref(), Cancellations.statusOf(decision),
                now, null, Fingerprints.ofCancellation(request), RequestType.CANCELLATION);
        return new RequestChange(record, decided(before, earlier, record, context.buyer(), now));
    }

    /** The changes a new decision makes: the request, the order's state, the superseded request, the buyer. */
    private OrderChange decided(StoredOrder before, List<RequestRecord> earlier, RequestRecord record,
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
}
