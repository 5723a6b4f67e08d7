package com.orderguard.domain.decision;

import java.time.Instant;

/** An earlier cancellation request, as far as limits care: when, by whom, what it amounted to and its outcome. */
public record PriorRequest(Instant requestedAt, Initiator initiator, DecisionKind kind, Outcome outcome) {
}
