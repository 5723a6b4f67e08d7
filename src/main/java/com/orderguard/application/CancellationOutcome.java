package com.orderguard.application;

import com.orderguard.domain.decision.Decision;
import com.orderguard.domain.decision.PolicyPack;

/** What came of evaluating, recording or resolving a cancellation request. Every case is a normal outcome. */
public sealed interface CancellationOutcome {

    /** Evaluated without storing anything. */
    record Evaluated(Decision decision, PolicyPack pack) implements CancellationOutcome {
    }

    /** Decided and recorded now. */
    record Recorded(CancellationRecord record, StoredOrder order) implements CancellationOutcome {
    }

    /** The same request was recorded before: its first decision. */
    record Replayed(CancellationRecord record) implements CancellationOutcome {
    }

    /** The seller's answer was recorded. */
    record Resolved(CancellationRecord record, StoredOrder order) implements CancellationOutcome {
    }

    /** No policy pack covers this marketplace, site and date. */
    record NoPolicy(String detail) implements CancellationOutcome {
    }

    /** The tenant has no such order. */
    record OrderNotFound() implements CancellationOutcome {
    }

    /** The order has no such request. */
    record RequestNotFound() implements CancellationOutcome {
    }

    /** The request id was used before for a different request. */
    record RequestIdReused(CancellationRecord existing) implements CancellationOutcome {
    }

    /** The request is no longer pending. */
    record NotPending(CancellationRecord record) implements CancellationOutcome {
    }

    /** The answer can no longer take effect on the order as it stands. */
    record NoLongerPossible(String reason) implements CancellationOutcome {
    }
}
