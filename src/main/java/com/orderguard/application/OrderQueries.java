package com.orderguard.application;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.orderguard.application.port.OrderChangeStore;
import com.orderguard.application.port.OrderStore;
import com.orderguard.domain.Order;
import com.orderguard.domain.OrderKey;
import com.orderguard.domain.TenantId;

/** Reads orders for the order view. A tenant only ever sees its own orders. */
public class OrderQueries {

    private static final Duration BUYER_WINDOW = Duration.ofDays(30);

    private final OrderStore store;
    private final OrderChangeStore requests;
    private final int frequentCanceller;

    /**
     * @param frequentCanceller requests in 30 days from which a buyer is flagged (the seed's advice: contact them)
     */
    public OrderQueries(OrderStore store, OrderChangeStore requests, int frequentCanceller) {
        this.store = store;
        this.requests = requests;
        this.frequentCanceller = frequentCanceller;
    }

    /** The order with its requests, history and buyer summary, if this tenant has it. */
    public Optional<OrderView> view(TenantId tenant, OrderKey key, Instant now) {
        return store.load(tenant, key).map(record -> new OrderView(record, buyer(tenant, record.stored().order(),
                now)));
    }

    /** The order with its requests and history, if this tenant has it. */
    public Optional<OrderRecord> view(TenantId tenant, OrderKey key) {
        return store.load(tenant, key);
    }

    private BuyerSummary buyer(TenantId tenant, Order order, Instant now) {
        if (order.buyerId() == null) {
            return null;
        }
        long recent = requests.buyerHistory(tenant, order.marketplace(), order.buyerId()).requests().stream()
                .filter(r -> r.requestedAt().isAfter(now.minus(BUYER_WINDOW))).count();
        return new BuyerSummary(order.buyerId(), (int) recent, recent >= frequentCanceller);
    }

    /** An order as the API shows it. */
    public record OrderView(OrderRecord record, BuyerSummary buyer) {
    }

    /** The buyer's cancellation requests in the last 30 days, and whether they cancel often. */
    public record BuyerSummary(String buyerId, int requestsLast30Days, boolean frequentCanceller) {
    }
}
