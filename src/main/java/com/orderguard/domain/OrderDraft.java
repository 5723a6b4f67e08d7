package com.orderguard.domain;

import java.util.List;

/**
 * An order as received, before validation: every value as the caller sent it (JSON type errors are already
 * reported by the reader and leave the value null). {@link OrderValidator} turns it into an {@link Order}.
 */
public record OrderDraft(
        String marketplace,
        String site,
        String orderId,
        String shopId,
        String fulfilment,
        String status,
        String placedAt,
        String paidAt,
        String shipmentArrangedAt,
        String shipBy,
        String shippedAt,
        String deliveredAt,
        String carrier,
        String trackingNumber,
        String buyerId,
        List<ItemDraft> items,
        String deliveryScheme) {

    /** One order line as received. */
    public record ItemDraft(String sku, Long quantity, String unitPrice, String currency, List<String> attributes) {
    }
}
