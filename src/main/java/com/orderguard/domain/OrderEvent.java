package com.orderguard.domain;

import java.time.Duration;
import java.time.Instant;

import com.orderguard.domain.decision.Decision;
import com.orderguard.domain.decision.OrderRequest;
import com.orderguard.domain.decision.RequestStatus;
import com.orderguard.domain.decision.Resolution;

/**
 * What a change to an order tells the outside world, as the domain sees it: the application adds the tenant, the
 * order key, the time and a stable event id, and writes it to the outbox with the change.
 */
public sealed interface OrderEvent {

    /** The ship-by time is {@code lead} away and the order has not shipped. */
    record ShipByApproaching(Instant shipBy, Duration lead) implements OrderEvent {
    }

    /** The platform cancelled the order as not shipped in time: {@code request}, decided by pack {@code packRef}. */
    record OrderAutoCancelled(OrderRequest request, Decision decision, String packRef) implements OrderEvent {
    }

    /** The seller let a request expire and the platform approved it: the order is cancelled. */
    record RequestAutoApproved(String requestId) implements OrderEvent {
    }

    /** A pending request was resolved: by the seller, at its deadline with a rejection, or as superseded. */
    record RequestResolved(String requestId, RequestStatus status, Resolution resolution) implements OrderEvent {
    }
}
