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
 * the whole {@code getOrderItems} response ({@code {"payload": {"OrderItems": [...]}}}); the envelope keys may be
 * lower camel case ({@code order}, {@code orderItems}), and a bare {@code getOrder} response is an order without
 * items. A response that carries SP-API {@code errors} is refused. An item whose
 * {@code BuyerRequestedCancel.IsBuyerRequestedCancel} is {@code "true"} makes the buyer's cancellation request.
 * {@code BuyerInfo} (the buyer's e-mail and the like) is never read.
 */
public final class AmazonOrderMapper {

    private static final String AMAZON = "amazon";
    /** The envelope's keys: SP-API's own upper camel case, or lower camel case as some integrations write them. */
    private static final List<String> ORDER_KEYS = List.of("Order", "order");
    private static final List<String> ITEMS_KEYS = List.of("OrderItems", "orderItems");

    private AmazonOrderMapper() {
    }

    /** A buyer's cancel request found on an item. */
    private record BuyerCancel(String reasonText) {
    }

    /** The canonical order of the payload at {@code at}, or null when an error was recorded. */
    public static MarketplaceOrder map(JsonNode payload, String at, PayloadContext context, FieldErrors errors) {
        int before = errors.list().size();
        PayloadReader root = PayloadReader.of(AMAZON, payload, at, errors);
        PayloadReader json = root == null ? null : order(root);
        if (json == null || errors.list().size() > before) {
            return null;
        }
        String orderId = Canonical.orderId(json, "AmazonOrderId");
        String orderStatus = json.requiredText("OrderStatus");
        OrderStatus status = orderStatus == null ? null : AmazonCodes.STATUSES.get(orderStatus);
        if (orderStatus != null && status == null) {
            json.fail("OrderStatus", "unknown OrderStatus " + Quote.of(orderStatus));
        }
        String site = Canonical.site(json, "MarketplaceId", AmazonCodes.SITES, context);
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
        OrderRequest request = buyerRequest(orderId, cancels.get(0).reasonText(),
                Canonical.requestedAt(json, "LastUpdateDate", updated, context));
        return errors.list().size() > before ? null : new MarketplaceOrder(order, request, order);
    }

    /** The buyer's request through Amazon's "Request cancellation" flow, with the buyer's text in its note. */
    private static OrderRequest buyerRequest(String orderId, String reasonText, Instant requestedAt) {
        return new OrderRequest(Canonical.requestId(Marketplace.AMAZON, orderId, "buyer-cancel"), Initiator.BUYER,
                AmazonCodes.buyerReason(reasonText), Channel.PLATFORM_REQUEST, requestedAt,
                reasonText == null ? null : Canonical.note("amazon BuyerCancelReason: " + reasonText));
    }

    /** The order: under the envelope's order key (itself or a getOrder response), or a bare getOrder response. */
    private static PayloadReader order(PayloadReader root) {
        String key = key(root, ORDER_KEYS);
        if (key == null && root.has("payload")) {
            return response(root);
        }
        if (key == null) {
            root.fail("Order", "Order is required");
            return null;
        }
        PayloadReader order = root.object(key);
        return order != null && order.has("payload") ? response(order) : order;
    }

    /** The {@code payload} of an SP-API response; a response with {@code errors} is refused. */
    private static PayloadReader response(PayloadReader response) {
        if (!response.objects("errors").isEmpty()) {
            response.fail("errors", "the SP-API response carries errors instead of a payload");
            return null;
        }
        return response.object("payload");
    }

    /** Which of {@code names} the envelope uses (null: none); giving two is an error. */
    private static String key(PayloadReader root, List<String> names) {
        List<String> given = names.stream().filter(root::has).toList();
        if (given.size() > 1) {
            root.fail(given.get(1), "give " + given.get(0) + " or " + given.get(1) + ", not both");
        }
        return given.isEmpty() ? null : given.get(0);
    }

    private static List<OrderDraft.ItemDraft> items(PayloadReader root, String orderId, List<BuyerCancel> cancels) {
        PayloadReader holder = root;
        String name = key(root, ITEMS_KEYS);
        if (name == null) {
            return List.of();
        }
        PayloadReader wrapper = root.isArray(name) ? null : root.object(name);
        if (wrapper != null) {
            holder = wrapper.has("payload") ? response(wrapper) : wrapper;
            if (holder == null) {
                return List.of();
            }
            name = "OrderItems";
            String itemsOrderId = holder.text("AmazonOrderId");
            if (itemsOrderId != null && orderId != null && !itemsOrderId.equals(orderId)) {
                holder.fail("AmazonOrderId", "the items belong to order " + Quote.of(itemsOrderId) + ", not "
                        + Quote.of(orderId));
            }
        }
        List<OrderDraft.ItemDraft> items = new ArrayList<>();
        for (PayloadReader item : holder.objects(name)) {
            OrderDraft.ItemDraft draft = item(item, cancels);
            if (draft != null) {
                items.add(draft);
            }
        }
        return items;
    }

    /** One order line, noting a buyer's cancel request on it; null when it is not part of the order or invalid. */
    private static OrderDraft.ItemDraft item(PayloadReader item, List<BuyerCancel> cancels) {
        Long quantity = item.integer("QuantityOrdered");
        PayloadReader cancel = item.object("BuyerRequestedCancel");
        if (cancel != null && Boolean.TRUE.equals(cancel.stringFlag("IsBuyerRequestedCancel"))) {
            cancels.add(new BuyerCancel(cancel.text("BuyerCancelReason")));
        }
        if (quantity == null) {
            item.fail("QuantityOrdered", "QuantityOrdered is required");
            return null;
        }
        if (quantity == 0) {
            return null; // a line cancelled in full: no longer part of the order
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
        return new OrderDraft.ItemDraft(sku, quantity, unitPrice, unitPrice == null ? null : currency, List.of());
    }
}
