package com.orderguard.domain.decision;

import java.time.Instant;

/**
 * How a pending request ended: who ended it ({@code SELLER}, {@code AUTO} at the deadline, {@code ORDERGUARD} when
 * it was superseded), what was done ({@code APPROVE}, {@code REJECT}, {@code EXPIRED}, {@code SUPERSEDED}), when,
 * and a note.
 */
public record Resolution(String by, String resolution, Instant at, String note) {
}
