package com.orderguard.domain.decision;

/**
 * What the decision would do to one seller metric over its window: the value before and after, the platform's
 * threshold, and whether the new value breaches it.
 */
public record MetricImpact(String metric, String window, double before, double after, double threshold,
        boolean breaches) {
}
