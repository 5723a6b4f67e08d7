package com.orderguard.domain.health;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/** Increments to a shop's daily buckets: per site-local date, per counter. */
public record Counts(Map<LocalDate, Map<Counter, Long>> byDay) {

    public static final Counts NONE = new Counts(Map.of());

    public Counts {
        Map<LocalDate, Map<Counter, Long>> copy = new TreeMap<>();
        byDay.forEach((day, counters) -> copy.put(day, Map.copyOf(counters)));
        byDay = Collections.unmodifiableMap(copy);
    }

    /** One increment. */
    public static Counts of(LocalDate day, Counter counter) {
        return new Counts(Map.of(day, Map.of(counter, 1L)));
    }

    public boolean isEmpty() {
        return byDay.isEmpty();
    }

    /** Both increments together. */
    public Counts plus(Counts other) {
        Map<LocalDate, Map<Counter, Long>> sum = new TreeMap<>();
        for (Counts counts : new Counts[] {this, other}) {
            counts.byDay.forEach((day, counters) -> counters.forEach((counter, n) -> sum
                    .computeIfAbsent(day, d -> new EnumMap<>(Counter.class)).merge(counter, n, Long::sum)));
        }
        return new Counts(sum);
    }

    /** Whether any increment is of {@code counter}. */
    public boolean has(Counter counter) {
        return byDay.values().stream().anyMatch(counters -> counters.containsKey(counter));
    }
}
