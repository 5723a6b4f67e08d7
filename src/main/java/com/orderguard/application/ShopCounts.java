package com.orderguard.application;

import com.orderguard.domain.health.Counts;
import com.orderguard.domain.health.ShopKey;

/** Increments to one shop's daily metric buckets, written in the same transaction as the change that caused them. */
public record ShopCounts(ShopKey shop, Counts counts) {

    /** Nothing to count. */
    public static ShopCounts none(ShopKey shop) {
        return new ShopCounts(shop, Counts.NONE);
    }

    public boolean isEmpty() {
        return counts.isEmpty();
    }
}
