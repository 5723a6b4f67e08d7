package com.orderguard.domain.health;

/**
 * One seller metric as a pack defines it: a ratio of two counters over a window of days ending today, or
 * {@code endsDaysAgo} days before it (1: yesterday, Ozon's "not today"; 8: Lazada's D-35..D-8), or the current
 * Monday-to-Sunday week, when {@code calendarWeek}; and the platform's threshold with the side that is healthy
 * ({@link Limit}). A breach may also need at least {@code minimumCount} in the numerator (Lazada PH: over 30% with at
 * least 10 cancelled); below it a value past the threshold is only at risk.
 */
public record MetricDefinition(String id, int windowDays, Counter numerator, Counter denominator, double threshold,
        Limit limit, int endsDaysAgo, boolean calendarWeek, long minimumCount, String source) {

    /** A metric whose breach needs no minimum count. */
    public MetricDefinition(String id, int windowDays, Counter numerator, Counter denominator, double threshold,
            Limit limit, int endsDaysAgo, boolean calendarWeek, String source) {
        this(id, windowDays, numerator, denominator, threshold, limit, endsDaysAgo, calendarWeek, 0, source);
    }

    /** Whether {@code value}, from {@code numerator} counted, breaches the threshold. */
    public boolean breached(double value, long numerator) {
        return limit.breached(value, threshold) && numerator >= minimumCount;
    }

    /** How the value must relate to the threshold, as the platform words it. */
    public enum Limit {
        /** "under 2.5%": breached at the threshold. */
        BELOW,
        /** "0-4% no fine": breached only above it. */
        AT_MOST,
        /** "above 95%": breached at the threshold. */
        ABOVE,
        /** "at least": breached only below it. */
        AT_LEAST;

        /** Whether a higher value is worse. */
        public boolean higherIsWorse() {
            return this == BELOW || this == AT_MOST;
        }

        /** Whether {@code value} breaches {@code threshold}. */
        public boolean breached(double value, double threshold) {
            return switch (this) {
                case BELOW -> value >= threshold;
                case AT_MOST -> value > threshold;
                case ABOVE -> value <= threshold;
                case AT_LEAST -> value < threshold;
            };
        }
    }

    /** The window as the contract writes it: {@code P7D}, or {@code P1W} for a calendar week. */
    public String window() {
        return calendarWeek ? "P1W" : "P" + windowDays + "D";
    }
}
