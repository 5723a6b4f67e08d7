package com.orderguard.domain.health;

import java.time.LocalDate;

/** A metric measured over its window: the counts, the value, and how it stands against the threshold. */
public record MetricStatus(MetricDefinition definition, LocalDate from, LocalDate to, long numerator,
        long denominator, double value, Status status) {

    /** Healthy, close to the threshold (within the last part of the allowed range), or past it. */
    public enum Status {
        OK, AT_RISK, BREACHED;

        /** Whether this is worse than {@code other}. */
        public boolean worseThan(Status other) {
            return ordinal() > other.ordinal();
        }
    }
}
