package com.orderguard.application.port;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.orderguard.application.ShopFilter;
import com.orderguard.application.StoredOrder;
import com.orderguard.domain.OrderStatus;
import com.orderguard.domain.TenantId;
import com.orderguard.domain.attention.AttentionItem;
import com.orderguard.domain.attention.AttentionKind;
import com.orderguard.domain.health.MetricStatus;
import com.orderguard.domain.health.ShopKey;

/**
 * Reads across a tenant's orders and shops: the attention inbox, the order list and the shop list. Positions are
 * the store's own (opaque to callers, who sign them into cursors); a page's {@code next} is null on the last page.
 */
public interface InboxStore {

    /** One page of the inbox (items as stored, in inbox order) and the tenant's shops as registered. */
    AttentionPage attention(TenantId tenant, AttentionQuery query);

    /** One page of the tenant's orders, newest placed first. */
    OrderPage orders(TenantId tenant, OrderQuery query);

    /** The tenant's shops with their open orders by status and their inbox items (as {@code attention} lists). */
    List<ShopCounts> shops(TenantId tenant, Instant now, Duration within);

    /** What the inbox lists: kinds as shown (SHIP_BY and OVERDUE are read from one stored kind). */
    record AttentionQuery(Set<AttentionKind> kinds, ShopFilter shops, Instant now, Duration within, int limit,
            List<String> after) {
    }

    /** A page of inbox items and the tenant's registered shops with their last metric statuses. */
    record AttentionPage(List<AttentionItem> items, List<String> next, List<RegisteredShop> shops) {
    }

    /** Which orders the list shows; a null status means any. */
    record OrderQuery(ShopFilter shops, OrderStatus status, int limit, List<String> after) {
    }

    /** A page of orders. */
    record OrderPage(List<StoredOrder> orders, List<String> next) {
    }

    /** A shop the tenant has (an order or event named it) and its metric statuses as last looked at. */
    record RegisteredShop(ShopKey shop, Map<String, MetricStatus.Status> statuses) {
    }

    /** A shop with its open orders by status and the number of its inbox items. */
    record ShopCounts(RegisteredShop shop, Map<OrderStatus, Long> openOrders, long attention) {
    }
}
