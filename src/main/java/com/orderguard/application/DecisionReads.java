package com.orderguard.application;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import com.orderguard.application.port.HealthStore.ShopData;
import com.orderguard.application.port.OrderChangeStore;
import com.orderguard.application.port.OrderChangeStore.BuyerHistory;
import com.orderguard.application.port.OrderStore;
import com.orderguard.application.port.ReadRound;
import com.orderguard.domain.Order;
import com.orderguard.domain.OrderKey;
import com.orderguard.domain.TenantId;
import com.orderguard.domain.decision.PolicyCatalog;
import com.orderguard.domain.decision.PolicyPack;
import com.orderguard.domain.health.ShopKey;

/**
 * What deciding a request on a stored order reads - the order's collection, the buyer's history and the shop's
 * buckets - in as few round trips as the caller's knowledge allows: all three at once when it knows the order (as a
 * message carries it, or as this process last saw it), else the order first and the other two together after it.
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

    /** The stored order's collection and, when {@code seen} is given and a pack covers it, what it names. */
    First first(TenantId tenant, OrderKey key, Order seen, Instant requestedAt, Instant now) {
        Optional<PolicyPack> pack = seen == null ? Optional.empty() : catalog.inForce(seen, requestedAt);
        if (pack.isEmpty()) {
            return new First(orders.load(tenant, key), Optional.empty());
        }
        ShopKey shop = ShopKey.of(seen);
        Together.Three<Optional<OrderRecord>, BuyerHistory, Optional<ShopData>> read = Together.three(round,
                () -> orders.load(tenant, key), () -> buyer(tenant, seen),
                () -> Optional.ofNullable(health.contextData(tenant, shop, pack.get(), now)));
        return new First(read.first(), Optional.of(new Context(seen.buyerId(), shop, pack.get().ref(),
                read.second(), read.third().orElse(null))));
    }

    /** What a decision on the stored {@code order} under {@code pack} reads: as read with it, or read now. */
    Context context(TenantId tenant, First first, Order order, PolicyPack pack, Instant now) {
        Optional<Context> fitting = first.context().filter(c -> c.fits(order, pack));
        if (fitting.isPresent()) {
            return fitting.get();
        }
        ShopKey shop = ShopKey.of(order);
        Together.Two<BuyerHistory, Optional<ShopData>> read = Together.two(round, () -> buyer(tenant, order),
                () -> Optional.ofNullable(health.contextData(tenant, shop, pack, now)));
        return new Context(order.buyerId(), shop, pack.ref(), read.first(), read.second().orElse(null));
    }

    private BuyerHistory buyer(TenantId tenant, Order order) {
        return order.buyerId() == null ? BuyerHistory.NONE
                : requests.buyerHistory(tenant, order.marketplace(), order.buyerId());
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
