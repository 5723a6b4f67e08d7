package com.orderguard.domain.health;

import java.time.Instant;

/**
 * An order defect as Amazon's ODR counts it: negative feedback (1-2 stars), an A-to-z claim that was not denied, or
 * a chargeback. {@code defectId} is the caller's (the platform's claim or feedback id): the same defect twice counts
 * once.
 */
public record Defect(String defectId, Type type, Instant reportedAt) {

    /** The kinds of defect that enter the order defect rate. */
    public enum Type {
        NEGATIVE_FEEDBACK, A_TO_Z_CLAIM, CHARGEBACK
    }
}
