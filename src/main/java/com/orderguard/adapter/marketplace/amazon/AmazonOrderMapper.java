package com.orderguard.adapter.marketplace.amazon;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderguard.adapter.marketplace.Canonical;
import com.orderguard.adapter.marketplace.MarketplaceOrder;
import com.orderguard.adapter.marketplace.PayloadContext;
import com.orderguard.adapter.marketplace.PayloadReader;
import com.orderguard.adapter.marketplace.Quote;
import com.orderguard.domain.FieldErrors;
import com.orderguard.domain.Fulfilment;
import com.orderguard.domain.Marketplace;
import com.orderguard.domain.Order;
import com.orderguard.domain.OrderDraft;
import com.orderguard.domain.OrderStatus;
import com.orderguard.domain.decision.OrderRequest;
import com.orderguard.domain.decision.Channel;
import com.orderguard.domain.decision.Initiator;

/**
 * Maps an Amazon SP-API (Orders v0) order with its items: {@code {"Order": {...}, "OrderItems": [...]}}, where
 * {@code Order} may also be the whole {@code getOrder} response ({@code {"payload": {...}}}) and {@code OrderItems}
 * the whole {@code getOrderItems} response ({@code {"payload": {"OrderItems": [...]}}}). An item whose
 * {@code BuyerRequestedCancel.IsBuyerRequestedCancel} is {@code "true"} makes the buyer's cancellation request.
 * {@code BuyerInfo} (the buyer's e-mail and the like) is never read.
 */
public final class AmazonOrderMapper {

    private static final String AMAZON = "amazon";

    private AmazonOrderMapper() {
    }

    /** A buyer's cancel request found on an item. */
    private record BuyerCancel(String reasonText) {
    }

    /** The canonical order of the payload at {@code at}, or null when an error was recorded. */
    public static MarketplaceOrder map(JsonNode payload, String at, PayloadContext context, FieldErrors errors) {
        PayloadReader root = PayloadReader.of(AMAZON, payload, at, errors);
        PayloadReader json = root == null ? null : root.object("Order");
        if (json == null) {
            if (root != null && !root.has("Order")) {
                root.fail("Order", "Order is required");
            }
            return null;
        }
        json = json.has("payload") ? json.object("payload") : json;
        if (json == null) {
            return null;
        }
        int before = errors.list().size();
        String orderId = Canonical.orderId(json, "AmazonOrderId");
        String orderStatus = json.requiredText("OrderStatus");
        OrderStatus status = orderStatus == null ? null : AmazonCodes.STATUSES.get(orderStatus);
        if (orderStatus != null && status == null) {
            json.fail("OrderStatus", "unknown OrderStatus " + Quote.of(orderStatus));
        }
        String marketplaceId = json.requiredText("MarketplaceId");
        String site = marketplaceId == null ? null : AmazonCodes.SITES.get(marketplaceId);
        if (marketplaceId != null && site == null) {
            json.fail("MarketplaceId", "unknown MarketplaceId " + Quote.of(marketplaceId));
        }
        String channel = json.text("FulfillmentChannel");
        Fulfilment fulfilment = channel == null ? null : AmazonCodes.FULFILMENT.get(channel);
        if (channel != null && fulfilment == null) {
            json.fail("FulfillmentChannel", "unknown FulfillmentChannel " + Quote.of(channel));
        }
        List<BuyerCancel> cancels = new ArrayList<>();
        List<OrderDraft.ItemDraft> items = items(root, orderId, cancels);
        OrderDraft draft = new OrderDraft(Marketplace.AMAZON.code(), site, orderId, context.shopId(),
                fulfilment == null ? null : fulfilment.name(), status == null ? null : status.name(),
                Canonical.text(json.isoInstant("PurchaseDate")), null, null,
                Canonical.text(json.isoInstant("LatestShipDate")), null, null, null, null, null, items, null);
        Instant updated = json.isoInstant("LastUpdateDate");
        if (errors.list().size() > before) {
            return null;
        }
        Order order = Canonical.order(AMAZON, draft, at, errors);
        // a cancelled order has nothing left to request; the flag may linger on its items
        if (order == null || cancels.isEmpty() || status == OrderStatus.CANCELLED) {
            return order == null ? null : MarketplaceOrder.of(order);
        }
        String reasonText = cancels.get(0).reasonText();
        OrderRequest request = new OrderRequest(
                Canonical.requestId(Marketplace.AMAZON, orderId, "buyer-cancel"), Initiator.BUYER,
                AmazonCodes.buyerReason(reasonText), Channel.PLATFORM_REQUEST,
                Canonical.requestedAt(json, "LastUpdateDate", updated, context),
                reasonText == null ? null : Canonical.note("amazon BuyerCancelReason: " + reasonText));
        return errors.list().size() > before ? null : new MarketplaceOrder(order, request, order);
    }

    private static List<OrderDraft.ItemDraft> items(PayloadReader root, String orderId, List<BuyerCancel> cancels) {
        PayloadReader holder = root;
        String name = "OrderItems";
        PayloadReader wrapper = root.has(name) && !root.isArray(name) ? root.object(name) : null;
        if (wrapper != null) {
            holder = wrapper.has("payload") ? wrapper.object("payload") : wrapper;
            if (holder == null) {
                return List.of();
            }
            String itemsOrderId = holder.text("AmazonOrderId");
            if (itemsOrderId != null && orderId != null && !itemsOrderId.equals(orderId)) {
                holder.fail("AmazonOrderId", "the items belong to order " + Quote.of(itemsOrderId) + ", not "
                        + Quote.of(orderId));
            }
        }
        List<OrderDraft.ItemDraft> items = new ArrayList<>();
        for (PayloadReader item : holder.objects(name)) {
            Long quantity = item.integer("QuantityOrdered");
            PayloadReader cancel = item.object("BuyerRequestedCancel");
            if (cancel != null && Boolean.TRUE.equals(cancel.stringFlag("IsBuyerRequestedCancel"))) {
                cancels.add(new BuyerCancel(cancel.text("BuyerCancelReason")));
            }
            if (quantity == null) {
                item.fail("QuantityOrdered", "QuantityOrdered is required");
                continue;
            }
            if (quantity == 0) {
                continue; // a line cancelled in full: no longer part of the order
            }
            String sku = item.text("SellerSKU") != null ? item.text("SellerSKU") : item.text("ASIN");
            if (sku == null) {
                item.fail("SellerSKU", "SellerSKU (or ASIN) is required");
            }
            PayloadReader price = item.object("ItemPrice");
            String currency = price == null ? null : price.requiredText("CurrencyCode");
            BigDecimal amount = price == null ? null : price.decimal("Amount");
            String unitPrice = null;
            if (amount != null && quantity > 0) {
                // ItemPrice is the line's total: the unit price is rounded to the canonical 4 decimals
                unitPrice = Canonical.money(amount.divide(BigDecimal.valueOf(quantity), 4, RoundingMode.HALF_UP));
            }
            items.add(new OrderDraft.ItemDraft(sku, quantity, unitPrice, unitPrice == null ? null : currency,
                    List.of()));
        }
        return items;
    }
}
