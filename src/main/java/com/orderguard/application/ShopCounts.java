package com.orderguard.application;

import com.orderguard.domain.health.Counts;
import com.orderguard.domain.health.ShopKey;

/**
 * Increments to one shop's daily metric buckets, written in the same transaction as the change that caused them.
 *
 * @param lookLater whether the change also leaves a mark that the shop's metrics must be looked at, for a writer
 *        that looks later than right after its commit (the sweep looks once per shop at the end of its run): a run
 *        killed before then leaves the mark, and the next run finds it in the due-time index and looks
 */
public record ShopCounts(ShopKey shop, Counts counts, boolean lookLater) {

    /** Increments whose writer looks at the shop right after its commit. */
    public ShopCounts(ShopKey shop, Counts counts) {
        this(shop, counts, false);
    }

    /** Nothing to count. */
    public static ShopCounts none(ShopKey shop) {
        return new ShopCounts(shop, Counts.NONE);
    }

    public boolean isEmpty() {
        return counts.isEmpty();
    }

    /** Both increments together; marked if either was. */
    public ShopCounts plus(ShopCounts other) {
        return new ShopCounts(shop, counts.plus(other.counts), lookLater || other.lookLater);
    }
}
