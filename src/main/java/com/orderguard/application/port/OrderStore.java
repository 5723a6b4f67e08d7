package com.orderguard.application.port;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.orderguard.application.OrderRecord;
import com.orderguard.application.ShopCounts;
import com.orderguard.application.StoredOrder;
import com.orderguard.domain.HistoryEntry;
import com.orderguard.domain.Order;
import com.orderguard.domain.OrderKey;
import com.orderguard.domain.SnapshotStamp;
import com.orderguard.domain.TenantId;
import com.orderguard.domain.deadline.OrderTimers;
import com.orderguard.domain.health.ShopKey;

/** Where orders live. Every write is conditional: it lands whole or not at all. */
public interface OrderStore {

    /** The stored order, read strongly consistently. */
    Optional<StoredOrder> find(TenantId tenant, OrderKey key);

    /** The stored order with its history. */
    Optional<OrderRecord> load(TenantId tenant, OrderKey key);

    /**
     * The fingerprint a one-off fact under the order was recorded with (empty: no such fact, or one recorded
     * before facts kept their fingerprint).
     */
    Optional<String> markerFingerprint(TenantId tenant, OrderKey key, String sortKey);

    /**
     * Writes a snapshot if the order still has {@code expectedVersion} (0: does not exist yet) and, when an event
     * id is given, that event was never recorded; the order, its history entry and the event record land together.
     */
    SnapshotWriteResult write(SnapshotWrite write);

    /**
     * One page of the due-time index's entries due at or before {@code now} in one shard, oldest first: orders,
     * and shops whose metrics must be looked at.
     */
    DuePage due(int shard, Instant now, int limit, String cursor);

    /** A snapshot to write. {@code history} and {@code event} may be null. */
    record SnapshotWrite(TenantId tenant, Order order, SnapshotStamp stamp, long expectedVersion, OrderTimers timers,
            Instant nextDueAt, HistoryEntry history, EventRecord event, ShopCounts counts, Instant now) {
    }

    /** What makes an event idempotent: its id, a fingerprint of its content, and when it may be forgotten. */
    record EventRecord(String eventId, String fingerprint, Instant expiresAt) {
    }

    /** What became of a snapshot write. */
    sealed interface SnapshotWriteResult {
        /** The snapshot was written. */
        record Written() implements SnapshotWriteResult {
        }

        /** Another writer changed the order first; read again and retry. */
        record VersionConflict() implements SnapshotWriteResult {
        }

        /** The event was recorded before, with this fingerprint. */
        record DuplicateEvent(String storedFingerprint) implements SnapshotWriteResult {
        }
    }

    /** Due orders and shop looks of one shard page, and the cursor for the next page (null at the end). */
    record DuePage(List<StoredOrder> orders, List<ShopLook> looks, String nextCursor) {
    }

    /**
     * A shop's mark that its metrics must be looked at, left by a change counted against it whose writer looks
     * later (the sweep); {@code marks} counts the changes that marked it, per mark item, as the index showed them.
     */
    record ShopLook(TenantId tenant, ShopKey shop, Map<String, Long> marks) {

        /** The marks of both looks at the same shop (found on two of its mark items). */
        public ShopLook merge(ShopLook other) {
            Map<String, Long> all = new HashMap<>(marks);
            all.putAll(other.marks);
            return new ShopLook(tenant, shop, Map.copyOf(all));
        }
    }
}
