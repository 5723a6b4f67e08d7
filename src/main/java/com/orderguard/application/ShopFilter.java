package com.orderguard.application;

import com.orderguard.domain.Marketplace;
import com.orderguard.domain.health.ShopKey;

/** Which shops a list reads: any of the given parts may be absent (null), and then matches anything. */
public record ShopFilter(Marketplace marketplace, String site, String shopId) {

    /** Every shop of the tenant. */
    public static final ShopFilter ALL = new ShopFilter(null, null, null);

    /** Whether the filter names no part at all. */
    public boolean isAll() {
        return marketplace == null && site == null && shopId == null;
    }

    /** Whether {@code shop} passes the filter. */
    public boolean matches(ShopKey shop) {
        return (marketplace == null || marketplace == shop.marketplace())
                && (site == null || site.equals(shop.site()))
                && (shopId == null || shopId.equals(shop.shopId()));
    }
}
