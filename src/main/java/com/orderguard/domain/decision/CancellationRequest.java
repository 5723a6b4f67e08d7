package com.orderguard.domain.decision;

import java.time.Instant;

/**
 * A request to cancel an order. {@code requestId} is the caller's (repeats are idempotent) or generated;
 * {@code note} is free text for the seller and is never logged.
 */
public record CancellationRequest(String requestId, Initiator initiator, CancelReason reason, Channel via,
        Instant requestedAt, String note) {
}
