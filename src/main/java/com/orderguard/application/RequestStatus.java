package com.orderguard.application;

/**
 * Where a recorded cancellation request stands: waiting for the seller, approved (the order is cancelled),
 * rejected, or superseded (the order was cancelled by another request while this one waited).
 */
public enum RequestStatus {
    PENDING, APPROVED, REJECTED, SUPERSEDED
}
