package com.orderguard.domain.deadline;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.orderguard.domain.HistoryEntry;
import com.orderguard.domain.OrderEffect;
import com.orderguard.domain.OrderEvent;
import com.orderguard.domain.OrderState;
import com.orderguard.domain.PendingRequest;
import com.orderguard.domain.decision.CancelReason;
import com.orderguard.domain.decision.Channel;
import com.orderguard.domain.decision.Decision;
import com.orderguard.domain.decision.DecisionContext;
import com.orderguard.domain.decision.Decisions;
import com.orderguard.domain.decision.Initiator;
import com.orderguard.domain.decision.OrderRequest;
import com.orderguard.domain.decision.Outcome;
import com.orderguard.domain.decision.PolicyCatalog;
import com.orderguard.domain.decision.PolicyPack;
import com.orderguard.domain.decision.RequestStatus;
import com.orderguard.domain.decision.RequestTransition;
import com.orderguard.domain.decision.Resolution;
import com.orderguard.domain.decision.Resolutions;
import com.orderguard.domain.decision.Resolutions.Resolvers;

/**
 * What each deadline action does to an order, as pure functions of the order's state, the action and {@code now}:
 * the end of a hold, early warnings, the overdue mark, the platform's auto-cancel (decided by the pack like any
 * other request, as {@code PLATFORM}/{@code LATE_SHIPMENT}), and what becomes of a pending request at its deadline.
 */
public final class DueActionEffects {

    /** The request id of an order's auto-cancel: one per order, so two sweeps cannot record it twice. */
    public static final String AUTO_CANCEL_ID = "auto-cancel";

    private DueActionEffects() {
    }

    /**
     * The effect of {@code actions}, applied in turn. When several warnings fall due at once (the order was first
     * seen late), only the most urgent goes out; the others are noted as given.
     */
    public static OrderEffect apply(OrderState state, List<DueAction> actions, PolicyCatalog catalog, Instant now) {
        Optional<Duration> urgent = actions.stream().filter(a -> a instanceof DueAction.Warn w && w.send())
                .map(a -> ((DueAction.Warn) a).lead()).min(Comparator.naturalOrder());
        OrderEffect effect = OrderEffect.none(state);
        for (DueAction action : actions) {
            DueAction applied = action instanceof DueAction.Warn warn && warn.send()
                    && !urgent.get().equals(warn.lead()) ? warn.unsent() : action;
            effect = effect.then(applied.effect(effect.state(), catalog, now));
        }
        return effect;
    }

    static OrderEffect warn(OrderState state, DueAction.Warn warn, Instant now) {
        OrderTimers timers = state.timers();
        Set<Duration> warned = new HashSet<>(timers.warned());
        warned.add(warn.lead());
        OrderEffect noted = OrderEffect.none(state.withTimers(timers.withWarned(warned)));
        if (!warn.send()) {
            return noted;
        }
        OrderEvent event = new OrderEvent.ShipByApproaching(warn.shipBy(), warn.lead());
        HistoryEntry line = new HistoryEntry(now, "SHIP_BY_APPROACHING", "ship-by time " + warn.shipBy() + " is "
                + warn.lead() + " away", "warn-" + warn.lead());
        return new OrderEffect(noted.state(), List.of(), List.of(line), List.of(event), false);
    }

    static OrderEffect markOverdue(OrderState state, DueAction.MarkOverdue overdue, Instant now) {
        return OrderEffect.none(state.withTimers(state.timers().withOverdueSince(overdue.shipBy())))
                .withHistory(new HistoryEntry(now, "SHIP_BY_PASSED", "not shipped by " + overdue.shipBy(), "overdue"));
    }

    /** A hold that ended is lifted, so the order no longer shows it and the sweep stops looking at it for it. */
    static OrderEffect liftHold(OrderState state, DueAction.LiftHold lift, Instant now) {
        Hold hold = state.timers().hold();
        if (hold == null || hold.activeAt(now)) {
            return OrderEffect.none(state);
        }
        return OrderEffect.none(state.withTimers(state.timers().withHold(null))).withHistory(new HistoryEntry(now,
                "HOLD_ENDED", "hold by " + hold.by() + " ended at " + hold.until(), "hold-" + hold.until()));
    }

    /**
     * The platform's auto-cancel, decided by the pack in force at the deadline: when it approves, the order is
     * cancelled and a request it waited on is superseded. Without a pack, or when the pack does not approve,
     * nothing changes.
     */
    static OrderEffect autoCancel(OrderState state, DueAction.AutoCancel action, PolicyCatalog catalog,
            Instant now) {
        OrderRequest request = new OrderRequest(AUTO_CANCEL_ID, Initiator.PLATFORM, CancelReason.LATE_SHIPMENT,
                Channel.PLATFORM_REQUEST, action.dueAt(), null);
        Optional<PolicyPack> pack = catalog.inForce(state.order(), action.dueAt());
        if (pack.isEmpty()) {
            return OrderEffect.none(state);
        }
        Decision decision = Decisions.decide(state.order().withShipBy(state.timers().deadlines().shipBy()), request,
                pack.get(), DecisionContext.none(), now);
        if (decision.outcome() != Outcome.APPROVED) {
            return OrderEffect.none(state);
        }
        PendingRequest pending = state.timers().pending();
        List<RequestTransition> superseded = pending == null ? List.of() : List.of(RequestTransition.closed(
                pending.requestId(), RequestStatus.SUPERSEDED, new Resolution(Resolvers.ORDERGUARD, "SUPERSEDED",
                        now, "the platform cancelled the order as not shipped in time")));
        OrderState cancelled = state.cancelled(AUTO_CANCEL_ID).withTimers(state.timers().withPending(null));
        HistoryEntry line = new HistoryEntry(now, "ORDER_AUTO_CANCELLED", "not shipped by the platform's deadline "
                + action.dueAt() + ": cancelled as LATE_SHIPMENT", AUTO_CANCEL_ID);
        return new OrderEffect(cancelled, superseded, List.of(line),
                List.of(new OrderEvent.OrderAutoCancelled(request, decision, pack.get().ref())),
                decision.countsAgainstSeller());
    }

    /**
     * The seller did not answer by the deadline: the platform applies its rule for silence. An approval that can no
     * longer take effect (the order shipped meanwhile) ends the request as rejected, noted as expired.
     */
    static OrderEffect expire(OrderState state, DueAction.ExpireRequest expire, Instant now) {
        if (state.timers().pending() == null) {
            return OrderEffect.none(state);
        }
        PendingRequest pending = expire.request();
        boolean approvesOnSilence = pending.ifNoResponse() == Outcome.APPROVED;
        boolean approve = approvesOnSilence
                && Resolutions.approve(state.order(), pending.kind()) instanceof Resolutions.Check.Allowed;
        RequestStatus status = approve ? RequestStatus.APPROVED : RequestStatus.REJECTED;
        Resolution how = new Resolution(Resolvers.AUTO, approvesOnSilence ? (approve ? "APPROVE" : "EXPIRED")
                : "REJECT", now, "no answer by " + pending.respondBy());
        String summary = "request " + pending.requestId() + " unanswered by " + pending.respondBy() + ": "
                + status.name().toLowerCase();
        return Resolutions.resolve(state, pending.requestId(), status, how, pending.countsAgainstSeller())
                .withHistory(new HistoryEntry(now, "REQUEST_EXPIRED", summary, pending.requestId()));
    }

    /** The order ended on the platform before the seller answered: the request is closed as superseded. */
    static OrderEffect close(OrderState state, DueAction.CloseRequest close, Instant now) {
        if (state.timers().pending() == null) {
            return OrderEffect.none(state);
        }
        PendingRequest pending = close.request();
        Resolution how = new Resolution(Resolvers.ORDERGUARD, "SUPERSEDED", now, "the order was "
                + state.order().status().name().toLowerCase() + " on the platform before the seller answered");
        return Resolutions.resolve(state, pending.requestId(), RequestStatus.SUPERSEDED, how, false)
                .withHistory(new HistoryEntry(now, "REQUEST_SUPERSEDED", "request " + pending.requestId()
                        + " closed: " + how.note(), pending.requestId()));
    }
}
