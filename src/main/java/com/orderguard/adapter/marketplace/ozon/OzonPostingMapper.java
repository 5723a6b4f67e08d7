package com.orderguard.adapter.marketplace.ozon;

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
import com.orderguard.domain.decision.CancelReason;
import com.orderguard.domain.decision.OrderRequest;
import com.orderguard.domain.decision.Channel;
import com.orderguard.domain.decision.Initiator;

/**
 * Maps an Ozon FBS or rFBS posting ({@code v3/posting/fbs/get}: its {@code result}, or the whole response). A
 * {@code cancelled} posting whose {@code cancellation} names a reason also yields the cancellation as a request by
 * its initiator, judged on the posting as it stood before (see {@link MarketplaceOrder#requestedOn()}). The
 * {@code customer} and {@code addressee} objects (personal data) are never read.
 */
public final class OzonPostingMapper {

    private static final String OZON = "ozon";
    /**
     * A posting does not name the seller's site: Russian sellers' orders are on RU, and a seller outside Russia
     * (ozon.kz, Ozon Global) is named by the message's {@code site}.
     */
    private static final String RUSSIA = "RU";

    private OzonPostingMapper() {
    }

    /** The canonical order of the payload at {@code at}, or null when an error was recorded. */
    public static MarketplaceOrder map(JsonNode payload, String at, PayloadContext context, FieldErrors errors) {
        PayloadReader json = PayloadReader.of(OZON, payload, at, errors);
        if (json != null && json.has("result")) {
            json = json.object("result");
        }
        if (json == null) {
            return null;
        }
        int before = errors.list().size();
        String postingNumber = Canonical.orderId(json, "posting_number");
        OrderStatus status = status(json);
        String scheme = scheme(json);
        Instant delivering = json.isoInstant("delivering_date");
        OrderDraft draft = new OrderDraft(Marketplace.OZON.code(), context.site() != null ? context.site() : RUSSIA,
                postingNumber, context.shopId(),
                Fulfilment.SELLER.name(), status == null ? null : status.name(),
                Canonical.text(json.isoInstant("in_process_at")), null, null,
                Canonical.text(json.isoInstant("shipment_date")), Canonical.text(delivering), null, null,
                json.text("tracking_number"), null, products(json), scheme);
        Cancelled cancelled = status == OrderStatus.CANCELLED ? Cancelled.read(json.object("cancellation")) : null;
        if (errors.list().size() > before) {
            return null;
        }
        Order order = Canonical.order(OZON, draft, json.at(), errors);
        if (order == null || cancelled == null) {
            return order == null ? null : MarketplaceOrder.of(order);
        }
        // the posting is cancelled already: the request is judged on the stage it was cancelled from
        OrderStatus stage = Boolean.TRUE.equals(cancelled.afterShip()) || delivering != null ? OrderStatus.IN_TRANSIT
                : OrderStatus.AWAITING_SHIPMENT;
        return new MarketplaceOrder(order, cancelled.request(postingNumber, context), order.withStatus(stage));
    }

    private static OrderStatus status(PayloadReader json) {
        String postingStatus = json.requiredText("status");
        OrderStatus status = postingStatus == null ? null : OzonCodes.STATUSES.get(postingStatus);
        if (postingStatus != null && status == null) {
            json.fail("status", "unknown status " + Quote.of(postingStatus));
        }
        return status;
    }

    private static String scheme(PayloadReader json) {
        String integration = json.text("tpl_integration_type");
        String scheme = integration == null ? null : OzonCodes.SCHEMES.get(integration);
        if (integration != null && scheme == null) {
            json.fail("tpl_integration_type", "unknown tpl_integration_type " + Quote.of(integration));
        }
        return scheme;
    }

    /** A posting's {@code cancellation} block with a non-zero reason: who cancelled, why, and at which stage. */
    private record Cancelled(long reasonId, Initiator initiator, CancelReason reason, Boolean afterShip,
            Boolean affectsRating, String text) {

        /** The cancellation of the block, or null when it names no reason (the posting was not cancelled). */
        static Cancelled read(PayloadReader cancellation) {
            Long reasonId = cancellation == null ? null : cancellation.integer("cancel_reason_id");
            if (reasonId == null || reasonId == 0) {
                return null;
            }
            return new Cancelled(reasonId, OzonPostingMapper.initiator(cancellation),
                    OzonPostingMapper.reason(cancellation, reasonId),
                    cancellation.bool("cancelled_after_ship"), cancellation.bool("affect_cancellation_rating"),
                    cancellation.text("cancel_reason"));
        }

        OrderRequest request(String postingNumber, PayloadContext context) {
            return new OrderRequest(Canonical.requestId(Marketplace.OZON, postingNumber, "cancellation"), initiator,
                    reason, Channel.PLATFORM_REQUEST, context.occurredAt(),
                    Canonical.note("ozon cancel_reason_id " + reasonId + (text == null ? "" : " (" + text + ")")
                            + ", affect_cancellation_rating " + affectsRating + ", cancelled_after_ship "
                            + afterShip));
        }
    }

    private static Initiator initiator(PayloadReader cancellation) {
        String text = cancellation.text("cancellation_initiator");
        if (text != null) {
            Initiator initiator = OzonCodes.initiator(text).orElse(null);
            if (initiator == null) {
                cancellation.fail("cancellation_initiator", "unknown cancellation_initiator " + Quote.of(text));
            }
            return initiator;
        }
        String type = cancellation.text("cancellation_type");
        Initiator initiator = type == null ? null : OzonCodes.TYPES.get(type);
        if (initiator == null) {
            cancellation.fail("cancellation_initiator", type == null ? "cancellation_initiator is required"
                    : "unknown cancellation_type " + Quote.of(type) + " and no cancellation_initiator");
        }
        return initiator;
    }

    private static CancelReason reason(PayloadReader cancellation, long reasonId) {
        CancelReason reason = OzonCodes.REASONS.get(reasonId);
        if (reason == null) {
            cancellation.fail("cancel_reason_id", "unknown cancel_reason_id " + reasonId);
        }
        return reason;
    }

    private static List<OrderDraft.ItemDraft> products(PayloadReader json) {
        List<OrderDraft.ItemDraft> items = new ArrayList<>();
        for (PayloadReader product : json.objects("products")) {
            String price = Canonical.price(product, "price", product.decimal("price"));
            String currency = product.text("currency_code");
            if (price != null && currency == null) {
                product.fail("currency_code", "currency_code is required with price");
            }
            Long quantity = product.integer("quantity");
            if (quantity == null) {
                product.fail("quantity", "quantity is required");
            }
            items.add(new OrderDraft.ItemDraft(product.requiredText("offer_id"), quantity, price,
                    price == null ? null : currency, List.of()));
        }
        return items;
    }
}
