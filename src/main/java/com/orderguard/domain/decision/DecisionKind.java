package com.orderguard.domain.decision;

/**
 * What the request amounts to: a plain cancellation, a cancellation while in transit (the parcel comes back), or
 * only a return after delivery.
 */
public enum DecisionKind {
    CANCELLATION, IN_TRANSIT_RETURN, RETURN
}
