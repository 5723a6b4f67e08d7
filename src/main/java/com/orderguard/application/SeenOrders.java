package com.orderguard.application;

import java.util.LinkedHashMap;
import java.util.Map;

import com.orderguard.domain.Order;
import com.orderguard.domain.OrderKey;
import com.orderguard.domain.TenantId;

/**
 * The last state this process saw of each recent order (bounded, least recently used first out), so that a use
 * case that gets only an order key can send the reads the order names (its buyer's history, its shop's buckets)
 * together with the read of the stored order. Only a hint: the stored order always decides, and a stale or missing
 * entry costs no more than the reads after the stored order that would be made without it.
 */
public final class SeenOrders {

    private final Map<String, Order> orders;

    /** @param capacity orders remembered; 0 remembers none */
    public SeenOrders(int capacity) {
        this.orders = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Order> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Remembers {@code order} as the tenant's latest state of it. */
    public void saw(TenantId tenant, Order order) {
        synchronized (orders) {
            orders.put(id(tenant, order.key()), order);
        }
    }

    /** The order as last seen, or null. */
    public Order get(TenantId tenant, OrderKey key) {
        synchronized (orders) {
            return orders.get(id(tenant, key));
        }
    }

    private static String id(TenantId tenant, OrderKey key) {
        return tenant.value() + "|" + key;
    }
}
