package com.orderguard.simulation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Singleton;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * The clock of a simulation run: it stands still until the simulation moves it, so a month of orders can be
 * replayed in minutes. It replaces the wall clock only in the simulation's test profile.
 */
@IfBuildProperty(name = "orderguard.simulation.enabled", stringValue = "true")
@Singleton
public class SimulatedClock extends Clock {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-10-01T00:00:00Z"));

    /** Moves the clock to {@code instant} (never backwards). */
    public void set(Instant instant) {
        now.accumulateAndGet(instant, (current, next) -> next.isAfter(current) ? next : current);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
