package com.orderguard.application;

import java.time.Instant;

/**
 * Where a snapshot came from: the event id that makes it idempotent, when the state was observed at the
 * source, and the channel ({@code api} or {@code queue}) for the audit trail.
 */
public record SnapshotSource(String eventId, Instant occurredAt, String channel) {
}
