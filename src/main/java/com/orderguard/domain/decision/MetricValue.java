package com.orderguard.domain.decision;

/** A seller metric as it stands: its name and window ({@code P7D}), numerator and denominator. */
public record MetricValue(String metric, String window, long numerator, long denominator) {

    /** The ratio, 0 when the denominator is 0. */
    public double value() {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }
}
