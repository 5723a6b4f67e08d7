package com.orderguard.application;

import java.time.Instant;

import com.orderguard.domain.decision.Outcome;

/** The request an order is waiting on: its id, the seller's deadline, and what the platform does at the deadline. */
public record PendingRequest(String requestId, Instant respondBy, Outcome ifNoResponse) {
}
