package com.orderguard.application;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.orderguard.application.port.InboxStore;
import com.orderguard.application.port.InboxStore.AttentionQuery;
import com.orderguard.application.port.InboxStore.OrderPage;
import com.orderguard.application.port.InboxStore.OrderQuery;
import com.orderguard.application.port.InboxStore.RegisteredShop;
import com.orderguard.domain.OrderStatus;
import com.orderguard.domain.TenantId;
import com.orderguard.domain.attention.AttentionItem;
import com.orderguard.domain.health.MetricStatus;
import com.orderguard.domain.health.ShopKey;

/**
 * One place for every shop: what needs the seller now across all its shops (the attention inbox), its shops and
 * its orders. A tenant only ever reads its own.
 */
public class Inbox {

    /** How far ahead a shop's attention count looks (the inbox's default {@code within}). */
    public static final Duration DEFAULT_WITHIN = Duration.ofHours(48);

    private final InboxStore store;
    private final ShopHealthService health;

    public Inbox(InboxStore store, ShopHealthService health) {
        this.store = store;
        this.health = health;
    }

    /**
     * One page of the inbox, items as shown at the query's {@code now}, and every metric of the filtered shops that
     * is at risk or breached now (measured afresh for the shops whose last look found one).
     */
    public Attention attention(TenantId tenant, AttentionQuery query) {
        InboxStore.AttentionPage page = store.attention(tenant, query);
        List<AttentionItem> items = page.items().stream().map(item -> item.at(query.now())).toList();
        List<MetricAtRisk> metrics = new ArrayList<>();
        for (RegisteredShop shop : page.shops()) {
            if (query.shops().matches(shop.shop()) && worst(shop.statuses()) != MetricStatus.Status.OK) {
                health.report(tenant, shop.shop(), query.now()).ifPresent(report -> report.report().metrics().stream()
                        .filter(metric -> metric.status() != MetricStatus.Status.OK)
                        .forEach(metric -> metrics.add(new MetricAtRisk(shop.shop(), metric))));
            }
        }
        return new Attention(query.now(), items, page.next(), metrics);
    }

    /** The tenant's shops, each with its open orders by status, its attention count and its worst metric status. */
    public List<ShopOverview> shops(TenantId tenant, Instant now) {
        return store.shops(tenant, now, DEFAULT_WITHIN).stream()
                .map(counts -> new ShopOverview(counts.shop().shop(), counts.openOrders(), counts.attention(),
                        worst(counts.shop().statuses())))
                .toList();
    }

    /** One page of the tenant's orders, newest first. */
    public OrderPage orders(TenantId tenant, OrderQuery query) {
        return store.orders(tenant, query);
    }

    static MetricStatus.Status worst(Map<String, MetricStatus.Status> statuses) {
        return statuses.values().stream().reduce(MetricStatus.Status.OK,
                (a, b) -> b.worseThan(a) ? b : a);
    }

    /** A page of the inbox as of {@code asOf}. */
    public record Attention(Instant asOf, List<AttentionItem> items, List<String> next,
            List<MetricAtRisk> metricsAtRisk) {
    }

    /** A shop's metric that is at risk or breached. */
    public record MetricAtRisk(ShopKey shop, MetricStatus metric) {
    }

    /** A shop as the shop list shows it. */
    public record ShopOverview(ShopKey shop, Map<OrderStatus, Long> openOrders, long attention,
            MetricStatus.Status worstMetricStatus) {
    }
}
