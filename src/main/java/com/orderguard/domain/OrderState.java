package com.orderguard.domain;

import com.orderguard.domain.deadline.OrderTimers;

/**
 * What a change to an order can change: the order, its timers, and the request that cancelled it through
 * OrderGuard (null when none did).
 */
public record OrderState(Order order, OrderTimers timers, String cancelledBy) {

    /** The order cancelled through OrderGuard by {@code requestId}. */
    public OrderState cancelled(String requestId) {
        return new OrderState(order.withStatus(OrderStatus.CANCELLED), timers, requestId);
    }

    public OrderState withTimers(OrderTimers value) {
        return new OrderState(order, value, cancelledBy);
    }

    /** No longer waiting on {@code requestId}; unchanged when the order waits on another request or on none. */
    public OrderState withoutPending(String requestId) {
        PendingRequest pending = timers.pending();
        return pending != null && pending.requestId().equals(requestId) ? withTimers(timers.withPending(null)) : this;
    }
}
