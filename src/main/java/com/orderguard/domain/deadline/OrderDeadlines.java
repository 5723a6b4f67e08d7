package com.orderguard.domain.deadline;

import java.time.Instant;

/**
 * An order's computed deadlines: the ship-by time (given by the order, or computed by the pack), and when the
 * platform cancels the order if it has not shipped (null: never, or not applicable).
 */
public record OrderDeadlines(Instant shipBy, boolean shipByComputed, Instant autoCancelAt) {

    public static final OrderDeadlines NONE = new OrderDeadlines(null, false, null);
}
