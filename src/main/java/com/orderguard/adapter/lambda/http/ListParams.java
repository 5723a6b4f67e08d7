package com.orderguard.adapter.lambda.http;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.orderguard.application.ShopFilter;
import com.orderguard.domain.FieldErrors;
import com.orderguard.domain.InputRules;
import com.orderguard.domain.Marketplace;
import com.orderguard.domain.OrderKey;

/**
 * The query parameters the list routes share (the shop filter, {@code limit}, {@code cursor}), checked strictly:
 * an unknown parameter or a malformed value is a field error, never ignored.
 */
final class ListParams {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 100;
    static final String CURSOR = "cursor";

    private static final Pattern LIMIT = Pattern.compile("[0-9]{1,3}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final ApiRequest call;
    private final FieldErrors errors;

    ListParams(ApiRequest call, Set<String> allowed, FieldErrors errors) {
        this.call = call;
        this.errors = errors;
        new TreeMap<>(call.queryParameters()).keySet().stream().filter(name -> !allowed.contains(name))
                .forEach(name -> errors.add(NAME.matcher(name).matches() ? name : "(query)",
                        "is not a parameter of this route"));
    }

    /** The shop filter from {@code marketplace}, {@code site} and {@code shopId}. */
    ShopFilter shops() {
        Marketplace marketplace = null;
        String code = call.query("marketplace");
        if (code != null) {
            marketplace = Marketplace.fromCode(code).orElse(null);
            if (marketplace == null) {
                errors.add("marketplace", "must be one of shopee, amazon, ozon, lazada, tiktok");
            }
        }
        String site = call.query("site") == null ? null : InputRules.matching(call.query("site"), OrderKey.SITE,
                "two upper-case letters", "site", errors);
        String shopId = call.query("shopId") == null ? null : InputRules.matching(call.query("shopId"),
                HealthRoutes.SHOP_ID, "1-64 letters, digits, '.', '-' or '_'", "shopId", errors);
        return new ShopFilter(marketplace, site, shopId);
    }

    /** {@code limit}: 1 to 100, 50 when absent. */
    int limit() {
        String text = call.query("limit");
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        if (!LIMIT.matcher(text).matches() || Integer.parseInt(text) < 1 || Integer.parseInt(text) > MAX_LIMIT) {
            errors.add("limit", "must be a whole number from 1 to " + MAX_LIMIT);
            return DEFAULT_LIMIT;
        }
        return Integer.parseInt(text);
    }

    /**
     * The query a cursor is bound to: the route and every parameter but {@code cursor} and {@code limit} (a
     * caller may change the page size between pages, not what is listed).
     */
    String query() {
        TreeMap<String, String> sorted = new TreeMap<>(call.queryParameters());
        sorted.remove(CURSOR);
        sorted.remove("limit");
        return call.routeKey() + "?" + sorted;
    }

    /** The position in {@code cursor}, if given; a cursor that does not open is a field error. */
    Optional<List<String>> after(Cursors cursors) {
        String cursor = call.query(CURSOR);
        if (cursor == null) {
            return Optional.empty();
        }
        Optional<List<String>> position = cursors.open(cursor, call.tenant(), query(), call.receivedAt());
        if (position.isEmpty()) {
            errors.add(CURSOR, "is not a cursor of this query: altered, expired, or from another query or tenant");
        }
        return position;
    }
}
