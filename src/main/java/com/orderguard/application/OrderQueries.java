package com.orderguard.application;

import java.util.Optional;

import com.orderguard.application.port.OrderStore;
import com.orderguard.domain.OrderKey;
import com.orderguard.domain.TenantId;

/** Reads orders for the order view. A tenant only ever sees its own orders. */
public class OrderQueries {

    private final OrderStore store;

    public OrderQueries(OrderStore store) {
        this.store = store;
    }

    /** The order with its history, if this tenant has it. */
    public Optional<OrderRecord> view(TenantId tenant, OrderKey key) {
        return store.load(tenant, key);
    }
}
