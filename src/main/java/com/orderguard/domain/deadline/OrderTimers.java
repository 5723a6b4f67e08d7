package com.orderguard.domain.deadline;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

import com.orderguard.domain.PendingRequest;

/**
 * Everything time-driven about one order: its deadlines, which early warnings were given (by lead time), when it
 * was first seen past its ship-by time, an auto-cancel hold, and the request it waits on.
 */
public record OrderTimers(OrderDeadlines deadlines, Set<Duration> warned, Instant overdueSince, Hold hold,
        PendingRequest pending) {

    public static final OrderTimers NONE = new OrderTimers(OrderDeadlines.NONE, Set.of(), null, null, null);

    public OrderTimers {
        warned = Set.copyOf(warned);
    }

    public OrderTimers withDeadlines(OrderDeadlines value) {
        boolean moved = !Objects.equals(value.shipBy(), deadlines.shipBy());
        // a new ship-by time restarts the warnings and the overdue mark
        return new OrderTimers(value, moved ? Set.of() : warned, moved ? null : overdueSince, hold, pending);
    }

    public OrderTimers withPending(PendingRequest value) {
        return new OrderTimers(deadlines, warned, overdueSince, hold, value);
    }

    public OrderTimers withHold(Hold value) {
        return new OrderTimers(deadlines, warned, overdueSince, value, pending);
    }

    public OrderTimers withWarned(Set<Duration> value) {
        return new OrderTimers(deadlines, value, overdueSince, hold, pending);
    }

    public OrderTimers withOverdueSince(Instant value) {
        return new OrderTimers(deadlines, warned, value, hold, pending);
    }
}
