package com.orderguard.domain.health;

import java.math.BigDecimal;
import java.time.Period;
import java.util.List;

/**
 * A marketplace's shop-health rules from its pack: the metrics, Shopee's penalty points (earned per week a
 * metric is breached, reset on the first Monday of each quarter, privileges withdrawn at each tier), Ozon's
 * fine tiers on its error index, and the Order Volume Limit Lazada and TikTok Shop set by a cancellation rate.
 */
public record HealthRules(List<MetricDefinition> metrics, PenaltyPoints points, FineTiers fines,
        VolumeLimits volumeLimits) {

    public static final HealthRules NONE = new HealthRules(List.of(), null, null, null);

    public HealthRules {
        metrics = List.copyOf(metrics);
    }

    /** Points per breached week of a metric, tiers of the running total, and their source. */
    public record PenaltyPoints(List<WeeklyPoints> weekly, List<Integer> tiers, String source) {
        public PenaltyPoints {
            weekly = List.copyOf(weekly);
            tiers = List.copyOf(tiers);
        }
    }

    /** {@code points} for every completed week in which metric {@code metric} was breached. */
    public record WeeklyPoints(String metric, int points) {
    }

    /** Fines by the value of {@code metric}: the highest tier whose {@code above} it exceeds. */
    public record FineTiers(String metric, List<FineTier> tiers, BigDecimal maxFine, String currency,
            double blockAbove, String source) {
        public FineTiers {
            tiers = List.copyOf(tiers);
        }
    }

    /** Above {@code above}, a fine of {@code percentOfPrice} of each order's price. */
    public record FineTier(double above, BigDecimal percentOfPrice) {
    }

    /**
     * The Order Volume Limit by the value of {@code metric}: the highest tier the value reaches (as the metric's
     * limit reads its threshold: "at or above" for BELOW, "above" for AT_MOST, and no less than the metric's
     * minimum count), for {@code duration} (null: the source does not say).
     */
    public record VolumeLimits(String metric, List<VolumeTier> tiers, Period duration, String source) {
        public VolumeLimits {
            tiers = List.copyOf(tiers);
        }
    }

    /**
     * From {@code from}, the shop may take {@code volumePercent} of its usual order volume (null: the source names
     * the limit but not its size).
     */
    public record VolumeTier(double from, Integer volumePercent) {
    }
}
