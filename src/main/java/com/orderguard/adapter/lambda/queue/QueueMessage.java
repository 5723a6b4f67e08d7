package com.orderguard.adapter.lambda.queue;

import java.time.Instant;

import com.orderguard.adapter.marketplace.MarketplaceOrder;
import com.orderguard.domain.Order;
import com.orderguard.domain.TenantId;
import com.orderguard.domain.decision.OrderRequest;

/** A validated queue message (API.md "Queue messages"). */
public sealed interface QueueMessage {

    /** The envelope every message carries. */
    Envelope envelope();

    /** The order the message is about (for a marketplace payload, the mapped canonical order). */
    Order order();

    /** Event id, tenant and when the event happened at its source. */
    record Envelope(String eventId, TenantId tenant, String type, Instant occurredAt) {
    }

    /** {@code ORDER_SNAPSHOT}: the full state of an order. */
    record OrderSnapshot(Envelope envelope, Order order) implements QueueMessage {
    }

    /** {@code CANCELLATION_REQUESTED}: the order as it stood and the request made on it. */
    record CancellationRequested(Envelope envelope, Order order, OrderRequest request)
            implements QueueMessage {
    }

    /** {@code ADDRESS_CHANGE_REQUESTED} (additive): the order as it stood and the buyer's wish to change address. */
    record AddressChangeRequested(Envelope envelope, Order order, OrderRequest request)
            implements QueueMessage {
    }

    /**
     * {@code MARKETPLACE_PAYLOAD}: a marketplace's own order JSON from {@code source}, mapped to the canonical
     * order and the cancellation request it carries, if any.
     */
    record MarketplacePayload(Envelope envelope, String source, MarketplaceOrder mapped) implements QueueMessage {

        @Override
        public Order order() {
            return mapped.order();
        }
    }
}
