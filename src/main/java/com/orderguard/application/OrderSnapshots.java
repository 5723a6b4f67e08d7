package com.orderguard.application;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import com.orderguard.application.Retry.Attempt;
import com.orderguard.application.port.OrderStore;
import com.orderguard.application.port.OrderStore.EventRecord;
import com.orderguard.application.port.OrderStore.SnapshotWrite;
import com.orderguard.application.port.OrderStore.SnapshotWriteResult;
import com.orderguard.domain.HistoryEntry;
import com.orderguard.domain.Order;
import com.orderguard.domain.OrderStatus;
import com.orderguard.domain.SnapshotStamp;
import com.orderguard.domain.TenantId;
import com.orderguard.domain.deadline.OrderTimers;
import com.orderguard.domain.health.Counts;
import com.orderguard.domain.health.MetricEvents;
import com.orderguard.domain.health.ShopKey;

/**
 * Stores order snapshots from the API and the queue: idempotent by event id, and an older snapshot never
 * overwrites a newer one (see {@link SnapshotStamp}). One read, then one transaction: a snapshot that counts
 * against the shop leaves its look mark in that transaction for the sweep to look at (so a redelivery, even of a
 * delivery that failed after its commit, has nothing left to do).
 */
public class OrderSnapshots {

    private final OrderStore store;
    private final DeadlineService deadlines;
    private final ShopHealthService health;
    private final Duration eventRetention;
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
        this.deadlines = deadlines;
        this.health = health;
        this.eventRetention = eventRetention;
    }

    /** Applies one snapshot of {@code order} observed at {@code source.occurredAt()}. */
    public SnapshotOutcome apply(TenantId tenant, Order order, SnapshotSource source, Instant now) {
        return Retry.WRITES.run(attempt -> write(tenant, order, source, now), "order " + order.key()
                + " kept changing while storing a snapshot");
    }

    private Attempt<SnapshotOutcome> write(TenantId tenant, Order order, SnapshotSource source, Instant now) {
        SnapshotStamp stamp = new SnapshotStamp(source.occurredAt(), order.status(), source.eventId());
        Optional<StoredOrder> current = store.find(tenant, order.key());
        if (current.isPresent() && !stamp.isNewerThan(current.get().stamp())) {
            return Retry.done(current.get().stamp().equals(stamp) ? new SnapshotOutcome.Duplicate(current.get())
                    : new SnapshotOutcome.Stale(current.get()));
        }
        if (current.isPresent() && contradictsCancellation(current.get(), order)) {
            return Retry.done(new SnapshotOutcome.Conflicting(current.get(), "the order was cancelled through"
                    + " OrderGuard (request " + current.get().cancelledBy() + "); the snapshot says "
                    + order.status()));
        }
        Order previous = current.map(stored -> stored.order()).orElse(null);
        OrderTimers timers = deadlines.refresh(order, current.map(StoredOrder::timers).orElse(OrderTimers.NONE));
        Instant nextDue = deadlines.next(order, timers);
        long version = current.map(StoredOrder::version).orElse(0L);
        Counts counts = MetricEvents.ofSnapshot(previous, order, timers.deadlines().shipBy(), source.occurredAt(),
                deadlines.zoneOf(order));
        String fingerprint = fingerprint(order, source);
        SnapshotWrite write = new SnapshotWrite(tenant, order, stamp, version, timers, nextDue,
                Objects.equals(previous, order) ? null : history(previous, order, source),
                new EventRecord(source.eventId(), fingerprint, now.plus(eventRetention)),
                health.counted(ShopKey.of(order), counts, now), now);
        SnapshotWriteResult result = store.write(write);
        if (result instanceof SnapshotWriteResult.Written) {
            seen.saw(tenant, order);
            return Retry.done(new SnapshotOutcome.Applied(new StoredOrder(tenant, order, version + 1, stamp, now,
                    nextDue, timers, current.map(StoredOrder::cancelledBy).orElse(null)), current.isEmpty()));
        }
        if (result instanceof SnapshotWriteResult.DuplicateEvent duplicate) {
            // the id's first use may have been for another order, which need not exist under this key
            Optional<StoredOrder> stored = store.find(tenant, order.key());
            return Retry.done(fingerprint.equals(duplicate.storedFingerprint()) && stored.isPresent()
                    ? new SnapshotOutcome.Duplicate(stored.get())
                    : new SnapshotOutcome.EventIdReused(stored.orElse(null), source.eventId()));
        }
        return Retry.lost();
    }

    /**
     * A cancellation decided through OrderGuard wins over a snapshot that says the order went on (e.g. shipped): the
     * cancellation and the shipment cannot both stand. The marketplace confirming the cancellation is fine.
     */
    private static boolean contradictsCancellation(StoredOrder current, Order incoming) {
        return current.cancelledBy() != null && incoming.status() != OrderStatus.CANCELLED
                && incoming.status() != OrderStatus.RETURNED;
    }

    private static HistoryEntry history(Order previous, Order order, SnapshotSource source) {
        String summary = previous == null ? "created with status " + order.status()
                : previous.status() == order.status() ? "updated, status " + order.status()
                : "status " + previous.status() + " -> " + order.status();
        return new HistoryEntry(source.occurredAt(), "SNAPSHOT", summary + " (" + source.channel() + ")",
                source.eventId());
    }

    /** A digest of what the event says, to tell a redelivery from a different event reusing the id. */
    static String fingerprint(Order order, SnapshotSource source) {
        return Fingerprints.of(source.occurredAt(), order);
    }
}
