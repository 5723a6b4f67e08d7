package com.orderguard.adapter.marketplace.shopee;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
import com.orderguard.domain.decision.CancelReason;
import com.orderguard.domain.decision.OrderRequest;
import com.orderguard.domain.decision.Channel;
import com.orderguard.domain.decision.Initiator;

/**
 * Maps a Shopee Open Platform order detail ({@code v2.order.get_order_detail}): one element of
 * {@code response.order_list}, or the whole response (or its {@code response} object) holding exactly one order.
 * An order in {@code IN_CANCEL} also yields the buyer's cancellation request.
 */
public final class ShopeeOrderMapper {

    private static final String SHOPEE = "shopee";

    private ShopeeOrderMapper() {
    }

    /** What the packages say: their logistics statuses and the first carrier named. */
    private record Packages(List<String> logistics, String carrier) {
    }

    private static Packages packages(PayloadReader json) {
        List<String> logistics = new ArrayList<>();
        String carrier = null;
        for (PayloadReader pack : json.objects("package_list")) {
            String status = pack.text("logistics_status");
            if (status != null) {
                logistics.add(status);
            }
            carrier = carrier != null ? carrier : pack.text("shipping_carrier");
        }
        return new Packages(logistics, carrier);
    }

    /** The canonical status; IN_CANCEL keeps the stage the order had reached (see ShopeeStatuses). */
    private static OrderStatus status(PayloadReader json, String orderStatus, Instant pickupDone,
            List<String> logistics) {
        if (ShopeeStatuses.IN_CANCEL.equals(orderStatus)) {
            return ShopeeStatuses.stageBefore(pickupDone, logistics);
        }
        OrderStatus status = orderStatus == null ? null : ShopeeStatuses.of(orderStatus).orElse(null);
        if (orderStatus != null && status == null) {
            json.fail("order_status", "unknown order_status " + Quote.of(orderStatus));
        }
        return status;
    }

    /** The canonical order of the payload at {@code at}, or null when an error was recorded. */
    public static MarketplaceOrder map(JsonNode payload, String at, PayloadContext context, FieldErrors errors) {
        PayloadReader json = unwrap(PayloadReader.of(SHOPEE, payload, at, errors));
        if (json == null) {
            return null;
        }
        int before = errors.list().size();
        String orderSn = Canonical.orderId(json, "order_sn");
        String orderStatus = json.requiredText("order_status");
        String site = Canonical.site(json, "region", ShopeeCodes.SITES, context);
        Instant pickupDone = json.unixSeconds("pickup_done_time");
        Packages packages = packages(json);
        OrderStatus status = status(json, orderStatus, pickupDone, packages.logistics());
        String carrierName = json.text("shipping_carrier");
        carrierName = carrierName != null ? carrierName : packages.carrier();
        String carrier = carrierName != null ? ShopeeCodes.carrier(carrierName) : null;
        Long buyer = json.integer("buyer_user_id");
        OrderDraft draft = new OrderDraft(Marketplace.SHOPEE.code(), site, orderSn, context.shopId(),
                fulfilment(json), status == null ? null : status.name(),
                Canonical.text(json.unixSeconds("create_time")), Canonical.text(json.unixSeconds("pay_time")), null,
                Canonical.text(json.unixSeconds("ship_by_date")), Canonical.text(pickupDone), null, carrier, null,
                buyer == null || buyer == 0 ? null : buyer.toString(), items(json), null);
        CancelReason reason = ShopeeStatuses.IN_CANCEL.equals(orderStatus) ? buyerReason(json) : null;
        Instant updated = json.unixSeconds("update_time");
        if (errors.list().size() > before) {
            return null;
        }
        Order order = Canonical.order(SHOPEE, draft, json.at(), errors);
        if (order == null || reason == null) {
            return order == null ? null : MarketplaceOrder.of(order);
        }
        // Shopee gives no request time: the order's last update is when it entered IN_CANCEL, unless it changed since
        OrderRequest request = new OrderRequest(
                Canonical.requestId(Marketplace.SHOPEE, orderSn, "buyer-cancel-" + stageName(status)),
                Initiator.BUYER, reason, Channel.PLATFORM_REQUEST,
                Canonical.requestedAt(json, "update_time", updated, context),
                Canonical.note("shopee buyer_cancel_reason: " + json.text("buyer_cancel_reason")));
        return errors.list().size() > before ? null : new MarketplaceOrder(order, request, order);
    }

    /** The order object: the payload itself, or the single order of a whole response. */
    private static PayloadReader unwrap(PayloadReader json) {
        if (json == null) {
            return null;
        }
        if (json.has("error") && json.text("error") != null) {
            json.fail("error", "the payload is an error response " + Quote.of(json.text("error")));
            return null;
        }
        PayloadReader list = json.has("response") ? json.object("response") : json;
        if (list == null || !list.has("order_list")) {
            return list;
        }
        List<PayloadReader> orders = list.objects("order_list");
        if (orders.size() != 1) {
            list.fail("order_list", "order_list must hold exactly one order, not " + orders.size());
            return null;
        }
        return orders.get(0);
    }

    private static String fulfilment(PayloadReader json) {
        String flag = json.text("fulfillment_flag");
        if (flag == null) {
            return null;
        }
        Fulfilment fulfilment = ShopeeCodes.FULFILMENT.get(flag);
        if (fulfilment == null) {
            json.fail("fulfillment_flag", "unknown fulfillment_flag " + Quote.of(flag));
            return null;
        }
        return fulfilment.name();
    }

    private static CancelReason buyerReason(PayloadReader json) {
        String text = json.requiredText("buyer_cancel_reason");
        if (text == null) {
            return null;
        }
        CancelReason reason = ShopeeCodes.buyerReason(text).orElse(null);
        if (reason == null) {
            json.fail("buyer_cancel_reason", "unknown buyer_cancel_reason " + Quote.of(text));
        }
        return reason;
    }

    private static List<OrderDraft.ItemDraft> items(PayloadReader json) {
        String currency = json.text("currency");
        List<OrderDraft.ItemDraft> items = new ArrayList<>();
        for (PayloadReader item : json.objects("item_list")) {
            String price = item.has("model_discounted_price")
                    ? Canonical.price(item, "model_discounted_price", item.decimal("model_discounted_price"))
                    : Canonical.price(item, "model_original_price", item.decimal("model_original_price"));
            if (price != null && currency == null) {
                json.fail("currency", "currency is required with item prices");
            }
            Long quantity = item.integer("model_quantity_purchased");
            if (quantity == null) {
                item.fail("model_quantity_purchased", "model_quantity_purchased is required");
            }
            items.add(new OrderDraft.ItemDraft(sku(item), quantity, price, price == null ? null : currency,
                    List.of()));
        }
        return items;
    }

    /** The seller's model SKU, else the item SKU, else Shopee's own item and model ids (SKUs are optional). */
    private static String sku(PayloadReader item) {
        String sku = item.text("model_sku") != null ? item.text("model_sku") : item.text("item_sku");
        if (sku != null) {
            return sku;
        }
        Long itemId = item.integer("item_id");
        Long modelId = item.integer("model_id");
        if (itemId == null) {
            item.fail("item_id", "item_id is required when the item has neither model_sku nor item_sku");
            return null;
        }
        return modelId == null || modelId == 0 ? itemId.toString() : itemId + "-" + modelId;
    }

    private static String stageName(OrderStatus status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
