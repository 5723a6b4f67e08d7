package com.orderguard.domain;

import java.util.regex.Pattern;

/**
 * Identifies an order across marketplaces: {@code {marketplace}.{site}.{orderId}} with a lower-case marketplace
 * and an upper-case site, e.g. {@code shopee.MY.241113ABCDEF}.
 */
public record OrderKey(Marketplace marketplace, String site, String orderId) {

    /** Two upper-case letters: the marketplace site's country code. */
    public static final Pattern SITE = Pattern.compile("[A-Z]{2}");
    /** Letters, digits, '-' and '_', 1 to 64 characters, starting with a letter or digit. */
    public static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    /** Parses an order key, naming {@code field} in the error when it is malformed. */
    public static Validated<OrderKey> parse(String text, String field) {
        if (text == null || text.isEmpty()) {
            return Validated.invalid(field, "is required");
        }
        String[] parts = text.split("\\.", 3);
        if (parts.length != 3) {
            return Validated.invalid(field, "must be {marketplace}.{site}.{orderId}, e.g. shopee.MY.241113ABCDEF");
        }
        FieldErrors errors = new FieldErrors();
        Marketplace marketplace = Marketplace.fromCode(parts[0]).orElse(null);
        if (marketplace == null) {
            errors.add(field, "unknown marketplace '" + clip(parts[0]) + "': expected one of shopee, amazon, ozon,"
                    + " lazada, tiktok");
        }
        if (!SITE.matcher(parts[1]).matches()) {
            errors.add(field, "site must be two upper-case letters, e.g. MY");
        }
        if (!ORDER_ID.matcher(parts[2]).matches()) {
            errors.add(field, "orderId must be 1-64 letters, digits, '-' or '_'");
        }
        return errors.result(() -> new OrderKey(marketplace, parts[1], parts[2]));
    }

    @Override
    public String toString() {
        return marketplace.code() + "." + site + "." + orderId;
    }

    static String clip(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
