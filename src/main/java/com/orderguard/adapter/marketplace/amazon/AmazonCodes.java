package com.orderguard.adapter.marketplace.amazon;

import java.util.Locale;
import java.util.Map;

import com.orderguard.domain.Fulfilment;
import com.orderguard.domain.OrderStatus;
import com.orderguard.domain.decision.CancelReason;

/** Amazon SP-API Orders v0 codes and their canonical values (docs/marketplace-payloads.md explains the choices). */
public final class AmazonCodes {

    /** {@code OrderStatus} to canonical status. */
    public static final Map<String, OrderStatus> STATUSES = Map.of(
            "Pending", OrderStatus.UNPAID,
            // a pre-order whose payment is not authorised until the release date
            "PendingAvailability", OrderStatus.UNPAID,
            "Unshipped", OrderStatus.AWAITING_SHIPMENT,
            // part of the order is with the carrier: Amazon no longer cancels the order as a whole
            "PartiallyShipped", OrderStatus.IN_TRANSIT,
            // Orders v0 has no delivered state: a shipped order stays Shipped
            "Shipped", OrderStatus.IN_TRANSIT,
            // shipped; only the invoice confirmation (China) is missing
            "InvoiceUnconfirmed", OrderStatus.IN_TRANSIT,
            "Canceled", OrderStatus.CANCELLED,
            // Multi-Channel Fulfillment order Amazon cannot fulfil: it will never ship
            "Unfulfillable", OrderStatus.CANCELLED);

    /** {@code MarketplaceId} to site (the country code of Amazon's marketplace ID table). */
    public static final Map<String, String> SITES = Map.ofEntries(
            Map.entry("ATVPDKIKX0DER", "US"), Map.entry("A2EUQ1WTGCTBG2", "CA"), Map.entry("A1AM78C64UM0Y8", "MX"),
            Map.entry("A2Q3Y263D00KWC", "BR"), Map.entry("A28R8C7NBKEWEA", "IE"), Map.entry("A1RKKUPIHCS9HS", "ES"),
            Map.entry("A1F83G8C2ARO7P", "UK"), Map.entry("A13V1IB3VIYZZH", "FR"), Map.entry("AMEN7PMS3EDWL", "BE"),
            Map.entry("A1805IZSGTT6HS", "NL"), Map.entry("A1PA6795UKMFR9", "DE"), Map.entry("APJ6JRA9NG5V4", "IT"),
            Map.entry("A2NODRKZP88ZB9", "SE"), Map.entry("AE08WJ6YKNBMC", "ZA"), Map.entry("A1C3SOZRARQ6R3", "PL"),
            Map.entry("ARBP9OOSHTCHU", "EG"), Map.entry("A33AVAJ2PDY3EV", "TR"), Map.entry("A17E79C6D8DWNP", "SA"),
            Map.entry("A2VIGQ35RCS4UG", "AE"), Map.entry("A21TJRUUN4KGV", "IN"), Map.entry("A19VAU5U5O7RUS", "SG"),
            Map.entry("A39IBJ37TRP1C6", "AU"), Map.entry("A1VC38T7YXB528", "JP"));

    /** {@code FulfillmentChannel}: merchant-fulfilled or fulfilled by Amazon. */
    public static final Map<String, Fulfilment> FULFILMENT = Map.of(
            "MFN", Fulfilment.SELLER,
            "AFN", Fulfilment.PLATFORM);

    /**
     * {@code BuyerCancelReason} is the buyer's choice in Amazon's cancel form, sent as text and not documented as a
     * closed list; known texts (lower case, no final full stop) map to a reason, any other is OTHER and the text
     * stays in the request's note. Amazon's rules for a buyer's request do not depend on the reason.
     */
    public static final Map<String, CancelReason> BUYER_REASONS = Map.of(
            "found cheaper somewhere else", CancelReason.CHANGE_OF_MIND,
            "no longer needed", CancelReason.CHANGE_OF_MIND,
            "item is no longer needed", CancelReason.CHANGE_OF_MIND,
            "ordered by mistake", CancelReason.WRONG_ORDER_INFO,
            "order created by mistake", CancelReason.WRONG_ORDER_INFO,
            "need to change shipping address", CancelReason.WRONG_ADDRESS,
            "shipping address change", CancelReason.WRONG_ADDRESS);

    private AmazonCodes() {
    }

    /** The reason for a BuyerCancelReason text; OTHER when absent or not known. */
    public static CancelReason buyerReason(String text) {
        if (text == null) {
            return CancelReason.OTHER;
        }
        String key = text.strip().toLowerCase(Locale.ROOT);
        if (key.endsWith(".")) {
            key = key.substring(0, key.length() - 1);
        }
        return BUYER_REASONS.getOrDefault(key, CancelReason.OTHER);
    }
}
