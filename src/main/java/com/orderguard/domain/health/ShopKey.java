package com.orderguard.domain.health;

import com.orderguard.domain.Marketplace;
import com.orderguard.domain.Order;

/** One shop: a marketplace account on one site. Orders without a shop id count under shop {@code _}. */
public record ShopKey(Marketplace marketplace, String site, String shopId) {

    public static final String UNASSIGNED = "_";

    /** The shop an order belongs to. */
    public static ShopKey of(Order order) {
        return new ShopKey(order.marketplace(), order.site(), order.shopId() != null ? order.shopId() : UNASSIGNED);
    }

    @Override
    public String toString() {
        return marketplace.code() + "." + site + "." + shopId;
    }
}
