package com.orderguard.domain.deadline;

import java.time.Duration;
import java.time.Instant;

import com.orderguard.domain.PendingRequest;

/** Something the sweep must do for an order now. */
public sealed interface DueAction {

    /** When it became due (for the lag the sweep reports). */
    Instant dueAt();

    /** Warn that the ship-by time is {@code lead} away; {@code send} is false when the time has already passed. */
    record Warn(Duration lead, Instant shipBy, boolean send, Instant dueAt) implements DueAction {
    }

    /** The ship-by time passed with the order unshipped. */
    record MarkOverdue(Instant shipBy, Instant dueAt) implements DueAction {
    }

    /** The platform cancels the order as not shipped in time. */
    record AutoCancel(Instant dueAt) implements DueAction {
    }

    /** The seller let a pending request expire: the platform applies its {@code ifNoResponse}. */
    record ExpireRequest(PendingRequest request, Instant dueAt) implements DueAction {
    }

    /**
     * The order ended on the platform (cancelled or returned) while a request waited for the seller, who did not
     * answer: at the request's deadline it is closed as superseded, neither approved nor rejected.
     */
    record CloseRequest(PendingRequest request, Instant dueAt) implements DueAction {
    }
}
