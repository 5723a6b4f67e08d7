package com.orderguard.adapter.lambda;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderguard.application.ShopHealthService;
import com.orderguard.domain.Marketplace;
import com.orderguard.domain.TenantId;
import com.orderguard.domain.health.ShopKey;
import com.orderguard.support.Events;
import com.orderguard.support.Orders;
import com.orderguard.support.Profiles;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@code GET /v1/attention}, {@code GET /v1/shops} and {@code GET /v1/orders} through the api function. */
@QuarkusTest
@TestProfile(Profiles.Api.class)
class InboxApiTest {

    @Inject
    ShopHealthService health;

    static final String ATTENTION = "GET /v1/attention";
    static final String SHOPS = "GET /v1/shops";
    static final String ORDERS = "GET /v1/orders";
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    /** A GET with query parameters: the function's whole answer (status code and body). */
    static JsonNode get(String route, String tenant, Map<String, String> query) {
        ObjectNode event = (ObjectNode) Events.parse(Events.api(route, Map.of(), tenant, null));
        ObjectNode parameters = event.putObject("queryStringParameters");
        query.forEach(parameters::put);
        return Events.parse(given().contentType("application/json").body(event.toString()).post().then()
                .statusCode(200).extract().asString());
    }

    static JsonNode ok(String route, String tenant, Map<String, String> query) {
        JsonNode response = get(route, tenant, query);
        assertThat(response.get("statusCode").asInt()).as(response.toString()).isEqualTo(200);
        return CancellationApiTest.body(response);
    }

    static String tenant() {
        return "inbox-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Puts an order of a shop on a marketplace's site, due to ship at {@code shipBy}; returns its key. */
    static String put(String tenant, String marketplace, String site, String shopId, String status, Instant shipBy) {
        String id = "I" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
        ObjectNode order = Orders.shopee(id, status).put("marketplace", marketplace).put("site", site)
                .put("shopId", shopId).put("placedAt", NOW.minus(Duration.ofDays(1)).toString())
                .put("paidAt", NOW.minus(Duration.ofDays(1)).toString()).put("shipBy", shipBy.toString());
        if ("amazon".equals(marketplace)) {
            order.remove("carrier");
            order.withArray("items").forEach(item -> ((ObjectNode) item).put("currency", "USD"));
        }
        String key = marketplace + "." + site + "." + id;
        JsonNode answer = CancellationApiTest.call("PUT /v1/orders/{orderKey}", Map.of("orderKey", key), tenant,
                order.toString());
        assertThat(answer.get("statusCode").asInt()).as(answer.toString()).isEqualTo(200);
        return key;
    }

    static List<String> keys(JsonNode page) {
        List<String> keys = new ArrayList<>();
        page.get("items").forEach(item -> keys.add(item.get("kind").asText() + " " + item.get("orderKey").asText()));
        return keys;
    }

    @Test
    void theInbox_ordersEveryShopsItemsByDueTime_overdueFirst_andShowsWhatEachKindAdds() {
        String tenant = tenant();
        String late = put(tenant, "amazon", "US", "us-1", "AWAITING_SHIPMENT", NOW.minus(Duration.ofHours(3)));
        String soon = put(tenant, "shopee", "MY", "my-1", "AWAITING_SHIPMENT", NOW.plus(Duration.ofHours(2)));
        String later = put(tenant, "shopee", "MY", "my-2", "AWAITING_SHIPMENT", NOW.plus(Duration.ofHours(30)));
        String far = put(tenant, "amazon", "US", "us-1", "AWAITING_SHIPMENT", NOW.plus(Duration.ofDays(6)));

        JsonNode page = ok(ATTENTION, tenant, Map.of());

        assertThat(keys(page)).containsExactly("OVERDUE " + late, "SHIP_BY " + soon, "SHIP_BY " + later);
        JsonNode first = page.get("items").get(0);
        assertThat(first.get("dueAt").asText()).isEqualTo(NOW.minus(Duration.ofHours(3)).toString());
        assertThat(first.get("autoCancelAt").asText()).isNotEmpty();
        assertThat(first.at("/shop/marketplace").asText()).isEqualTo("amazon");
        assertThat(first.at("/shop/shopId").asText()).isEqualTo("us-1");
        assertThat(page.get("next").isNull()).isTrue();
        assertThat(page.get("asOf").asText()).isNotEmpty();
        assertThat(page.get("metricsAtRisk")).isEmpty();
        assertThat(keys(ok(ATTENTION, tenant, Map.of("within", "P7D")))).endsWith("SHIP_BY " + far).hasSize(4);
    }

    @Test
    void eachKind_entersWithItsChange_andLeavesWithTheChangeThatClosesIt() {
        String tenant = tenant();
        String shipped = put(tenant, "shopee", "MY", "s", "AWAITING_SHIPMENT", NOW.plus(Duration.ofHours(5)));
        String cancelled = put(tenant, "shopee", "MY", "s", "AWAITING_SHIPMENT", NOW.plus(Duration.ofHours(6)));
        String asked = put(tenant, "shopee", "MY", "s", "SHIPMENT_ARRANGED", NOW.plus(Duration.ofHours(7)));
        String held = put(tenant, "shopee", "MY", "s", "AWAITING_SHIPMENT", NOW.plus(Duration.ofDays(5)));
        JsonNode pending = CancellationApiTest.body(CancellationApiTest.request(tenant, asked,
                "{\"requestId\":\"ask-1\",\"initiator\":\"BUYER\",\"reason\":\"CHANGE_OF_MIND\"}"));
        assertThat(pending.get("outcome").asText()).isEqualTo("PENDING_SELLER");
        Instant until = NOW.plus(Duration.ofDays(3));
        CancellationApiTest.call("PUT /v1/orders/{orderKey}/auto-cancel-hold", Map.of("orderKey", held), tenant,
                "{\"until\":\"" + until + "\"}");

        JsonNode all = ok(ATTENTION, tenant, Map.of("within", "P4D"));
        assertThat(keys(all)).containsExactlyInAnyOrder("SHIP_BY " + shipped, "SHIP_BY " + cancelled,
                "SHIP_BY " + asked, "REQUEST_PENDING " + asked, "HOLD_ENDS " + held);
        JsonNode request = all.get("items").findParents("requestId").get(0);
        assertThat(request.get("requestId").asText()).isEqualTo("ask-1");
        assertThat(request.get("ifNoResponse").asText()).isEqualTo(pending.get("ifNoResponse").asText());
        assertThat(request.get("dueAt").asText()).isEqualTo(pending.get("respondBy").asText());

        ObjectNode ship = Orders.shopee(shipped.substring("shopee.MY.".length()), "IN_TRANSIT").put("shopId", "s")
                .put("shippedAt", NOW.toString()).put("trackingNumber", "T1");
        CancellationApiTest.call("PUT /v1/orders/{orderKey}", Map.of("orderKey", shipped), tenant, ship.toString());
        CancellationApiTest.call("PUT /v1/orders/{orderKey}", Map.of("orderKey", cancelled), tenant,
                Orders.shopee(cancelled.substring("shopee.MY.".length()), "CANCELLED").put("shopId", "s").toString());
        CancellationApiTest.resolve(tenant, asked, "ask-1", "{\"resolution\":\"REJECT\"}");
        CancellationApiTest.call("DELETE /v1/orders/{orderKey}/auto-cancel-hold", Map.of("orderKey", held), tenant,
                null);

        assertThat(keys(ok(ATTENTION, tenant, Map.of("within", "P4D")))).containsExactly("SHIP_BY " + asked);
    }

    @Test
    void fiveHundredItems_pageThroughWithNoneLostOrRepeated_inOrder() {
        String tenant = tenant();
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            // three orders share each due time, so ties are broken by the order key across pages
            Instant shipBy = NOW.plus(Duration.ofMinutes(10L * (i / 3) - 600));
            String shop = "shop-" + (i % 6);
            expected.add(put(tenant, i % 2 == 0 ? "shopee" : "amazon", i % 2 == 0 ? "MY" : "US", shop,
                    "AWAITING_SHIPMENT", shipBy));
        }
        List<String> seen = new ArrayList<>();
        List<String> order = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Map<String, String> query = new HashMap<>(Map.of("within", "P7D", "limit", "37"));
            if (cursor != null) {
                query.put("cursor", cursor);
            }
            JsonNode page = ok(ATTENTION, tenant, query);
            page.get("items").forEach(item -> {
                seen.add(item.get("orderKey").asText());
                order.add(item.get("dueAt").asText() + " " + item.get("orderKey").asText());
            });
            cursor = page.get("next").isNull() ? null : page.get("next").asText();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(14);
        assertThat(seen).hasSize(500).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen)).isEqualTo(expected);
        assertThat(order).isSorted();
    }

    @Test
    void filters_narrowByMarketplaceSiteShopAndKind() {
        String tenant = tenant();
        String my1 = put(tenant, "shopee", "MY", "a", "AWAITING_SHIPMENT", NOW.plus(Duration.ofHours(1)));
        String my2 = put(tenant, "shopee", "MY", "b", "AWAITING_SHIPMENT", NOW.minus(Duration.ofHours(1)));
        String us = put(tenant, "amazon", "US", "a", "AWAITING_SHIPMENT", NOW.plus(Duration.ofHours(2)));

        assertThat(keys(ok(ATTENTION, tenant, Map.of("marketplace", "amazon")))).containsExactly("SHIP_BY " + us);
        assertThat(keys(ok(ATTENTION, tenant, Map.of("site", "MY"))))
                .containsExactly("OVERDUE " + my2, "SHIP_BY " + my1);
        assertThat(keys(ok(ATTENTION, tenant, Map.of("shopId", "a")))).containsExactly("SHIP_BY " + my1,
                "SHIP_BY " + us);
        assertThat(keys(ok(ATTENTION, tenant, Map.of("kind", "OVERDUE")))).containsExactly("OVERDUE " + my2);
        assertThat(keys(ok(ATTENTION, tenant, Map.of("kind", "SHIP_BY", "marketplace", "shopee"))))
                .containsExactly("SHIP_BY " + my1);
        assertThat(keys(ok(ATTENTION, tenant, Map.of("kind", "HOLD_ENDS,REQUEST_PENDING")))).isEmpty();
    }

    @Test
    void aShopWithABreachedMetric_isListedInMetricsAtRisk_andInTheShopList() {
        String tenant = tenant();
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            orders.add(put(tenant, "amazon", "US", "risky", "AWAITING_SHIPMENT", NOW.plus(Duration.ofDays(1))));
        }
        put(tenant, "shopee", "MY", "calm", "UNPAID", NOW.plus(Duration.ofDays(3)));
        JsonNode cancel = CancellationApiTest.body(CancellationApiTest.request(tenant, orders.get(0),
                "{\"initiator\":\"SELLER\",\"reason\":\"OUT_OF_STOCK\"}"));
        assertThat(cancel.get("outcome").asText()).isEqualTo("APPROVED");
        assertThat(ok(ATTENTION, tenant, Map.of()).get("metricsAtRisk")).as("before the sweep looks").isEmpty();
        // the cancellation left the shop's look mark; the next sweep run looks at the shop like this
        health.watch(new TenantId(tenant), new ShopKey(Marketplace.AMAZON, "US", "risky"), Instant.now());

        JsonNode metrics = ok(ATTENTION, tenant, Map.of()).get("metricsAtRisk");
        assertThat(metrics.findValuesAsText("metric")).contains("amazon.cancelRate");
        JsonNode cancelRate = metrics.get(metrics.findValuesAsText("metric").indexOf("amazon.cancelRate"));
        assertThat(cancelRate.get("status").asText()).isEqualTo("BREACHED");
        assertThat(cancelRate.at("/shop/shopId").asText()).isEqualTo("risky");
        assertThat(cancelRate.get("value").asDouble()).isEqualTo(0.25);
        assertThat(cancelRate.get("threshold").asDouble()).isPositive();
        assertThat(ok(ATTENTION, tenant, Map.of("marketplace", "shopee")).get("metricsAtRisk")).isEmpty();

        JsonNode shops = ok(SHOPS, tenant, Map.of()).get("shops");
        assertThat(shops).hasSize(2);
        JsonNode risky = shops.get(0);
        assertThat(risky.at("/shop/shopId").asText()).isEqualTo("risky");
        assertThat(risky.at("/openOrders/AWAITING_SHIPMENT").asInt()).isEqualTo(3);
        assertThat(risky.at("/openOrders/CANCELLED").isMissingNode()).isTrue();
        assertThat(risky.get("attention").asInt()).isEqualTo(3);
        assertThat(risky.get("worstMetricStatus").asText()).isEqualTo("BREACHED");
        JsonNode calm = shops.get(1);
        assertThat(calm.at("/openOrders/UNPAID").asInt()).isEqualTo(1);
        assertThat(calm.get("attention").asInt()).isZero();
        assertThat(calm.get("worstMetricStatus").asText()).isEqualTo("OK");
    }

    @Test
    void theOrderList_isNewestFirst_pagesWithCursors_andFiltersByStatusAndShop() {
        String tenant = tenant();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String id = "L" + i + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
            ObjectNode order = Orders.shopee(id, i == 3 ? "IN_TRANSIT" : "AWAITING_SHIPMENT")
                    .put("shopId", i < 5 ? "x" : "y").put("placedAt", NOW.minus(Duration.ofHours(10 - i)).toString())
                    .put("paidAt", NOW.minus(Duration.ofHours(10 - i)).toString());
            if (i == 3) {
                order.put("shippedAt", NOW.toString()).put("trackingNumber", "T");
            }
            CancellationApiTest.call("PUT /v1/orders/{orderKey}", Map.of("orderKey", "shopee.MY." + id), tenant,
                    order.toString());
            keys.add(0, "shopee.MY." + id);
        }
        List<String> listed = new ArrayList<>();
        JsonNode page = ok(ORDERS, tenant, Map.of("limit", "3"));
        while (true) {
            page.get("items").forEach(item -> listed.add(item.get("orderKey").asText()));
            if (page.get("next").isNull()) {
                break;
            }
            page = ok(ORDERS, tenant, Map.of("limit", "3", "cursor", page.get("next").asText()));
        }
        assertThat(listed).isEqualTo(keys);
        assertThat(ok(ORDERS, tenant, Map.of("status", "IN_TRANSIT")).get("items").findValuesAsText("orderKey"))
                .containsExactly(keys.get(3));
        assertThat(ok(ORDERS, tenant, Map.of("shopId", "y")).get("items").findValuesAsText("orderKey"))
                .containsExactly(keys.get(0), keys.get(1));
        JsonNode first = ok(ORDERS, tenant, Map.of("limit", "1")).get("items").get(0);
        assertThat(first.get("status").asText()).isEqualTo("AWAITING_SHIPMENT");
        assertThat(first.at("/shop/shopId").asText()).isEqualTo("y");
        assertThat(first.get("shipBy").asText()).isNotEmpty();
    }

    @Test
    void anotherTenant_seesNothing_andCannotUseTheCursorsOfThisOne() {
        String tenant = tenant();
        for (int i = 0; i < 3; i++) {
            put(tenant, "shopee", "MY", "s", "AWAITING_SHIPMENT", NOW.plus(Duration.ofHours(i + 1)));
        }
        String other = tenant();
        assertThat(ok(ATTENTION, other, Map.of()).get("items")).isEmpty();
        assertThat(ok(SHOPS, other, Map.of()).get("shops")).isEmpty();
        assertThat(ok(ORDERS, other, Map.of()).get("items")).isEmpty();

        String cursor = ok(ATTENTION, tenant, Map.of("limit", "1")).get("next").asText();
        assertThat(ok(ATTENTION, tenant, Map.of("limit", "1", "cursor", cursor)).get("items")).hasSize(1);
        assertCursorRejected(get(ATTENTION, other, Map.of("limit", "1", "cursor", cursor)));
        String orders = ok(ORDERS, tenant, Map.of("limit", "1")).get("next").asText();
        assertCursorRejected(get(ORDERS, other, Map.of("cursor", orders)));
    }

    @Test
    void aForgedTruncatedOrOtherQuerysCursor_isA400NamingTheCursor() {
        String tenant = tenant();
        for (int i = 0; i < 3; i++) {
            put(tenant, "shopee", "MY", "s", "AWAITING_SHIPMENT", NOW.plus(Duration.ofHours(i + 1)));
        }
        String cursor = ok(ATTENTION, tenant, Map.of("limit", "1")).get("next").asText();
        char last = cursor.charAt(cursor.length() - 1);
        List<String> forged = List.of(cursor.substring(0, cursor.length() - 1) + (last == 'A' ? 'B' : 'A'),
                cursor.substring(0, cursor.length() / 2), "x" + cursor, cursor.replace('.', '_'), "", ".",
                "eyJwb3NpdGlvbiI6MH0.AAAA", "x".repeat(5000));
        for (String bad : forged) {
            assertCursorRejected(get(ATTENTION, tenant, Map.of("limit", "1", "cursor", bad)));
        }
        assertCursorRejected(get(ATTENTION, tenant, Map.of("limit", "1", "cursor", cursor, "kind", "SHIP_BY")));
        assertCursorRejected(get(ORDERS, tenant, Map.of("cursor", cursor)));
        // a page size of another page is the same query
        assertThat(ok(ATTENTION, tenant, Map.of("limit", "5", "cursor", cursor)).get("items")).hasSize(2);
    }

    @Test
    void invalidParameters_areA400ListingEachField() {
        JsonNode answer = get(ATTENTION, tenant(), Map.of("within", "tomorrow", "limit", "0", "kind", "LATE",
                "marketplace", "ebay", "site", "my", "shopId", "a b", "sort", "x"));
        assertThat(answer.get("statusCode").asInt()).isEqualTo(400);
        assertThat(CancellationApiTest.body(answer).get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("within", "limit", "kind", "marketplace", "site", "shopId", "sort");
        JsonNode orders = get(ORDERS, tenant(), Map.of("status", "LOST", "limit", "101"));
        assertThat(CancellationApiTest.body(orders).get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("status", "limit");
    }

    static void assertCursorRejected(JsonNode answer) {
        assertThat(answer.get("statusCode").asInt()).as(answer.toString()).isEqualTo(400);
        assertThat(CancellationApiTest.body(answer).get("errors").findValuesAsText("field")).containsExactly("cursor");
    }
}
