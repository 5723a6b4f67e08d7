package com.orderguard.domain;

import java.time.Instant;

/** Deadline maths for one order. Pure: callers pass everything in, nothing reads a clock. */
public final class Deadlines {

    private Deadlines() {
    }

    /**
     * The next moment the sweep must look at this order, or null when no deadline is open: the ship-by time of a
     * seller-fulfilled order that is paid and not yet shipped, and the deadline of a pending request, whichever
     * comes first.
     *
     * @param pendingRespondBy the seller's deadline on a pending request, or null
     */
    public static Instant nextDue(Order order, Instant pendingRespondBy) {
        Instant shipBy = order.fulfilment() == Fulfilment.SELLER && order.status().awaitsShipment()
                ? order.shipBy() : null;
        Instant respondBy = order.status().terminal() ? null : pendingRespondBy;
        if (shipBy == null) {
            return respondBy;
        }
        return respondBy == null || shipBy.isBefore(respondBy) ? shipBy : respondBy;
    }
}
