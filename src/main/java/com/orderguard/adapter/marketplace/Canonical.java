package com.orderguard.adapter.marketplace;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.orderguard.domain.FieldError;
import com.orderguard.domain.FieldErrors;
import com.orderguard.domain.Marketplace;
import com.orderguard.domain.Order;
import com.orderguard.domain.OrderDraft;
import com.orderguard.domain.OrderKey;
import com.orderguard.domain.OrderValidator;
import com.orderguard.domain.decision.RequestValidator;

/** What every adapter does once it has read its payload: canonical values, ids and the final validation. */
public final class Canonical {

    private static final int MAX_NOTE = 300;

    private Canonical() {
    }

    /**
     * Validates a draft the adapter built. The adapters check the platform's fields themselves, so an error here
     * is a gap between a platform value and the canonical rules; it is reported on the payload as a whole, with
     * the platform and the canonical field named.
     *
     * @return the order, or null when an error was recorded
     */
    public static Order order(String platform, OrderDraft draft, String at, FieldErrors errors) {
        FieldErrors canonical = new FieldErrors();
        Order order = OrderValidator.validate(draft, "", null, canonical);
        for (FieldError error : canonical.list()) {
            errors.add(at, platform + ": maps to an invalid canonical " + error.field() + ": " + error.message());
        }
        return order;
    }

    /**
     * The site of the platform's code in field {@code name} (by the platform's table {@code sites}; an unknown code
     * is an error), checked against the site the payload's message names, if any: an order's key must not depend on
     * who sent it, so a disagreement is an error rather than a choice.
     */
    public static String site(PayloadReader json, String name, Map<String, String> sites, PayloadContext context) {
        String code = json.requiredText(name);
        String site = code == null ? null : sites.get(code);
        if (code != null && site == null) {
            json.fail(name, "unknown " + name + " " + Quote.of(code));
        }
        if (site != null && context.site() != null && !site.equals(context.site())) {
            json.fail(name, name + " is site " + site + " but the message names site " + context.site());
            return null;
        }
        return site;
    }

    /** Whether {@code id} can be a canonical order id; otherwise records why on the platform's field. */
    public static String orderId(PayloadReader json, String name) {
        String id = json.requiredText(name);
        if (id != null && !OrderKey.ORDER_ID.matcher(id).matches()) {
            json.fail(name, name + " " + Quote.of(id) + " cannot be an order id (1-64 letters, digits, '-' or '_')");
            return null;
        }
        return id;
    }

    /**
     * The id of a request the platform itself identifies (one per order and kind): polling the same platform state
     * again, under a new event id, then records nothing new. Too long an id is replaced by a name-based UUID.
     */
    public static String requestId(Marketplace marketplace, String orderId, String kind) {
        String id = marketplace.code() + "-" + orderId + "-" + kind;
        return RequestValidator.REQUEST_ID.matcher(id).matches() ? id
                : "mp-" + UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The request time: the platform's when it gives one, else when the event occurred. A time in the future
     * (beyond clock skew) is recorded as an error on {@code name}.
     */
    public static Instant requestedAt(PayloadReader json, String name, Instant given, PayloadContext context) {
        if (given == null) {
            return context.occurredAt();
        }
        if (given.isAfter(context.now().plus(RequestValidator.MAX_SKEW))) {
            json.fail(name, name + " " + given + " is in the future");
        }
        return given;
    }

    /** A note for the seller carrying the platform's own words, cleaned and clipped. */
    public static String note(String text) {
        return Quote.clean(text, MAX_NOTE);
    }

    /**
     * A price as the canonical decimal string: at least two decimals, trailing zeros beyond them dropped
     * ({@code 1390.000000} is {@code 1390.00}); null when it needs more than 4 decimals or 12 integer digits.
     */
    public static String money(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal plain = value.stripTrailingZeros();
        if (plain.scale() < 2) {
            plain = plain.setScale(2);
        }
        return plain.scale() > 4 || plain.precision() - plain.scale() > 12 ? null : plain.toPlainString();
    }

    /** The price of field {@code name} as {@link #money}, recording an error when it cannot be one. */
    public static String price(PayloadReader json, String name, BigDecimal value) {
        String money = money(value);
        if (value != null && money == null) {
            json.fail(name, name + " " + value.toPlainString() + " needs more than 4 decimals or 12 digits");
        }
        return money;
    }

    /** An instant as the canonical text, or null. */
    public static String text(Instant value) {
        return value == null ? null : value.toString();
    }
}
