package com.orderguard.domain;

import java.time.Instant;
import java.util.List;

/**
 * The canonical order, the same for every marketplace. Times are instants; absent optional values are null.
 * {@code shipBy} may be absent on input, in which case the policy pack computes it. {@code deliveryScheme} names
 * the marketplace's delivery scheme where it has several (Ozon {@code FBS}, {@code RFBS}), or is null.
 */
public record Order(
        OrderKey key,
        String shopId,
        Fulfilment fulfilment,
        OrderStatus status,
        Instant placedAt,
        Instant paidAt,
        Instant shipmentArrangedAt,
        Instant shipBy,
        Instant shippedAt,
        Instant deliveredAt,
        String carrier,
        String trackingNumber,
        String buyerId,
        List<OrderItem> items,
        String deliveryScheme) {

    public Order {
        items = List.copyOf(items);
    }

    public Marketplace marketplace() {
        return key.marketplace();
    }

    public String site() {
        return key.site();
    }

    /** Whether any line carries {@code attribute}. */
    public boolean anyItem(ItemAttribute attribute) {
        return items.stream().anyMatch(item -> item.has(attribute));
    }

    /** A copy with another status. */
    public Order withStatus(OrderStatus newStatus) {
        return new Order(key, shopId, fulfilment, newStatus, placedAt, paidAt, shipmentArrangedAt, shipBy, shippedAt,
                deliveredAt, carrier, trackingNumber, buyerId, items, deliveryScheme);
    }

    /** A copy with another ship-by deadline. */
    public Order withShipBy(Instant newShipBy) {
        return new Order(key, shopId, fulfilment, status, placedAt, paidAt, shipmentArrangedAt, newShipBy, shippedAt,
                deliveredAt, carrier, trackingNumber, buyerId, items, deliveryScheme);
    }
}
