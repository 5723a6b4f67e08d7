package com.orderguard.domain.decision;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.orderguard.domain.health.Counter;
import com.orderguard.domain.health.DailyBucket;

/**
 * What a pack's {@code priorSellerCancellations} conditions need to see of the seller's own cancellations, and those
 * cancellations read from the shop's daily buckets. The buckets keep a count per site-local day, not the time of
 * day, so each cancellation is dated at the start of its day: "within P30D" of a request then counts the request's
 * day and the 29 before it. Pure.
 *
 * @param lookback how far back the conditions look (the longest {@code within}; a condition without one reads
 *            {@code unbounded})
 * @param enough the largest {@code atLeast}: more cancellations on one day than that cannot change any condition
 */
public record SellerCancellations(Duration lookback, int enough) {

    /** What the pack's conditions on seller cancellations read; empty when no rule of the pack has one. */
    public static Optional<SellerCancellations> readBy(PolicyPack pack, Duration unbounded) {
        List<PriorCount> limits = Stream.concat(pack.rules().stream(), pack.addressChangeRules().stream())
                .map(rule -> rule.when().priorSellerCancellations()).filter(limit -> limit != null).toList();
        if (limits.isEmpty()) {
            return Optional.empty();
        }
        Duration lookback = limits.stream().map(limit -> limit.within() == null ? unbounded : limit.within())
                .max(Duration::compareTo).orElseThrow();
        int enough = limits.stream().mapToInt(PriorCount::atLeast).max().orElseThrow();
        return Optional.of(new SellerCancellations(lookback, enough));
    }

    /** The first site-local day whose cancellations can count, for a request made on {@code today}. */
    public LocalDate firstDay(LocalDate today) {
        return today.minusDays(Math.max(0, lookback.toDays()));
    }

    /** The seller's cancellations on the days from {@link #firstDay} to {@code today}, each at its day's start. */
    public List<Instant> from(List<DailyBucket> buckets, LocalDate today, ZoneId zone) {
        LocalDate first = firstDay(today);
        List<Instant> cancellations = new ArrayList<>();
        for (DailyBucket bucket : buckets) {
            if (bucket.day().isBefore(first) || bucket.day().isAfter(today)) {
                continue;
            }
            long count = Math.min(bucket.get(Counter.CANCELLED_BY_SELLER), enough);
            cancellations.addAll(Collections.nCopies((int) count, bucket.day().atStartOfDay(zone).toInstant()));
        }
        return List.copyOf(cancellations);
    }
}
