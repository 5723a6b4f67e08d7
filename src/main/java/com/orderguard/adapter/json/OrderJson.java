package com.orderguard.adapter.json;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderguard.domain.FieldErrors;
import com.orderguard.domain.Order;
import com.orderguard.domain.OrderDraft;
import com.orderguard.domain.OrderItem;

/** The canonical order's JSON form (API.md "Order (canonical)"), read into a draft and written from an order. */
public final class OrderJson {

    private static final Set<String> ORDER_FIELDS = Set.of("marketplace", "site", "orderId", "shopId",
            "fulfilment", "status", "placedAt", "paidAt", "shipmentArrangedAt", "shipBy", "shippedAt",
            "deliveredAt", "carrier", "trackingNumber", "buyerId", "items", "deliveryScheme");
    private static final Set<String> ITEM_FIELDS = Set.of("sku", "quantity", "unitPrice", "currency",
            "attributes");

    private OrderJson() {
    }

    /** Reads an order object at {@code at}; returns null when it is not an object (the error is recorded). */
    public static OrderDraft read(JsonNode node, String at, FieldErrors errors) {
        JsonReader json = JsonReader.of(node, at, ORDER_FIELDS, errors);
        if (json == null) {
            return null;
        }
        List<OrderDraft.ItemDraft> items = null;
        List<JsonNode> itemNodes = json.array("items");
        if (itemNodes != null) {
            items = new ArrayList<>();
            for (int i = 0; i < itemNodes.size(); i++) {
                OrderDraft.ItemDraft item = item(itemNodes.get(i), json.path("items") + "[" + i + "]", errors);
                if (item != null) {
                    items.add(item);
                }
            }
        }
        return new OrderDraft(json.string("marketplace"), json.string("site"), json.string("orderId"),
                json.string("shopId"), json.string("fulfilment"), json.string("status"), json.string("placedAt"),
                json.string("paidAt"), json.string("shipmentArrangedAt"), json.string("shipBy"),
                json.string("shippedAt"), json.string("deliveredAt"), json.string("carrier"),
                json.string("trackingNumber"), json.string("buyerId"), items, json.string("deliveryScheme"));
    }

    private static OrderDraft.ItemDraft item(JsonNode node, String at, FieldErrors errors) {
        JsonReader json = JsonReader.of(node, at, ITEM_FIELDS, errors);
        if (json == null) {
            return null;
        }
        return new OrderDraft.ItemDraft(json.string("sku"), json.integer("quantity"), json.string("unitPrice"),
                json.string("currency"), json.strings("attributes"));
    }

    /** The canonical JSON of an order; absent optional values are left out. */
    public static ObjectNode write(Order order) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("marketplace", order.marketplace().code());
        json.put("site", order.site());
        json.put("orderId", order.key().orderId());
        putIfPresent(json, "shopId", order.shopId());
        json.put("fulfilment", order.fulfilment().name());
        json.put("status", order.status().name());
        putIfPresent(json, "placedAt", order.placedAt());
        putIfPresent(json, "paidAt", order.paidAt());
        putIfPresent(json, "shipmentArrangedAt", order.shipmentArrangedAt());
        putIfPresent(json, "shipBy", order.shipBy());
        putIfPresent(json, "shippedAt", order.shippedAt());
        putIfPresent(json, "deliveredAt", order.deliveredAt());
        putIfPresent(json, "carrier", order.carrier());
        putIfPresent(json, "trackingNumber", order.trackingNumber());
        putIfPresent(json, "buyerId", order.buyerId());
        putIfPresent(json, "deliveryScheme", order.deliveryScheme());
        ArrayNode items = json.putArray("items");
        for (OrderItem line : order.items()) {
            ObjectNode item = items.addObject();
            item.put("sku", line.sku());
            item.put("quantity", line.quantity());
            putIfPresent(item, "unitPrice", line.unitPrice());
            putIfPresent(item, "currency", line.currency());
            ArrayNode attributes = item.putArray("attributes");
            line.attributes().forEach(a -> attributes.add(a.name()));
        }
        return json;
    }

    /** Puts a string, instant or decimal (as a plain string) unless it is null. */
    public static void putIfPresent(ObjectNode json, String name, Object value) {
        if (value instanceof BigDecimal decimal) {
            json.put(name, decimal.toPlainString());
        } else if (value instanceof Instant || value instanceof String) {
            json.put(name, value.toString());
        } else if (value != null) {
            throw new IllegalArgumentException("unsupported JSON value type " + value.getClass());
        }
    }
}
