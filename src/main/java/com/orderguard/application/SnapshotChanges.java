package com.orderguard.application;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import com.orderguard.application.port.OrderChangeStore.OrderChange;
import com.orderguard.application.port.OrderChangeStore.SnapshotPart;
import com.orderguard.application.port.OrderStore.EventRecord;
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
 * What applying one snapshot to the order as read would do, without writing: nothing (a redelivery, an older
 * snapshot, or one that contradicts a cancellation decided through OrderGuard), or the order it leaves with its
 * history line, event record and shop counts. The snapshot write and a message's combined change both take it:
 * the latter folds the step into the order change it commits (DynamoDB allows one operation per item in a
 * transaction, so the order, its counts and its history go in once, merged).
 */
final class SnapshotChanges {

    private final DeadlineService deadlines;
    private final ShopHealthService health;
    private final Duration eventRetention;

    SnapshotChanges(DeadlineService deadlines, ShopHealthService health, Duration eventRetention) {
        this.deadlines = deadlines;
        this.health = health;
        this.eventRetention = eventRetention;
    }

    /** What applying a snapshot would do. */
    sealed interface Step {
    }

    /** Nothing to write: {@code outcome} says why. */
    record Skipped(SnapshotOutcome outcome) implements Step {
    }

    /**
     * The snapshot applies to {@code current} (null: a new order): {@code after} is the order it leaves, still at
     * the version read; {@code history} is null when the order itself did not change.
     */
    record Applies(StoredOrder current, StoredOrder after, HistoryEntry history, EventRecord event,
            ShopCounts counts) implements Step {
    }

    /** The step of applying {@code order}, observed as {@code source} says, to the order as read. */
    Step of(TenantId tenant, Optional<StoredOrder> current, Order order, SnapshotSource source, Instant now) {
        SnapshotStamp stamp = new SnapshotStamp(source.occurredAt(), order.status(), source.eventId());
        if (current.isPresent() && !stamp.isNewerThan(current.get().stamp())) {
            return new Skipped(current.get().stamp().equals(stamp) ? new SnapshotOutcome.Duplicate(current.get())
                    : new SnapshotOutcome.Stale(current.get()));
        }
        if (current.isPresent() && contradictsCancellation(current.get(), order)) {
            return new Skipped(new SnapshotOutcome.Conflicting(current.get(), "the order was cancelled through"
                    + " OrderGuard (request " + current.get().cancelledBy() + "); the snapshot says "
                    + order.status()));
        }
        Order previous = current.map(StoredOrder::order).orElse(null);
        OrderTimers timers = deadlines.refresh(order, current.map(StoredOrder::timers).orElse(OrderTimers.NONE));
        Counts counts = MetricEvents.ofSnapshot(previous, order, timers.deadlines().shipBy(), source.occurredAt(),
                deadlines.zoneOf(order));
        StoredOrder after = new StoredOrder(tenant, order, current.map(StoredOrder::version).orElse(0L), stamp, now,
                deadlines.next(order, timers), timers, current.map(StoredOrder::cancelledBy).orElse(null));
        return new Applies(current.orElse(null), after,
                Objects.equals(previous, order) ? null : history(previous, order, source),
                new EventRecord(source.eventId(), fingerprint(order, source), now.plus(eventRetention)),
                health.counted(ShopKey.of(order), counts, now));
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

    /**
     * {@code change}, made on the order as {@code applies} leaves it, now also applying that snapshot: its event,
     * its history line first, its counts added to the change's.
     */
    static OrderChange before(OrderChange change, Applies applies) {
        List<HistoryEntry> history = Stream.concat(Stream.ofNullable(applies.history()), change.history().stream())
                .toList();
        return fold(change, change.order(), change.timers(), change.nextDueAt(), history,
                applies.counts().plus(change.counts()),
                new SnapshotPart(applies.current(), applies.after().stamp(), List.of(applies.event())));
    }

    /**
     * {@code change}, then the snapshot {@code applies} made on its result ({@link #result}): the order as that
     * snapshot leaves it, its history line last, its counts added. {@code read}: the order as read before the
     * change (null: new), for a change that applies no snapshot yet.
     */
    static OrderChange after(OrderChange change, Applies applies, StoredOrder read) {
        SnapshotPart earlier = change.snapshot();
        List<EventRecord> events = new ArrayList<>(earlier == null ? List.of() : earlier.events());
        events.add(applies.event());
        StoredOrder after = applies.after();
        List<HistoryEntry> history = Stream.concat(change.history().stream(), Stream.ofNullable(applies.history()))
                .toList();
        return fold(change, after.order(), after.timers(), after.nextDueAt(), history,
                change.counts().plus(applies.counts()),
                new SnapshotPart(earlier == null ? read : earlier.stored(), after.stamp(), events));
    }

    /** The order as {@code change} leaves it, still at the version read (for a snapshot that follows it). */
    static StoredOrder result(OrderChange change) {
        StoredOrder before = change.before();
        return new StoredOrder(before.tenant(), change.order(), before.version(), change.snapshot() == null
                ? before.stamp() : change.snapshot().stamp(), change.now(), change.nextDueAt(), change.timers(),
                change.cancelledBy());
    }

    private static OrderChange fold(OrderChange change, Order order, OrderTimers timers, Instant nextDueAt,
            List<HistoryEntry> history, ShopCounts counts, SnapshotPart part) {
        return new OrderChange(change.before(), order, timers, change.cancelledBy(), nextDueAt, change.created(),
                change.transitions(), history, change.events(), change.buyer(), counts, change.marker(),
                change.now(), part);
    }
}
