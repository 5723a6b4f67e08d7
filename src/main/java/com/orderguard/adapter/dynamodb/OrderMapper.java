package com.orderguard.adapter.dynamodb;

import static com.orderguard.adapter.dynamodb.Attrs.instant;
import static com.orderguard.adapter.dynamodb.Attrs.number;
import static com.orderguard.adapter.dynamodb.Attrs.s;
import static com.orderguard.adapter.dynamodb.Attrs.string;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.orderguard.domain.Fulfilment;
import com.orderguard.domain.ItemAttribute;
import com.orderguard.domain.Marketplace;
import com.orderguard.domain.Order;
import com.orderguard.domain.OrderItem;
import com.orderguard.domain.OrderKey;
import com.orderguard.domain.OrderStatus;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps the canonical order to the attributes of the ORDER item and back. Optional values that are absent are
 * listed by {@link #absentOptionals(Order)} so that an update can remove them.
 */
final class OrderMapper {

    static final String MARKETPLACE = "marketplace";
    static final String SITE = "site";
    static final String ORDER_ID = "orderId";
    static final String SHOP_ID = "shopId";
    static final String FULFILMENT = "fulfilment";
    static final String STATUS = "status";
    static final String ITEMS = "items";

    private OrderMapper() {
    }

    /** The order's own attributes (no keys, version or bookkeeping). Absent optional values are left out. */
    static Map<String, AttributeValue> toAttributes(Order order) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put(MARKETPLACE, s(order.marketplace().code()));
        item.put(SITE, s(order.site()));
        item.put(ORDER_ID, s(order.key().orderId()));
        item.put(FULFILMENT, s(order.fulfilment().name()));
        item.put(STATUS, s(order.status().name()));
        optionals(order).forEach((name, value) -> {
            if (value != null) {
                item.put(name, value instanceof Instant at ? Attrs.instant(at) : s((String) value));
            }
        });
        item.put(ITEMS, AttributeValue.fromL(order.items().stream().map(OrderMapper::item).toList()));
        return item;
    }

    /** Names of the optional attributes this order does not have. */
    static List<String> absentOptionals(Order order) {
        List<String> absent = new ArrayList<>();
        optionals(order).forEach((name, value) -> {
            if (value == null) {
                absent.add(name);
            }
        });
        return absent;
    }

    private static Map<String, Object> optionals(Order order) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(SHOP_ID, order.shopId());
        values.put("placedAt", order.placedAt());
        values.put("paidAt", order.paidAt());
        values.put("shipmentArrangedAt", order.shipmentArrangedAt());
        values.put("shipBy", order.shipBy());
        values.put("shippedAt", order.shippedAt());
        values.put("deliveredAt", order.deliveredAt());
        values.put("carrier", order.carrier());
        values.put("trackingNumber", order.trackingNumber());
        values.put("buyerId", order.buyerId());
        values.put("deliveryScheme", order.deliveryScheme());
        return values;
    }

    private static AttributeValue item(OrderItem line) {
        Map<String, AttributeValue> map = new LinkedHashMap<>();
        map.put("sku", s(line.sku()));
        map.put("quantity", Attrs.n(line.quantity()));
        if (line.unitPrice() != null) {
            map.put("unitPrice", s(line.unitPrice().toPlainString()));
            map.put("currency", s(line.currency()));
        }
        map.put("attributes", AttributeValue.fromL(line.attributes().stream().map(a -> s(a.name())).toList()));
        return AttributeValue.fromM(map);
    }

    /** Reads the order back from its item. */
    static Order fromAttributes(Map<String, AttributeValue> item) {
        OrderKey key = new OrderKey(Marketplace.fromCode(string(item, MARKETPLACE)).orElseThrow(),
                string(item, SITE), string(item, ORDER_ID));
        List<OrderItem> lines = new ArrayList<>();
        AttributeValue list = item.get(ITEMS);
        if (list != null && list.hasL()) {
            for (AttributeValue value : list.l()) {
                lines.add(line(value.m()));
            }
        }
        return new Order(key, string(item, SHOP_ID), Fulfilment.valueOf(string(item, FULFILMENT)),
                OrderStatus.valueOf(string(item, STATUS)), instant(item, "placedAt"), instant(item, "paidAt"),
                instant(item, "shipmentArrangedAt"), instant(item, "shipBy"), instant(item, "shippedAt"),
                instant(item, "deliveredAt"), string(item, "carrier"), string(item, "trackingNumber"),
                string(item, "buyerId"), lines, string(item, "deliveryScheme"));
    }

    private static OrderItem line(Map<String, AttributeValue> map) {
        Set<ItemAttribute> attributes = EnumSet.noneOf(ItemAttribute.class);
        AttributeValue names = map.get("attributes");
        if (names != null && names.hasL()) {
            names.l().forEach(name -> attributes.add(ItemAttribute.valueOf(name.s())));
        }
        String price = string(map, "unitPrice");
        return new OrderItem(string(map, "sku"), (int) number(map, "quantity"),
                price == null ? null : new BigDecimal(price), string(map, "currency"), attributes);
    }
}
