package com.orderguard.application;

import java.time.Duration;
import java.time.Instant;

import com.orderguard.domain.OrderKey;
import com.orderguard.domain.TenantId;
import com.orderguard.domain.decision.RequestStatus;
import com.orderguard.domain.decision.Resolution;
import com.orderguard.domain.health.ShopKey;

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

    /** A stable event id: type, tenant, order and what makes the event unique. */
    static String id(String type, TenantId tenant, OrderKey key, String unique) {
        return type + ":" + tenant + ":" + (key == null ? "shop" : key.toString()) + ":" + unique;
    }

    /** A request was decided. */
    record CancellationDecided(String eventId, TenantId tenant, OrderKey orderKey, Instant occurredAt,
            RequestRecord request) implements OutboxEvent {
    }

    /** A pending request was resolved: by the seller, or at its deadline with the platform's rejection. */
    record CancellationResolved(String eventId, TenantId tenant, OrderKey orderKey, Instant occurredAt,
            String requestId, RequestStatus status, Resolution resolution) implements OutboxEvent {
    }

    /** The seller let a request expire and the platform approved it: the order is cancelled. */
    record RequestAutoApproved(String eventId, TenantId tenant, OrderKey orderKey, Instant occurredAt,
            String requestId) implements OutboxEvent {
    }

    /** The ship-by time is {@code lead} away and the order has not shipped. */
    record ShipByApproaching(String eventId, TenantId tenant, OrderKey orderKey, Instant occurredAt,
            Instant shipBy, Duration lead) implements OutboxEvent {
    }

    /** A shop metric crossed into at risk or breached ({@code orderKey} is null: the event is about a shop). */
    record MetricAtRisk(String eventId, TenantId tenant, OrderKey orderKey, Instant occurredAt, ShopKey shop,
            String metric, String window, double value, double threshold, String status) implements OutboxEvent {
    }

    /** An address change request was decided. */
    record AddressChangeDecided(String eventId, TenantId tenant, OrderKey orderKey, Instant occurredAt,
            RequestRecord request) implements OutboxEvent {
    }

    /** The seller recorded what was done about a pending address change. */
    record AddressChangeResolved(String eventId, TenantId tenant, OrderKey orderKey, Instant occurredAt,
            String requestId, RequestStatus status, Resolution resolution) implements OutboxEvent {
    }

    /** The platform cancelled the order as not shipped in time. */
    record OrderAutoCancelled(String eventId, TenantId tenant, OrderKey orderKey, Instant occurredAt,
            RequestRecord request) implements OutboxEvent {
    }
}
