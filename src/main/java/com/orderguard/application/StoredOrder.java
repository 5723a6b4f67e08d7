package com.orderguard.application;

import java.time.Instant;

import com.orderguard.domain.Order;
import com.orderguard.domain.SnapshotStamp;
import com.orderguard.domain.TenantId;

/**
 * An order as stored: the canonical order, its optimistic-locking version, the stamp of the snapshot it came
 * from, when it was last written, when the sweep must next look at it (null when no deadline is open), the
 * request it waits on (or null), and the request that cancelled it through OrderGuard (or null).
 */
public record StoredOrder(TenantId tenant, Order order, long version, SnapshotStamp stamp, Instant updatedAt,
        Instant nextDueAt, PendingRequest pending, String cancelledBy) {

    /** The seller's deadline on the pending request, or null. */
    public Instant pendingRespondBy() {
        return pending == null ? null : pending.respondBy();
    }
}
