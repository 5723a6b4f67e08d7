package com.orderguard.application;

/** What applying a snapshot did. Each is a normal outcome, not an error. */
public sealed interface SnapshotOutcome {

    /** The order as it is stored after the call. */
    StoredOrder current();

    /** The snapshot was stored; {@code created} when the order is new. */
    record Applied(StoredOrder current, boolean created) implements SnapshotOutcome {
    }

    /** The event was applied before: nothing changed. */
    record Duplicate(StoredOrder current) implements SnapshotOutcome {
    }

    /** A newer snapshot is already stored: nothing changed. */
    record Stale(StoredOrder current) implements SnapshotOutcome {
    }

    /** The snapshot contradicts a cancellation decided through OrderGuard: nothing changed. */
    record Conflicting(StoredOrder current, String reason) implements SnapshotOutcome {
    }

    /**
     * The event id (the idempotency key) was used before for different content - another snapshot of this order, or
     * another order: nothing changed, the event is rejected. {@code current} is null when this order does not exist.
     */
    record EventIdReused(StoredOrder current, String eventId) implements SnapshotOutcome {
    }
}
