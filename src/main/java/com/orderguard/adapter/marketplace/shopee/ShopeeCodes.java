package com.orderguard.adapter.marketplace.shopee;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.orderguard.domain.Fulfilment;
import com.orderguard.domain.decision.CancelReason;

/** Shopee's other codes: fulfilment flags, the buyer's cancel reasons and carrier names. */
public final class ShopeeCodes {

    /**
     * {@code region} values of the Open Platform's shops and their sites: Shopee's region codes are the country
     * codes of its sites (Taiwan, Brazil and the cross-border-only Mexico, Colombia and Chile included). Shops of
     * the sites Shopee closed (PL, ES, FR, IN, AR) no longer send orders; any other value is an error.
     */
    public static final Map<String, String> SITES = Map.ofEntries(
            Map.entry("SG", "SG"), Map.entry("MY", "MY"), Map.entry("TH", "TH"), Map.entry("TW", "TW"),
            Map.entry("ID", "ID"), Map.entry("VN", "VN"), Map.entry("PH", "PH"), Map.entry("BR", "BR"),
            Map.entry("MX", "MX"), Map.entry("CO", "CO"), Map.entry("CL", "CL"));

    /** {@code fulfillment_flag} values. */
    public static final Map<String, Fulfilment> FULFILMENT = Map.of(
            "fulfilled_by_shopee", Fulfilment.PLATFORM,
            "fulfilled_by_local_seller", Fulfilment.SELLER,
            "fulfilled_by_cb_seller", Fulfilment.SELLER);

    /**
     * {@code buyer_cancel_reason} texts of Shopee's data definition (BuyerCancelReason), lower case and without a
     * final full stop. The texts differ in case between regions, so the match ignores case.
     */
    public static final Map<String, CancelReason> BUYER_REASONS = Map.ofEntries(
            Map.entry("need to change delivery address", CancelReason.WRONG_ADDRESS),
            Map.entry("modify existing order", CancelReason.WRONG_ORDER_INFO),
            Map.entry("modify existing order (color, size, voucher, etc)", CancelReason.WRONG_ORDER_INFO),
            Map.entry("need to modify order", CancelReason.WRONG_ORDER_INFO),
            Map.entry("forgot to input voucher code", CancelReason.WRONG_ORDER_INFO),
            Map.entry("need to input / change voucher code", CancelReason.WRONG_ORDER_INFO),
            Map.entry("don't want to buy anymore", CancelReason.CHANGE_OF_MIND),
            Map.entry("found cheaper elsewhere", CancelReason.CHANGE_OF_MIND),
            Map.entry("product has bad reviews", CancelReason.CHANGE_OF_MIND),
            Map.entry("payment procedure too troublesome", CancelReason.CHANGE_OF_MIND),
            Map.entry("too long delivery time", CancelReason.CHANGE_OF_MIND),
            Map.entry("change of mind / others", CancelReason.CHANGE_OF_MIND),
            // the seller's lateness, not the buyer's mind, is the cause
            Map.entry("seller takes too long to ship the order", CancelReason.LATE_SHIPMENT),
            Map.entry("seller is not responsive to buyer's inquires", CancelReason.OTHER),
            Map.entry("seller ask buyer to cancel", CancelReason.OTHER),
            Map.entry("seller is untrustworthy", CancelReason.OTHER),
            Map.entry("others", CancelReason.OTHER),
            Map.entry("your approver rejected the order", CancelReason.OTHER),
            Map.entry("you are unable to place order at the moment", CancelReason.OTHER));

    /** Carrier codes that are the same carrier under another name (Shopee Express was renamed SPX Express). */
    private static final Map<String, String> CARRIER_ALIASES = Map.of(
            "SHOPEE_EXPRESS", "SPX_EXPRESS",
            "SHOPEE_XPRESS", "SPX_EXPRESS");

    private ShopeeCodes() {
    }

    /** The canonical reason of a buyer_cancel_reason text, if Shopee documents it. */
    public static Optional<CancelReason> buyerReason(String text) {
        String key = text.strip().toLowerCase(Locale.ROOT);
        if (key.endsWith(".")) {
            key = key.substring(0, key.length() - 1);
        }
        return Optional.ofNullable(BUYER_REASONS.get(key));
    }

    /**
     * The carrier code of a {@code shipping_carrier} name: accents dropped, upper case, every other run of
     * characters an underscore ({@code SPX Express} is {@code SPX_EXPRESS}); a regional variant of SPX Express
     * ({@code SPX Express (West Malaysia)}) is SPX Express, since the rules depend on the carrier, not the service.
     * Null when nothing of the name is left (e.g. a name in Chinese).
     */
    public static String carrier(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String code = ascii.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_+|_+$", "");
        code = CARRIER_ALIASES.getOrDefault(code, code);
        if (code.startsWith("SPX_EXPRESS_")) {
            code = "SPX_EXPRESS";
        }
        if (code.isEmpty()) {
            return null;
        }
        return code.length() > 64 ? code.substring(0, 64) : code;
    }
}
