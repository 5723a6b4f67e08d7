package com.orderguard.domain.deadline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.orderguard.domain.Fulfilment;
import com.orderguard.domain.Order;
import com.orderguard.domain.PendingRequest;
import com.orderguard.domain.decision.Outcome;

/**
 * What is due for an order at a given moment, and when the next thing falls due. Pure. The two agree: every
 * action {@link #due} returns changes the timers so that it is not due again, and {@link #next} is the earliest
 * moment {@link #due} returns anything, so the due-time index never holds an entry the sweep cannot clear.
 */
public final class Timers {

    private Timers() {
    }

    /** The actions due at {@code now}, in the order they apply. */
    public static List<DueAction> due(Order order, OrderTimers timers, List<Duration> leads, Instant now) {
        List<DueAction> due = new ArrayList<>();
        if (timers.hold() != null && !timers.hold().activeAt(now)) {
            due.add(new DueAction.LiftHold(timers.hold(), timers.hold().until()));
        }
        Instant shipBy = timers.deadlines().shipBy();
        if (shipClockRuns(order) && shipBy != null) {
            for (Duration lead : leads) {
                Instant warnAt = shipBy.minus(lead);
                if (!timers.warned().contains(lead) && !warnAt.isAfter(now)) {
                    due.add(new DueAction.Warn(lead, shipBy, now.isBefore(shipBy), warnAt));
                }
            }
            if (timers.overdueSince() == null && !shipBy.isAfter(now)) {
                due.add(new DueAction.MarkOverdue(shipBy, shipBy));
            }
            Instant autoCancel = timers.deadlines().autoCancelAt();
            if (autoCancel != null && !autoCancel.isAfter(now) && !held(timers, now)) {
                due.add(new DueAction.AutoCancel(autoCancel));
                return due;
            }
        }
        PendingRequest pending = timers.pending();
        if (pending != null && order.status().terminal() && !pending.respondBy().isAfter(now)) {
            due.add(new DueAction.CloseRequest(pending, pending.respondBy()));
        } else if (pending != null && !order.status().terminal() && !pending.respondBy().isAfter(now)
                && !(pending.ifNoResponse() == Outcome.APPROVED && held(timers, now))) {
            due.add(new DueAction.ExpireRequest(pending, pending.respondBy()));
        }
        return due;
    }

    /** The earliest moment something falls due, or null when nothing ever will. */
    public static Instant next(Order order, OrderTimers timers, List<Duration> leads) {
        Instant next = timers.hold() == null ? null : timers.hold().until();
        Instant shipBy = timers.deadlines().shipBy();
        if (shipClockRuns(order) && shipBy != null) {
            for (Duration lead : leads) {
                if (!timers.warned().contains(lead)) {
                    next = min(next, shipBy.minus(lead));
                }
            }
            if (timers.overdueSince() == null) {
                next = min(next, shipBy);
            }
            Instant autoCancel = timers.deadlines().autoCancelAt();
            if (autoCancel != null) {
                next = min(next, heldUntil(timers, autoCancel));
            }
        }
        PendingRequest pending = timers.pending();
        if (pending != null) {
            // an order the platform ended is not held: its request only waits to be closed
            next = min(next, pending.ifNoResponse() == Outcome.APPROVED && !order.status().terminal()
                    ? heldUntil(timers, pending.respondBy()) : pending.respondBy());
        }
        return next;
    }

    /** The ship-by clock runs for a paid, unshipped order the seller fulfils. */
    public static boolean shipClockRuns(Order order) {
        return order.fulfilment() == Fulfilment.SELLER && order.status().awaitsShipment();
    }

    private static boolean held(OrderTimers timers, Instant now) {
        return timers.hold() != null && timers.hold().activeAt(now);
    }

    /** A deadline pushed back to the end of a hold that covers it. */
    private static Instant heldUntil(OrderTimers timers, Instant at) {
        return timers.hold() != null && timers.hold().until().isAfter(at) ? timers.hold().until() : at;
    }

    private static Instant min(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }
}
