package com.orderguard.reliability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.orderguard.adapter.lambda.http.ApiContract;

/**
 * Hostile query parameters of the list routes ({@code GET /v1/attention}, {@code /v1/shops}, {@code /v1/orders}):
 * values no parameter accepts, values each parameter refuses, unknown parameters, and cursors that were altered,
 * truncated, forged or made for another query. Each must be a 400 problem naming the parameter.
 */
final class HostileListInputs {

    /** Values that every list parameter refuses. */
    static final List<String> REFUSED_BY_ALL = List.of("", " ", "\u0000", "x".repeat(5000),
            "'; DROP TABLE orders;--", "${jndi:ldap://x/a}", "%00", "\u200b", "\ud800", "../../etc/passwd", "{}",
            "\u00fc", "a\nb", "<script>", "a b", "#", "T#other#O#x", "*");

    private HostileListInputs() {
    }

    /**
     * The inputs of the three routes, each family at least 100: {@code cursor} is a real cursor of the tenant's
     * inbox to alter.
     */
    static List<HostileInputTest.ApiInput> corpus(String tenant, String cursor) {
        List<HostileInputTest.ApiInput> out = new ArrayList<>();
        Map<String, List<String>> attention = new LinkedHashMap<>();
        attention.put("within", List.of("PT-1H", "P91D", "P1Y", "PT48", "48h", "-PT1H", "P999999999D", "1"));
        attention.put("limit", List.of("0", "101", "-1", "1.5", "1e2", "50 ", "\u0665\u0660", "0x10", "999999"));
        attention.put("kind", List.of("ship_by", "SHIP_BY,", ",", "SHIP_BY,,OVERDUE", "ALL", "LATE"));
        attention.put("marketplace", List.of("SHOPEE", "ebay", "shopee "));
        attention.put("site", List.of("my", "MYS", "M"));
        attention.put("shopId", List.of("x".repeat(65), "shop#1", "shop/1"));
        attention.put("cursor", cursors(cursor));
        attention.put("sort", List.of("dueAt", "-dueAt"));
        attention.put("tenant", List.of("other"));
        add(out, "attention", ApiContract.ATTENTION, tenant, attention);

        Map<String, List<String>> orders = new LinkedHashMap<>();
        orders.put("status", List.of("awaiting_shipment", "LOST", "OPEN", "CANCELLED,DELIVERED"));
        orders.put("limit", List.of("0", "101", "-1", "1.5"));
        orders.put("marketplace", List.of("SHOPEE", "ebay"));
        orders.put("site", List.of("my", "MYS"));
        orders.put("shopId", List.of("x".repeat(65), "shop#1"));
        orders.put("cursor", cursors(cursor));
        orders.put("kind", List.of("SHIP_BY"));
        orders.put("within", List.of("PT48H"));
        add(out, "order list", ApiContract.LIST_ORDERS, tenant, orders);

        Map<String, List<String>> shops = new LinkedHashMap<>();
        for (String name : List.of("limit", "cursor", "marketplace", "within", "status", "shopId", "x", "__proto__",
                "a b")) {
            shops.put(name, List.of("1", "shopee", "P7D"));
        }
        add(out, "shop list", ApiContract.SHOPS, tenant, shops);
        return out;
    }

    /** The tenant's own cursor, altered every way, and cursors that were never made. */
    static List<String> cursors(String cursor) {
        char last = cursor.charAt(cursor.length() - 1);
        int dot = cursor.indexOf('.');
        return List.of(cursor.substring(0, cursor.length() - 1) + (last == 'A' ? 'B' : 'A'),
                cursor.substring(0, cursor.length() - 2), cursor.substring(0, dot), cursor.substring(dot),
                cursor.substring(0, dot + 1), "A" + cursor, cursor + "A", cursor + "." + cursor.substring(dot + 1),
                cursor.replace('.', '_'), cursor.toUpperCase(), cursor.substring(1, dot) + cursor.substring(dot),
                "eyJhIjoxfQ.AAAA", "null", "0", "YzEfb3RoZXIfR0VUIC92MS9hdHRlbnRpb24_e30fOTk5OTk5OTk5OR8x.AAAA");
    }

    /** For each parameter, its own refused values and those every parameter refuses, alone on a valid call. */
    private static void add(List<HostileInputTest.ApiInput> out, String family, String route, String tenant,
            Map<String, List<String>> refused) {
        refused.forEach((parameter, values) -> {
            List<String> all = new ArrayList<>(values);
            all.addAll(REFUSED_BY_ALL);
            for (String value : all) {
                out.add(HostileInputTest.api(family, route + " " + parameter + "=" + value.substring(0,
                        Math.min(20, value.length())), route, Map.of(), tenant, null, Map.of(parameter, value)));
            }
        });
    }
}
