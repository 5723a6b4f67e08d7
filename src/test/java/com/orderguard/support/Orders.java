package com.orderguard.support;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Canonical order JSON for tests. */
public final class Orders {

    private Orders() {
    }

    /** A paid Shopee MY order awaiting shipment with one ready-stock line. */
    public static ObjectNode shopee(String orderId, String status) {
        ObjectNode order = Events.JSON.createObjectNode();
        order.put("marketplace", "shopee");
        order.put("site", "MY");
        order.put("orderId", orderId);
        order.put("shopId", "shop-1");
        order.put("fulfilment", "SELLER");
        order.put("status", status);
        order.put("placedAt", "2024-11-20T09:30:00Z");
        order.put("paidAt", "2024-11-20T09:35:00Z");
        order.put("shipBy", "2024-11-22T09:35:00Z");
        order.put("carrier", "SPX_EXPRESS");
        order.put("buyerId", "b-123");
        ObjectNode item = order.putArray("items").addObject();
        item.put("sku", "A-1");
        item.put("quantity", 2);
        item.put("unitPrice", "59.90");
        item.put("currency", "MYR");
        item.putArray("attributes");
        return order;
    }
}
