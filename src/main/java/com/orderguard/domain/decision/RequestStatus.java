package com.orderguard.domain.decision;

/**
 * Where a recorded request stands: waiting for the seller, approved (the order is cancelled),
 * rejected, or superseded (the order was cancelled by another request while this one waited).
 */
public enum RequestStatus {
    PENDING, APPROVED, REJECTED, SUPERSEDED
}
