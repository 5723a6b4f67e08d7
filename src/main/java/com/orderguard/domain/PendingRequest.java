package com.orderguard.domain;

import java.time.Instant;

import com.orderguard.domain.decision.DecisionKind;
import com.orderguard.domain.decision.Outcome;

/**
 * The request an order is waiting on: its id, the seller's deadline, what the platform does at the deadline, and
 * what the request amounts to (a plain cancellation cannot take effect once the order has shipped), and whether
 * the cancellation counts against the seller if it happens.
 */
public record PendingRequest(String requestId, Instant respondBy, Outcome ifNoResponse, DecisionKind kind,
        boolean countsAgainstSeller) {
}
