package com.orderguard.domain.health;

import java.time.LocalDate;
import java.util.Map;

/** One day's counts of one shop (site-local date). */
public record DailyBucket(LocalDate day, Map<Counter, Long> counts) {

    public DailyBucket {
        counts = Map.copyOf(counts);
    }

    public long get(Counter counter) {
        return counts.getOrDefault(counter, 0L);
    }
}
