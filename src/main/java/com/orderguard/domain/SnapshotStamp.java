package com.orderguard.domain;

import java.time.Instant;
import java.util.Comparator;

/**
 * When and from which event an order snapshot was taken; decides which of two snapshots is newer, so that an
 * older snapshot never overwrites a newer one whatever order events arrive in.
 *
 * <p>Newer means: a later {@code occurredAt}; at the same instant, the further {@link OrderStatus} in the
 * lifecycle; at the same instant and status, the greater {@code eventId}. The order is total, so any delivery
 * order of the same events converges on the same stored snapshot.
 */
public record SnapshotStamp(Instant occurredAt, OrderStatus status, String eventId) {

    private static final Comparator<SnapshotStamp> ORDER = Comparator.comparing(SnapshotStamp::occurredAt)
            .thenComparing(SnapshotStamp::status)
            .thenComparing(SnapshotStamp::eventId);

    public SnapshotStamp {
        if (occurredAt == null || status == null || eventId == null) {
            throw new IllegalArgumentException("a snapshot stamp needs occurredAt, status and eventId");
        }
    }

    /** Whether a snapshot with this stamp should replace one with {@code stored}. */
    public boolean isNewerThan(SnapshotStamp stored) {
        return ORDER.compare(this, stored) > 0;
    }
}
