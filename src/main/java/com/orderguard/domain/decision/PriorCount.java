package com.orderguard.domain.decision;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A limit on earlier requests: at least {@code atLeast} of them, optionally only of one kind or initiator, and
 * only within {@code within} before this request. Rejected requests never count.
 */
public record PriorCount(int atLeast, DecisionKind kind, Initiator initiator, Duration within) {

    /** Whether the earlier requests reach the limit for a request made at {@code at}. */
    public boolean reachedBy(List<PriorRequest> prior, Instant at) {
        long count = prior.stream()
                .filter(p -> p.outcome() != Outcome.REJECTED)
                .filter(p -> kind == null || p.kind() == kind)
                .filter(p -> initiator == null || p.initiator() == initiator)
                .filter(p -> within == null || !p.requestedAt().isBefore(at.minus(within)))
                .filter(p -> !p.requestedAt().isAfter(at))
                .count();
        return count >= atLeast;
    }
}
