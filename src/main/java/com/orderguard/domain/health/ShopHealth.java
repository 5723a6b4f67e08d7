package com.orderguard.domain.health;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/** Measures a shop's metrics from its daily buckets. Pure: today's site-local date is passed in. */
public final class ShopHealth {

    private static final double EPSILON = 1e-12;

    private ShopHealth() {
    }

    /**
     * A shop's health: every metric, Shopee's penalty points, Ozon's fine tier and the Order Volume Limit (null where
     * the marketplace has none).
     */
    public record Report(List<MetricStatus> metrics, Points points, Fine fine, VolumeLimit volumeLimit) {
    }

    /** Points earned since the last reset, the tier reached (0: none), and when they reset. */
    public record Points(int total, int tier, LocalDate since, LocalDate resetsOn) {
    }

    /** The fine tier the metric's value falls in (null: none), and whether the block threshold is passed. */
    public record Fine(String metric, double value, BigDecimal percentOfPrice, BigDecimal maxFine, String currency,
            boolean blockRisk) {
    }

    /**
     * Whether the metric's value brings an Order Volume Limit, the share of the usual volume left (null: not
     * stated, or no limit) and for how long (null: not stated).
     */
    public record VolumeLimit(String metric, double value, boolean applies, Integer volumePercent, Period duration,
            String source) {
    }

    /**
     * @param atRiskMargin the share of the allowed range after which a metric is "at risk" (0.8: the last 20%)
     */
    public static Report evaluate(HealthRules rules, List<DailyBucket> buckets, LocalDate today, double atRiskMargin) {
        List<MetricStatus> metrics = new ArrayList<>();
        for (MetricDefinition definition : rules.metrics()) {
            metrics.add(measure(definition, buckets, today, atRiskMargin));
        }
        return new Report(metrics, points(rules, buckets, today, atRiskMargin), fine(rules, metrics),
                volumeLimit(rules, metrics));
    }

    /** One metric over its window ending {@code today}. */
    public static MetricStatus measure(MetricDefinition definition, List<DailyBucket> buckets, LocalDate today,
            double atRiskMargin) {
        LocalDate to = today.minusDays(definition.endsDaysAgo());
        LocalDate from = definition.calendarWeek() ? today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                : to.minusDays(definition.windowDays() - 1L);
        return measure(definition, buckets, from, to, atRiskMargin);
    }

    static MetricStatus measure(MetricDefinition definition, List<DailyBucket> buckets, LocalDate from, LocalDate to,
            double atRiskMargin) {
        long numerator = 0;
        long denominator = 0;
        for (DailyBucket bucket : buckets) {
            if (!bucket.day().isBefore(from) && !bucket.day().isAfter(to)) {
                numerator += bucket.get(definition.numerator());
                denominator += bucket.get(definition.denominator());
            }
        }
        double value = denominator == 0 ? 0 : (double) numerator / denominator;
        MetricStatus.Status status = status(definition, value, denominator, atRiskMargin);
        if (status == MetricStatus.Status.BREACHED && !definition.breached(value, numerator)) {
            // past the threshold, but fewer counted than the platform needs for a breach: close to one
            status = MetricStatus.Status.AT_RISK;
        }
        return new MetricStatus(definition, from, to, numerator, denominator, value, status);
    }

    /** How {@code value} stands; an empty window is healthy (nothing to hold against the seller yet). */
    public static MetricStatus.Status status(MetricDefinition definition, double value, long denominator,
            double atRiskMargin) {
        if (denominator == 0) {
            return MetricStatus.Status.OK;
        }
        MetricDefinition.Limit limit = definition.limit();
        double threshold = definition.threshold();
        if (limit.breached(value, threshold)) {
            return MetricStatus.Status.BREACHED;
        }
        // a hair of tolerance: 0.8 x 0.025 is 0.020000000000000004 in doubles, and 2% must count as at risk
        boolean atRisk = limit.higherIsWorse() ? value >= atRiskMargin * threshold - EPSILON
                : value <= threshold + (1 - atRiskMargin) * (1 - threshold) + EPSILON;
        return atRisk ? MetricStatus.Status.AT_RISK : MetricStatus.Status.OK;
    }

    /** Points for each completed week since the first Monday of the quarter in which a metric was breached. */
    private static Points points(HealthRules rules, List<DailyBucket> buckets, LocalDate today, double margin) {
        HealthRules.PenaltyPoints penalty = rules.points();
        if (penalty == null) {
            return null;
        }
        LocalDate since = firstMondayOfQuarter(today);
        if (since.isAfter(today)) {
            since = firstMondayOfQuarter(today.minusMonths(3));
        }
        int total = 0;
        for (LocalDate week = since; !week.plusDays(6).isAfter(today.minusDays(1)); week = week.plusWeeks(1)) {
            for (HealthRules.WeeklyPoints weekly : penalty.weekly()) {
                MetricDefinition definition = rules.metrics().stream().filter(m -> m.id().equals(weekly.metric()))
                        .findFirst().orElseThrow();
                if (measure(definition, buckets, week, week.plusDays(6), margin).status()
                        == MetricStatus.Status.BREACHED) {
                    total += weekly.points();
                }
            }
        }
        int tier = 0;
        for (int threshold : penalty.tiers()) {
            if (total >= threshold) {
                tier = threshold;
            }
        }
        return new Points(total, tier, since, firstMondayOfQuarter(since.plusMonths(3)));
    }

    /** The first Monday of the quarter {@code date} falls in. */
    public static LocalDate firstMondayOfQuarter(LocalDate date) {
        LocalDate start = date.with(IsoFields.DAY_OF_QUARTER, 1);
        return start.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
    }

    private static Fine fine(HealthRules rules, List<MetricStatus> metrics) {
        HealthRules.FineTiers fines = rules.fines();
        if (fines == null) {
            return null;
        }
        MetricStatus status = statusOf(metrics, fines.metric());
        BigDecimal percent = null;
        for (HealthRules.FineTier tier : fines.tiers()) {
            if (status.denominator() > 0 && status.value() > tier.above()) {
                percent = tier.percentOfPrice();
            }
        }
        return new Fine(fines.metric(), status.value(), percent, fines.maxFine(), fines.currency(),
                status.denominator() > 0 && status.value() > fines.blockAbove());
    }

    private static VolumeLimit volumeLimit(HealthRules rules, List<MetricStatus> metrics) {
        HealthRules.VolumeLimits limits = rules.volumeLimits();
        if (limits == null) {
            return null;
        }
        MetricStatus status = statusOf(metrics, limits.metric());
        MetricDefinition definition = status.definition();
        HealthRules.VolumeTier reached = null;
        for (HealthRules.VolumeTier tier : limits.tiers()) {
            if (status.denominator() > 0 && definition.limit().breached(status.value(), tier.from())
                    && status.numerator() >= definition.minimumCount()) {
                reached = tier;
            }
        }
        return new VolumeLimit(limits.metric(), status.value(), reached != null,
                reached == null ? null : reached.volumePercent(), limits.duration(), limits.source());
    }

    /** The status of the metric a pack's fines or volume limits name (the loader made sure it has one). */
    private static MetricStatus statusOf(List<MetricStatus> metrics, String metric) {
        return metrics.stream().filter(m -> m.definition().id().equals(metric)).findFirst().orElseThrow();
    }
}
