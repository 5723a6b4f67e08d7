package com.orderguard.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.orderguard.application.port.OrderChangeStore.OrderChange;
import com.orderguard.application.port.OrderChangeStore.Transition;
import com.orderguard.domain.HistoryEntry;
import com.orderguard.domain.Order;
import com.orderguard.domain.OrderKey;
import com.orderguard.domain.OrderStatus;
import com.orderguard.domain.PendingRequest;
import com.orderguard.domain.TenantId;
import com.orderguard.domain.deadline.DueAction;
import com.orderguard.domain.deadline.OrderTimers;
import com.orderguard.domain.health.Counts;
import com.orderguard.domain.health.MetricEvents;
import com.orderguard.domain.health.ShopKey;
import com.orderguard.domain.decision.CancelReason;
import com.orderguard.domain.decision.OrderRequest;
import com.orderguard.domain.decision.Channel;
import com.orderguard.domain.decision.Decision;
import com.orderguard.domain.decision.Decisions;
import com.orderguard.domain.decision.Initiator;
import com.orderguard.domain.decision.Outcome;
import com.orderguard.domain.decision.PolicyCatalog;
import com.orderguard.domain.decision.PolicyPack;
import com.orderguard.domain.decision.RequestType;
import com.orderguard.domain.decision.Resolutions;
import com.orderguard.domain.decision.DecisionContext;

/**
 * Plans the actions due for one order as one order change (committed by the sweep): early warnings, the overdue mark, the platform's
 * auto-cancel (decided by the pack like any other request, as {@code PLATFORM}/{@code LATE_SHIPMENT}) and the
 * expiry of a pending request, with their history entries and outbox events.
 */
class DueActionPlanner {

    /** The request id of an order's auto-cancel: one per order, so two sweeps cannot record it twice. */
    static final String AUTO_CANCEL_ID = "auto-cancel";

    private final PolicyCatalog catalog;
    private final DeadlineService deadlines;

    DueActionPlanner(PolicyCatalog catalog, DeadlineService deadlines) {
        this.catalog = catalog;
        this.deadlines = deadlines;
    }

    /** The change for {@code actions} on {@code before}, or empty when they change nothing. */
    Optional<OrderChange> plan(StoredOrder before, List<DueAction> actions, Instant now) {
        if (actions.isEmpty()) {
            return Optional.empty();
        }
        TenantId tenant = before.tenant();
        OrderKey key = before.order().key();
        Order order = before.order();
        OrderTimers timers = before.timers();
        String cancelledBy = before.cancelledBy();
        List<RequestRecord> created = new ArrayList<>();
        List<Transition> transitions = new ArrayList<>();
        List<HistoryEntry> history = new ArrayList<>();
        List<OutboxEvent> events = new ArrayList<>();
        Set<java.time.Duration> warned = new HashSet<>(timers.warned());
        boolean counted = false;
        // when several warnings fall due at once (the order was first seen late), only the most urgent goes out
        java.time.Duration urgent = actions.stream().filter(a -> a instanceof DueAction.Warn w && w.send())
                .map(a -> ((DueAction.Warn) a).lead()).min(java.util.Comparator.naturalOrder()).orElse(null);
        for (DueAction action : actions) {
            if (action instanceof DueAction.Warn warn) {
                warned.add(warn.lead());
                if (warn.send() && warn.lead().equals(urgent)) {
                    events.add(new OutboxEvent.ShipByApproaching(OutboxEvent.id("ShipByApproaching", tenant, key,
                            warn.lead() + ":" + warn.shipBy()), tenant, key, now, warn.shipBy(), warn.lead()));
                    history.add(new HistoryEntry(now, "SHIP_BY_APPROACHING", "ship-by time " + warn.shipBy()
                            + " is " + warn.lead() + " away", "warn-" + warn.lead()));
                }
            } else if (action instanceof DueAction.MarkOverdue overdue) {
                timers = timers.withOverdueSince(overdue.shipBy());
                history.add(new HistoryEntry(now, "SHIP_BY_PASSED", "not shipped by " + overdue.shipBy(),
                        "overdue"));
            } else if (action instanceof DueAction.AutoCancel autoCancel) {
                Optional<RequestRecord> record = autoCancel(order, timers, autoCancel.dueAt(), now);
                if (record.isPresent() && record.get().decision().outcome() == Outcome.APPROVED) {
                    created.add(record.get());
                    counted = record.get().decision().countsAgainstSeller();
                    order = order.withStatus(OrderStatus.CANCELLED);
                    cancelledBy = AUTO_CANCEL_ID;
                    if (timers.pending() != null) {
                        transitions.add(new Transition(timers.pending().requestId(), RequestStatus.PENDING,
                                RequestStatus.SUPERSEDED, new RequestRecord.Resolution("ORDERGUARD",
                                        "SUPERSEDED", now, "the platform cancelled the order as not shipped in time")));
                        timers = timers.withPending(null);
                    }
                    events.add(new OutboxEvent.OrderAutoCancelled(OutboxEvent.id("OrderAutoCancelled", tenant, key,
                            AUTO_CANCEL_ID), tenant, key, now, record.get()));
                    history.add(new HistoryEntry(now, "ORDER_AUTO_CANCELLED", "not shipped by the platform's"
                            + " deadline " + autoCancel.dueAt() + ": cancelled as LATE_SHIPMENT", AUTO_CANCEL_ID));
                }
            } else if (action instanceof DueAction.CloseRequest close && timers.pending() != null) {
                PendingRequest pending = close.request();
                RequestRecord.Resolution how = new RequestRecord.Resolution("ORDERGUARD", "SUPERSEDED",
                        now, "the order was " + order.status().name().toLowerCase() + " on the platform before the"
                                + " seller answered");
                transitions.add(new Transition(pending.requestId(), RequestStatus.PENDING, RequestStatus.SUPERSEDED,
                        how));
                timers = timers.withPending(null);
                events.add(new OutboxEvent.CancellationResolved(OutboxEvent.id("CancellationResolved", tenant, key,
                        pending.requestId()), tenant, key, now, pending.requestId(), RequestStatus.SUPERSEDED, how));
                history.add(new HistoryEntry(now, "REQUEST_SUPERSEDED", "request " + pending.requestId() + " closed: "
                        + how.note(), pending.requestId()));
            } else if (action instanceof DueAction.ExpireRequest expire && timers.pending() != null) {
                PendingRequest pending = expire.request();
                boolean approve = pending.ifNoResponse() == Outcome.APPROVED && Resolutions.approve(order,
                        pending.kind()) instanceof Resolutions.Check.Allowed;
                RequestStatus status = approve ? RequestStatus.APPROVED : RequestStatus.REJECTED;
                RequestRecord.Resolution how = new RequestRecord.Resolution("AUTO",
                        pending.ifNoResponse() == Outcome.APPROVED ? (approve ? "APPROVE" : "EXPIRED") : "REJECT",
                        now, "no answer by " + pending.respondBy());
                transitions.add(new Transition(pending.requestId(), RequestStatus.PENDING, status, how));
                timers = timers.withPending(null);
                if (approve) {
                    counted = pending.countsAgainstSeller();
                    order = order.withStatus(OrderStatus.CANCELLED);
                    cancelledBy = pending.requestId();
                    events.add(new OutboxEvent.RequestAutoApproved(OutboxEvent.id("RequestAutoApproved", tenant, key,
                            pending.requestId()), tenant, key, now, pending.requestId()));
                } else {
                    events.add(new OutboxEvent.CancellationResolved(OutboxEvent.id("CancellationResolved", tenant,
                            key, pending.requestId()), tenant, key, now, pending.requestId(), status, how));
                }
                history.add(new HistoryEntry(now, "REQUEST_EXPIRED", "request " + pending.requestId() + " unanswered"
                        + " by " + pending.respondBy() + ": " + status.name().toLowerCase(), pending.requestId()));
            }
        }
        timers = timers.withWarned(warned);
        Counts counts = counted ? MetricEvents.ofCancellation(now, deadlines.zoneOf(order)) : Counts.NONE;
        // the sweep looks at the shop at the end of its run: the mark keeps that look if the run dies before
        ShopCounts shopCounts = new ShopCounts(ShopKey.of(order), counts, counted && hasMetrics(order, now));
        return Optional.of(new OrderChange(before, order, timers, cancelledBy, deadlines.next(order, timers), created,
                transitions, history, events, null, shopCounts, null, now));
    }

    /** Whether the shop's metrics are watched: the pack in force for its site names some. */
    private boolean hasMetrics(Order order, Instant now) {
        return catalog.inForce(order.marketplace(), order.site(), null, now)
                .map(pack -> !pack.health().metrics().isEmpty()).orElse(false);
    }

    /** The platform's auto-cancel, decided by the pack in force at the deadline. */
    private Optional<RequestRecord> autoCancel(Order order, OrderTimers timers, Instant at, Instant now) {
        OrderRequest request = new OrderRequest(AUTO_CANCEL_ID, Initiator.PLATFORM,
                CancelReason.LATE_SHIPMENT, Channel.PLATFORM_REQUEST, at, null);
        Optional<PolicyPack> pack = catalog.inForce(order, at);
        if (pack.isEmpty()) {
            return Optional.empty();
        }
        Decision decision = Decisions.decide(order.withShipBy(timers.deadlines().shipBy()), request, pack.get(),
                DecisionContext.none(), now);
        return Optional.of(new RequestRecord(request, decision, pack.get().ref(),
                Cancellations.statusOf(decision), now, null, Fingerprints.of(Initiator.PLATFORM,
                        CancelReason.LATE_SHIPMENT, Channel.PLATFORM_REQUEST, null), RequestType.CANCELLATION));
    }
}
