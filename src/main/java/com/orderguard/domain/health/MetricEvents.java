package com.orderguard.domain.health;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import com.orderguard.domain.Order;

/** Which counters an event increments, on which site-local day. Pure. */
public final class MetricEvents {

    private MetricEvents() {
    }

    /**
     * A snapshot: a new order counts on its order date; the first time the order is seen shipped, a shipment counts
     * on its ship date, late when after {@code shipBy}; the first time it is seen shipped with a tracking number
     * (then, or in a later snapshot), the shipment counts as tracked.
     *
     * @param previous the order as stored before, or null when it is new
     */
    public static Counts ofSnapshot(Order previous, Order order, Instant shipBy, Instant observedAt, ZoneId zone) {
        Counts counts = Counts.NONE;
        if (previous == null) {
            Instant placed = order.placedAt() != null ? order.placedAt() : observedAt;
            counts = counts.plus(Counts.of(placed.atZone(zone).toLocalDate(), Counter.ORDERS));
        }
        boolean wasShipped = previous != null && previous.status().shipped();
        if (!order.status().shipped()) {
            return counts;
        }
        Instant shipped = order.shippedAt() != null ? order.shippedAt() : observedAt;
        LocalDate day = shipped.atZone(zone).toLocalDate();
        if (!wasShipped) {
            counts = counts.plus(Counts.of(day, Counter.SHIPPED));
            if (shipBy != null && shipped.isAfter(shipBy)) {
                counts = counts.plus(Counts.of(day, Counter.SHIPPED_LATE));
            }
        }
        // a tracking number that arrives with a later snapshot still makes the shipment tracked, so the count does
        // not depend on which of the shipped snapshots happened to be delivered first
        boolean wasTracked = wasShipped && previous.trackingNumber() != null;
        if (order.trackingNumber() != null && !wasTracked) {
            counts = counts.plus(Counts.of(day, Counter.SHIPPED_TRACKED));
        }
        return counts;
    }

    /** A cancellation that counts against the seller, on the day it took effect. */
    public static Counts ofCancellation(Instant at, ZoneId zone) {
        return Counts.of(at.atZone(zone).toLocalDate(), Counter.CANCELLED_BY_SELLER);
    }

    /** An order defect (negative feedback, A-to-z claim, chargeback), on the order's date as ODR counts it. */
    public static Counts ofDefect(Order order, Instant reportedAt, ZoneId zone) {
        Instant day = order.placedAt() != null ? order.placedAt() : reportedAt;
        return Counts.of(day.atZone(zone).toLocalDate(), Counter.DEFECTS);
    }
}
