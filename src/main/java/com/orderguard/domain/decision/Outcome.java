package com.orderguard.domain.decision;

/**
 * What happens to a request: it takes effect now, the seller must answer by a deadline, or it is refused. Also
 * used for what the platform does when the seller stays silent ({@code ifNoResponse}: approved or rejected).
 */
public enum Outcome {
    APPROVED, PENDING_SELLER, REJECTED
}
