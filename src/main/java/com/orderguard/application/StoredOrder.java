package com.orderguard.application;

import java.time.Instant;

import com.orderguard.domain.Order;
import com.orderguard.domain.OrderState;
import com.orderguard.domain.PendingRequest;
import com.orderguard.domain.SnapshotStamp;
import com.orderguard.domain.TenantId;
import com.orderguard.domain.deadline.OrderTimers;

/**
 * An order as stored: the canonical order, its optimistic-locking version, the stamp of the snapshot it came
 * from, when it was last written, when the sweep must next look at it (null when nothing is due ever), its timers
 * (deadlines, warnings given, hold, pending request), and the request that cancelled it through OrderGuard (or
 * null).
 */
public record StoredOrder(TenantId tenant, Order order, long version, SnapshotStamp stamp, Instant updatedAt,
        Instant nextDueAt, OrderTimers timers, String cancelledBy) {

    /** What a change to the order can change. */
    public OrderState state() {
        return new OrderState(order, timers, cancelledBy);
    }

    /** The request the order waits on, or null. */
    public PendingRequest pending() {
        return timers.pending();
    }
}
