package com.orderguard.domain;

import java.time.Instant;

/** Deadline maths for one order. Pure: callers pass everything in, nothing reads a clock. */
public final class Deadlines {

    private Deadlines() {
    }

    /**
     * The next moment the sweep must look at this order, or null when no deadline is open: the ship-by time of
     * a seller-fulfilled order that is paid and not yet shipped.
     */
    public static Instant nextDue(Order order) {
        if (order.fulfilment() == Fulfilment.SELLER && order.status().awaitsShipment()) {
            return order.shipBy();
        }
        return null;
    }
}
