package com.orderguard.domain.decision;

/** A cancellation request as received, before validation (API.md "Cancellation request"). */
public record RequestDraft(String requestId, String initiator, String reason, String via, String requestedAt,
        String note) {
}
