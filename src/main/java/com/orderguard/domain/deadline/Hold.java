package com.orderguard.domain.deadline;

import java.time.Instant;

/** A manual override: the sweep must not cancel this order before {@code until}; who set it, when and why. */
public record Hold(Instant until, String by, String note, Instant setAt) {

    /** Whether the hold still stands at {@code now}. */
    public boolean activeAt(Instant now) {
        return until.isAfter(now);
    }
}
