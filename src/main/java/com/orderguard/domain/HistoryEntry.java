package com.orderguard.domain;

import java.time.Instant;

/**
 * One line of an order's audit trail: when, what kind of change, a short description (never personal data) and
 * the event or request it came from.
 */
public record HistoryEntry(Instant at, String kind, String summary, String reference) {
}
