package com.orderguard.application.port;

import com.orderguard.application.SweepReport;
import com.orderguard.domain.Marketplace;
import com.orderguard.domain.decision.Outcome;

/**
 * The operational metrics OrderGuard reports: what an operator alarms on and charts. Implementations must never
 * throw (a metric is not worth failing a request for) and must not block for long.
 */
public interface Telemetry {

    /** Does nothing: for unit tests and tools that do not report metrics. */
    Telemetry NONE = new Telemetry() {
    };

    /** Why a queue message failed. */
    enum IngestFailure {
        /** The message cannot be understood (malformed JSON, invalid fields): it will fail again, then DLQ. */
        INVALID_MESSAGE,
        /** Processing failed for another reason (usually the store): a redelivery may succeed. */
        PROCESSING_ERROR
    }

    /** A cancellation request was decided and recorded (what-if evaluations are not counted). */
    default void decided(Marketplace marketplace, Outcome outcome) {
    }

    /** The sweep cancelled an order as the platform would (not shipped in time). */
    default void autoCancelled(Marketplace marketplace) {
    }

    /** The sweep sent a ship-by warning ({@code ShipByApproaching}). */
    default void shipByWarned(Marketplace marketplace) {
    }

    /** A queue message failed and goes back to the queue. */
    default void ingestFailed(IngestFailure failure) {
    }

    /** A sweep run ended: how far behind it was and how many due items it handled. */
    default void sweepRan(SweepReport report) {
    }
}
