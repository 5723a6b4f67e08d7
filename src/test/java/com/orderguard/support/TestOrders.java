package com.orderguard.support;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.orderguard.domain.Fulfilment;
import com.orderguard.domain.ItemAttribute;
import com.orderguard.domain.Order;
import com.orderguard.domain.OrderItem;
import com.orderguard.domain.OrderKey;
import com.orderguard.domain.OrderStatus;

/** Builds domain orders for rule tests: a paid order placed two hours before {@link #T}. */
public final class TestOrders {

    /** The moment test requests are made by default (after every pack change of the reference). */
    public static final Instant T = Instant.parse("2025-03-03T04:00:00Z");

    private final OrderKey key;
    private OrderStatus status = OrderStatus.AWAITING_SHIPMENT;
    private Fulfilment fulfilment = Fulfilment.SELLER;
    private Instant placedAt = T.minus(Duration.ofHours(2));
    private Instant shipBy = T.plus(Duration.ofDays(2));
    private String carrier;
    private String buyerId = "b-1";
    private String scheme;
    private Instant deliveredAt;
    private final Set<ItemAttribute> attributes = EnumSet.noneOf(ItemAttribute.class);

    private TestOrders(String key) {
        this.key = OrderKey.parse(key, "key").valueOrNull();
    }

    public static TestOrders order(String key) {
        return new TestOrders(key);
    }

    public TestOrders status(OrderStatus value) {
        status = value;
        return this;
    }

    public TestOrders fulfilment(Fulfilment value) {
        fulfilment = value;
        return this;
    }

    public TestOrders placedAt(Instant value) {
        placedAt = value;
        return this;
    }

    public TestOrders shipBy(Instant value) {
        shipBy = value;
        return this;
    }

    public TestOrders carrier(String value) {
        carrier = value;
        return this;
    }

    public TestOrders scheme(String value) {
        scheme = value;
        return this;
    }

    public TestOrders deliveredAt(Instant value) {
        deliveredAt = value;
        return this;
    }

    public TestOrders buyer(String value) {
        buyerId = value;
        return this;
    }

    public TestOrders with(ItemAttribute... values) {
        attributes.addAll(List.of(values));
        return this;
    }

    public Order build() {
        List<OrderItem> items = new ArrayList<>(List.of(new OrderItem("SKU-1", 1, new BigDecimal("10.00"), "USD",
                Set.of())));
        if (!attributes.isEmpty()) {
            items.add(new OrderItem("SKU-2", 1, new BigDecimal("20.00"), "USD", attributes));
        }
        return new Order(key, "shop-1", fulfilment, status, placedAt, placedAt, null, shipBy, null, deliveredAt,
                carrier, null, buyerId, items, scheme);
    }
}
