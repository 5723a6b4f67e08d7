package com.orderguard.application;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import com.orderguard.application.port.HealthStore.ShopData;
import com.orderguard.application.port.OrderChangeStore;
import com.orderguard.application.port.OrderChangeStore.BuyerHistory;
import com.orderguard.application.port.OrderStore;
import com.orderguard.application.port.ReadRound;
import com.orderguard.domain.Marketplace;
import com.orderguard.domain.Order;
import com.orderguard.domain.OrderKey;
import com.orderguard.domain.TenantId;
import com.orderguard.domain.decision.PolicyCatalog;
import com.orderguard.domain.decision.PolicyPack;
import com.orderguard.domain.health.ShopKey;

/**
 * What deciding a request on a stored order reads - the order's collection, the buyer's history and the shop's
 * buckets - in as few round trips as the caller's knowledge allows: all three at once when it knows the order (as a
 * message carries it, or as this process last saw it) or its buyer and shop (a caller's {@link OrderHint}), else the
 * order first and the other two together after it.
 */
final class DecisionReads {

    private final OrderStore orders;
    private final OrderChangeStore requests;
    private final PolicyCatalog catalog;
    private final ShopHealthService health;
    private final ReadRound round;

    DecisionReads(OrderStore orders, OrderChangeStore requests, PolicyCatalog catalog, ShopHealthService health,
            ReadRound round) {
        this.orders = orders;
        this.requests = requests;
        this.catalog = catalog;
        this.health = health;
        this.round = round;
    }

    /**
     * The stored order's collection and, when {@code names} is given (the buyer, shop and pack the caller expects
     * the order to name), the buyer's history and the shop's buckets it names, all read together.
     */
    First first(TenantId tenant, OrderKey key, Names names, Instant now) {
        if (names == null) {
            return new First(orders.load(tenant, key), Optional.empty());
        }
        Together.Three<Optional<OrderRecord>, BuyerHistory, Optional<ShopData>> read = Together.three(round,
                () -> orders.load(tenant, key), () -> buyer(tenant, names.shop().marketplace(), names.buyerId()),
                () -> Optional.ofNullable(health.contextData(tenant, names.shop(), names.pack(), now)));
        return new First(read.first(), Optional.of(new Context(names.buyerId(), names.shop(), names.pack().ref(),
                read.second(), read.third().orElse(null))));
    }

    /** What {@code seen} names for a request made at {@code at}; null when no pack covers it. */
    Names names(Order seen, Instant at) {
        return seen == null ? null : catalog.inForce(seen, at)
                .map(pack -> new Names(seen.buyerId(), ShopKey.of(seen), pack)).orElse(null);
    }

    /** What a caller's hint names (the pack of the site's default delivery scheme); null when it names no shop. */
    Names names(OrderKey key, OrderHint hint, Instant at) {
        return hint == null || hint.shopId() == null ? null
                : catalog.inForce(key.marketplace(), key.site(), null, at).map(pack -> new Names(hint.buyerId(),
                        new ShopKey(key.marketplace(), key.site(), hint.shopId()), pack)).orElse(null);
    }

    /** What a decision on the stored {@code order} under {@code pack} reads: as read with it, or read now. */
    Context context(TenantId tenant, First first, Order order, PolicyPack pack, Instant now) {
        Optional<Context> fitting = first.context().filter(c -> c.fits(order, pack));
        if (fitting.isPresent()) {
            return fitting.get();
        }
        ShopKey shop = ShopKey.of(order);
        Together.Two<BuyerHistory, Optional<ShopData>> read = Together.two(round,
                () -> buyer(tenant, order.marketplace(), order.buyerId()),
                () -> Optional.ofNullable(health.contextData(tenant, shop, pack, now)));
        return new Context(order.buyerId(), shop, pack.ref(), read.first(), read.second().orElse(null));
    }

    private BuyerHistory buyer(TenantId tenant, Marketplace marketplace, String buyerId) {
        return buyerId == null ? BuyerHistory.NONE : requests.buyerHistory(tenant, marketplace, buyerId);
    }

    /** The buyer (null: none), shop and pack an order is expected to name, before it is read. */
    record Names(String buyerId, ShopKey shop, PolicyPack pack) {
    }

    /** The first round: the order's collection (empty: no such order), and the context it was read with. */
    record First(Optional<OrderRecord> stored, Optional<Context> context) {
    }

    /**
     * What a decision reads besides the order - the buyer's history and the shop's buckets (null: the pack needs
     * none) - and for which buyer, shop and pack it was read.
     */
    record Context(String buyerId, ShopKey shopKey, String pack, BuyerHistory buyer, ShopData shop) {

        /** Whether a decision on {@code order} under {@code pack} would read exactly this. */
        boolean fits(Order order, PolicyPack pack) {
            return Objects.equals(buyerId, order.buyerId()) && shopKey.equals(ShopKey.of(order))
                    && this.pack.equals(pack.ref());
        }
    }
}
