package com.orderguard.domain.decision;

/** A recorded request that moves from {@code expected} to {@code status}, resolved as {@code resolution}. */
public record RequestTransition(String requestId, RequestStatus expected, RequestStatus status,
        Resolution resolution) {

    /** A pending request closed as {@code status}. */
    public static RequestTransition closed(String requestId, RequestStatus status, Resolution resolution) {
        return new RequestTransition(requestId, RequestStatus.PENDING, status, resolution);
    }
}
