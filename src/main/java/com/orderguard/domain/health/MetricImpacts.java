package com.orderguard.domain.health;

import java.util.ArrayList;
import java.util.List;

import com.orderguard.domain.decision.Decision;
import com.orderguard.domain.decision.MetricImpact;
import com.orderguard.domain.decision.MetricValue;
import com.orderguard.domain.decision.Outcome;

/**
 * What a cancellation would do to the seller's metrics: for every metric that counts cancellations against the
 * seller, the value now and after this one (the same, if this one does not count), against the threshold.
 */
public final class MetricImpacts {

    private MetricImpacts() {
    }

    /**
     * @param current the metric values now; metrics the caller did not give are left out
     */
    public static List<MetricImpact> of(Decision decision, HealthRules rules, List<MetricValue> current) {
        boolean counts = decision.countsAgainstSeller() && decision.outcome() != Outcome.REJECTED;
        List<MetricImpact> impacts = new ArrayList<>();
        for (MetricDefinition definition : rules.metrics()) {
            if (definition.numerator() != Counter.CANCELLED_BY_SELLER) {
                continue;
            }
            MetricValue value = current.stream().filter(v -> v.metric().equals(definition.id())
                    && (v.window() == null || v.window().equals(definition.window()))).findFirst().orElse(null);
            if (value == null) {
                continue;
            }
            double before = value.value();
            long numerator = counts ? value.numerator() + 1 : value.numerator();
            double after = counts ? (double) numerator / Math.max(1, value.denominator()) : before;
            impacts.add(new MetricImpact(definition.id(), definition.window(), before, after, definition.threshold(),
                    definition.breached(after, numerator)));
        }
        return impacts;
    }
}
