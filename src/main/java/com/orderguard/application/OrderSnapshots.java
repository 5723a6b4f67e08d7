package com.orderguard.application;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.orderguard.application.Retry.Attempt;
import com.orderguard.application.port.OrderStore;
import com.orderguard.application.port.OrderStore.SnapshotWrite;
import com.orderguard.application.port.OrderStore.SnapshotWriteResult;
import com.orderguard.domain.Order;
import com.orderguard.domain.SnapshotStamp;
import com.orderguard.domain.TenantId;

/**
 * Stores order snapshots from the API and the queue: idempotent by event id, and an older snapshot never
 * overwrites a newer one (see {@link SnapshotStamp}). One read, then one transaction: a snapshot that counts
 * against the shop leaves its look mark in that transaction for the sweep to look at (so a redelivery, even of a
 * delivery that failed after its commit, has nothing left to do).
 */
public class OrderSnapshots {

    private final OrderStore store;
    private final SnapshotChanges changes;
    private final SeenOrders seen;

    /** Remembering no orders (unit tests). */
    public OrderSnapshots(OrderStore store, DeadlineService deadlines, ShopHealthService health,
            Duration eventRetention) {
        this(store, deadlines, health, eventRetention, new SeenOrders(0));
    }

    /**
     * @param eventRetention how long an event id is remembered; longer than the queue keeps a message
     * @param seen where each order written is remembered, for the reads of a later request on it
     */
    public OrderSnapshots(OrderStore store, DeadlineService deadlines, ShopHealthService health,
            Duration eventRetention, SeenOrders seen) {
        this.seen = seen;
        this.store = store;
        this.changes = new SnapshotChanges(deadlines, health, eventRetention);
    }

    /** Applies one snapshot of {@code order} observed at {@code source.occurredAt()}. */
    public SnapshotOutcome apply(TenantId tenant, Order order, SnapshotSource source, Instant now) {
        return Retry.WRITES.run(attempt -> write(tenant, order, source, now), "order " + order.key()
                + " kept changing while storing a snapshot");
    }

    private Attempt<SnapshotOutcome> write(TenantId tenant, Order order, SnapshotSource source, Instant now) {
        return write(tenant, store.find(tenant, order.key()), order, source, now);
    }

    /** One attempt of applying the snapshot to the order as read ({@code current}); lost when another wrote first. */
    Attempt<SnapshotOutcome> write(TenantId tenant, Optional<StoredOrder> current, Order order, SnapshotSource source,
            Instant now) {
        SnapshotChanges.Step step = changes.of(tenant, current, order, source, now);
        if (step instanceof SnapshotChanges.Skipped skipped) {
            return Retry.done(skipped.outcome());
        }
        SnapshotChanges.Applies applies = (SnapshotChanges.Applies) step;
        StoredOrder after = applies.after();
        SnapshotWriteResult result = store.write(new SnapshotWrite(tenant, order, after.stamp(), after.version(),
                after.timers(), after.nextDueAt(), applies.history(), applies.event(), applies.counts(), now));
        if (result instanceof SnapshotWriteResult.Written) {
            seen.saw(tenant, order);
            return Retry.done(new SnapshotOutcome.Applied(new StoredOrder(tenant, order, after.version() + 1,
                    after.stamp(), now, after.nextDueAt(), after.timers(), after.cancelledBy()), current.isEmpty()));
        }
        if (result instanceof SnapshotWriteResult.DuplicateEvent duplicate) {
            // the id's first use may have been for another order, which need not exist under this key
            Optional<StoredOrder> stored = store.find(tenant, order.key());
            return Retry.done(applies.event().fingerprint().equals(duplicate.storedFingerprint())
                    && stored.isPresent() ? new SnapshotOutcome.Duplicate(stored.get())
                    : new SnapshotOutcome.EventIdReused(stored.orElse(null), source.eventId()));
        }
        return Retry.lost();
    }
}
