package com.orderguard.application;

import java.time.Instant;

import com.orderguard.domain.decision.OrderRequest;
import com.orderguard.domain.decision.Decision;
import com.orderguard.domain.decision.RequestStatus;
import com.orderguard.domain.decision.RequestType;
import com.orderguard.domain.decision.Resolution;

/**
 * A recorded after-sales request (a cancellation, or an address change: {@code type}): the request, the decision
 * taken when it arrived (with the pack version that
 * decided it), where it stands now, and how it was resolved. {@code fingerprint} tells a retry of the same request
 * from a different request reusing its id.
 */
public record RequestRecord(OrderRequest request, Decision decision, String packRef, RequestStatus status,
        Instant decidedAt, Resolution resolution, String fingerprint, RequestType type) {

    public String requestId() {
        return request.requestId();
    }

    /** The same record, resolved. */
    public RequestRecord resolved(RequestStatus newStatus, Resolution how) {
        return new RequestRecord(request, decision, packRef, newStatus, decidedAt, how, fingerprint, type);
    }
}
