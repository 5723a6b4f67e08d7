package com.orderguard.application;

import com.orderguard.domain.decision.Decision;
import com.orderguard.domain.decision.PolicyPack;

/**
 * What came of evaluating, recording or resolving a request (a cancellation or an address change). Every case is a
 * normal outcome.
 */
public sealed interface RequestOutcome {

    /** Evaluated without storing anything. */
    record Evaluated(Decision decision, PolicyPack pack) implements RequestOutcome {
    }

    /** Decided and recorded now. */
    record Recorded(RequestRecord record, StoredOrder order) implements RequestOutcome {
    }

    /** The same request was recorded before: its first decision. */
    record Replayed(RequestRecord record) implements RequestOutcome {
    }

    /** The seller's answer was recorded. */
    record Resolved(RequestRecord record, StoredOrder order) implements RequestOutcome {
    }

    /** No policy pack covers this marketplace, site and date. */
    record NoPolicy(String detail) implements RequestOutcome {
    }

    /** The tenant has no such order. */
    record OrderNotFound() implements RequestOutcome {
    }

    /** The order has no such request. */
    record RequestNotFound() implements RequestOutcome {
    }

    /** The request id was used before for a different request. */
    record RequestIdReused(RequestRecord existing) implements RequestOutcome {
    }

    /** The request is no longer pending. */
    record NotPending(RequestRecord record) implements RequestOutcome {
    }

    /** The answer can no longer take effect on the order as it stands. */
    record NoLongerPossible(String reason) implements RequestOutcome {
    }
}
