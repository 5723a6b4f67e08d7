package com.orderguard.domain.decision;

import java.time.Instant;

/**
 * A request about an order: to cancel it, or to change its delivery address (the record that stores it says which
 * type). {@code requestId} is the caller's (repeats are idempotent) or generated; {@code note} is free text for the
 * seller and is never logged.
 */
public record OrderRequest(String requestId, Initiator initiator, CancelReason reason, Channel via,
        Instant requestedAt, String note) {
}
