package com.orderguard.application;

import java.time.Instant;

import com.orderguard.domain.OrderKey;
import com.orderguard.domain.TenantId;

/**
 * An event for the outside world, written in the same transaction as the change it reports (transactional
 * outbox); the table's stream forwards it. {@code eventId} is unique and stable, so a consumer can deduplicate.
 */
public sealed interface OutboxEvent {

    String eventId();

    TenantId tenant();

    OrderKey orderKey();

    Instant occurredAt();

    /** The event type name consumers see. */
    default String type() {
        return getClass().getSimpleName();
    }

    /** A request was decided. */
    record CancellationDecided(String eventId, TenantId tenant, OrderKey orderKey, Instant occurredAt,
            CancellationRecord request) implements OutboxEvent {
    }

    /** The seller resolved a pending request. */
    record CancellationResolved(String eventId, TenantId tenant, OrderKey orderKey, Instant occurredAt,
            CancellationRecord request) implements OutboxEvent {
    }
}
