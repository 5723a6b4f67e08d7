package com.orderguard.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderguard.adapter.lambda.http.ApiContract;
import com.orderguard.support.Events;
import com.orderguard.support.LocalDynamo;
import com.orderguard.support.Profiles;
import com.orderguard.support.QuietAppLogs;
import com.orderguard.support.TableChanges;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Tenant A stores orders, requests (one pending), an address change, a defect, a hold and shop counters through the
 * API and the queue. Then tenant B - and tenants whose names look like A's or try to reach into A's keys - call
 * every route with A's order keys, request ids and shop, and send every message type naming A's orders and reusing
 * A's event and request ids. B must get 404 for A's things, or its own separate items; A's items must not change
 * in any attribute, and A must get no new item. A's items are found from the table's stream since the test began
 * (every write to the table is a record there, see {@link TableChanges}) and read by key, so the test costs the
 * same however many items other tests left in the table.
 */
@QuarkusTest
@TestProfile(Profiles.Reliability.class)
@ExtendWith(QuietAppLogs.class)
@Tag("reliability")
class TenantIsolationTest {

    LocalDynamo dynamo;

    int probes;

    /** The victim's inbox and order-list cursors, which no other tenant may open. */
    List<String> victimCursors;

    @Test
    void noTenantReadsOrWritesAnotherTenantsData() throws Exception {
        String a = "tenant-a-" + System.currentTimeMillis();
        String b = "tenant-b-" + System.currentTimeMillis();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String shopeeKey = "shopee.MY.TA1";
        String amazonKey = "amazon.US.TA2";
        Map<String, String> shopee = Map.of("orderKey", shopeeKey);
        Map<String, String> amazon = Map.of("orderKey", amazonKey);
        TableChanges changes = TableChanges.mark(dynamo);

        // tenant A's data, all of it away from any deadline, so that no sweep may touch it
        assertThat(Invoker.api(ApiContract.PUT_ORDER, shopee, a, order("TA1", "shopee", "MY", "MYR",
                "SHIPMENT_ARRANGED", now, "buyer-of-a").toString()).status()).isEqualTo(200);
        assertThat(Invoker.ingestFails(message("evt-a-1", a, "ORDER_SNAPSHOT", now, order("TA2", "amazon", "US",
                "USD", "DELIVERED", now, "buyer-of-a"), null))).isFalse();
        assertThat(Invoker.api(ApiContract.REQUEST_CANCELLATION, shopee, a, "{\"requestId\":\"req-a\","
                + "\"initiator\":\"BUYER\",\"reason\":\"CHANGE_OF_MIND\"}").json().path("status").asText())
                .isEqualTo("PENDING");
        assertThat(Invoker.api(ApiContract.REQUEST_ADDRESS_CHANGE, shopee, a, "{\"requestId\":\"addr-a\","
                + "\"initiator\":\"BUYER\"}").status()).isEqualTo(201);
        assertThat(Invoker.api(ApiContract.RECORD_DEFECT, amazon, a, "{\"defectId\":\"def-a\",\"type\":"
                + "\"CHARGEBACK\"}").status()).isEqualTo(201);
        assertThat(Invoker.api(ApiContract.PUT_HOLD, shopee, a, "{\"until\":\"" + now.plus(Duration.ofDays(3))
                + "\",\"note\":\"a's hold\"}").status()).isEqualTo(200);
        victimCursors = List.of(list(ApiContract.ATTENTION, a, Map.of("within", "P7D", "limit", "1")).json()
                .path("next").asText(), list(ApiContract.LIST_ORDERS, a, Map.of("limit", "1")).json().path("next")
                .asText());
        assertThat(victimCursors).allMatch(cursor -> !cursor.isEmpty());
        // A's own changes left look marks on its shop: the sweep's look at them (health, registry, MetricAtRisk) is
        // A's own effect, so it is taken before the snapshot; a probe's sweep must then find nothing of A's to do
        assertThat(Invoker.invoke("sweep", "{\"id\":\"tenant-a-look\"}").functionError()).isFalse();
        Set<String> keysOfA = keysOf(a, changes);
        Map<String, String> before = items(keysOfA);
        assertThat(before.keySet()).anyMatch(k -> k.contains("#S#amazon.US.shop-a|D#"));

        List<String> intruders = new ArrayList<>(List.of(b, a.toUpperCase(), a + "#", a + " ", a + "\u200b",
                "T#" + a, a + "#O#" + shopeeKey, a.substring(0, a.length() - 1)));
        for (String intruder : intruders) {
            probe(intruder, a, shopee, amazon, now);
        }

        // B's messages above made B its own order under A's key, with its own request of A's request id
        JsonNode mine = Invoker.api(ApiContract.GET_ORDER, shopee, b, null).json();
        assertThat(mine.at("/order/buyerId").asText()).isEqualTo("x");
        assertThat(mine.path("cancellationRequests")).hasSize(1);
        assertThat(mine.at("/cancellationRequests/0/requestId").asText()).isEqualTo("req-a");
        // A's event id, B's event: applied to B's own order, not taken for A's redelivery
        assertThat(Invoker.ingestFails(message("evt-a-1", b, "ORDER_SNAPSHOT", now, order("TA2", "amazon", "US",
                "USD", "IN_TRANSIT", now, "buyer-of-b"), null))).isFalse();
        assertThat(Invoker.api(ApiContract.GET_ORDER, amazon, b, null).json().at("/order/buyerId").asText())
                .isEqualTo("buyer-of-b");
        assertThat(Invoker.api(ApiContract.RECORD_DEFECT, amazon, b, "{\"defectId\":\"def-a\",\"type\":"
                + "\"CHARGEBACK\"}").json().path("counted").asBoolean()).as("B's own defect counts").isTrue();
        probes += 4;

        keysOfA.addAll(keysOf(a, changes));
        Map<String, String> after = items(keysOfA);
        List<String> changed = new ArrayList<>();
        before.forEach((key, item) -> {
            if (!item.equals(after.get(key))) {
                changed.add(key);
            }
        });
        after.keySet().stream().filter(key -> !before.containsKey(key)).forEach(key -> changed.add("new " + key));
        Ledger.add(Ledger.TENANT_PROBES, probes);
        Ledger.add(Ledger.VIOLATIONS, changed.size());
        System.out.printf("tenants: %d cross-tenant probes by %d intruders; items of A changed: %d%n", probes,
                intruders.size(), changed.size());
        assertThat(changed).as("tenant A's items changed by other tenants").isEmpty();
    }

    /** Every route and message type as {@code intruder}, aimed at {@code victim}'s orders, requests and shop. */
    void probe(String intruder, String victim, Map<String, String> shopee, Map<String, String> amazon, Instant now)
            throws Exception {
        String why = intruder + " on " + victim + "'s data";
        probeLists(intruder, why);
        for (Map<String, String> order : List.of(shopee, amazon)) {
            expect404(Invoker.api(ApiContract.GET_ORDER, order, intruder, null), why);
            expect404(Invoker.api(ApiContract.REQUEST_CANCELLATION, order, intruder, "{\"requestId\":\"req-a\","
                    + "\"initiator\":\"BUYER\",\"reason\":\"CHANGE_OF_MIND\"}"), why);
            expect404(Invoker.api(ApiContract.RECORD_DEFECT, order, intruder, "{\"defectId\":\"def-a\",\"type\":"
                    + "\"CHARGEBACK\"}"), why);
            expect404(Invoker.api(ApiContract.PUT_HOLD, order, intruder, "{\"until\":\"" + now.plus(
                    Duration.ofDays(2)) + "\"}"), why);
            expect404(Invoker.api(ApiContract.DELETE_HOLD, order, intruder, null), why);
            expect404(Invoker.api(ApiContract.REQUEST_ADDRESS_CHANGE, order, intruder, "{\"requestId\":\"addr-a\","
                    + "\"initiator\":\"BUYER\"}"), why);
        }
        Map<String, String> request = Map.of("orderKey", shopee.get("orderKey"), "requestId", "req-a");
        expect404(Invoker.api(ApiContract.RESOLVE_CANCELLATION, request, intruder, "{\"resolution\":\"APPROVE\"}"),
                why);
        expect404(Invoker.api(ApiContract.RESOLVE_ADDRESS_CHANGE, Map.of("orderKey", shopee.get("orderKey"),
                "requestId", "addr-a"), intruder, "{\"resolution\":\"APPROVE\"}"), why);
        // the intruder's view of the victim's shop is its own, empty one
        JsonNode health = Invoker.api(ApiContract.SHOP_HEALTH, Map.of("marketplace", "amazon", "site", "US",
                "shopId", "shop-a"), intruder, null).json();
        assertThat(health.path("metrics").findValues("denominator")).as(why).allMatch(n -> n.asLong() == 0);
        assertThat(Invoker.api(ApiContract.POLICIES, Map.of(), intruder, null).status()).isEqualTo(200);
        ObjectNode evaluation = Events.JSON.createObjectNode();
        evaluation.set("order", order("TA1", "shopee", "MY", "MYR", "SHIPMENT_ARRANGED", now, "x"));
        evaluation.putObject("request").put("requestId", "req-a").put("initiator", "BUYER").put("reason",
                "CHANGE_OF_MIND");
        assertThat(Invoker.api(ApiContract.EVALUATE, Map.of(), intruder, evaluation.toString()).status())
                .isEqualTo(200);
        probes += 17;
        // messages: the victim's keys, event ids and request ids, under the intruder's tenant id
        ObjectNode request2 = Events.JSON.createObjectNode().put("requestId", "req-a").put("initiator", "BUYER")
                .put("reason", "CHANGE_OF_MIND");
        assertThat(Invoker.ingestFails(message("evt-a-2", intruder, "CANCELLATION_REQUESTED", now, order("TA1",
                "shopee", "MY", "MYR", "AWAITING_SHIPMENT", now, "x"), request2))).isFalse();
        assertThat(Invoker.ingestFails(message("evt-a-3", intruder, "ADDRESS_CHANGE_REQUESTED", now, order("TA1",
                "shopee", "MY", "MYR", "AWAITING_SHIPMENT", now, "x"), Events.JSON.createObjectNode()
                        .put("requestId", "addr-a").put("initiator", "BUYER")))).isFalse();
        ObjectNode payload = Events.JSON.createObjectNode().put("eventId", "evt-a-4").put("tenantId", intruder)
                .put("type", "MARKETPLACE_PAYLOAD").put("occurredAt", now.toString()).put("source", "shopee")
                .put("shopId", "shop-a");
        payload.set("payload", Events.JSON.readTree(Files.readString(Path.of(
                "src/test/resources/marketplace/shopee/ready-to-ship.json"))));
        assertThat(Invoker.ingestFails(payload.toString())).isFalse();
        assertThat(Invoker.invoke("sweep", "{\"id\":\"tenant-probe\",\"tenantId\":\"" + victim + "\"}")
                .functionError()).isFalse();
        probes += 4;
    }

    /**
     * The list routes as {@code intruder}, before it has data of its own: nothing of the victim's (no item, shop or
     * metric), and the victim's cursors, with and without their own query, open nothing.
     */
    void probeLists(String intruder, String why) {
        for (String route : List.of(ApiContract.ATTENTION, ApiContract.LIST_ORDERS, ApiContract.SHOPS)) {
            Invoker.ApiResponse response = list(route, intruder, route.equals(ApiContract.ATTENTION)
                    ? Map.of("within", "P90D") : Map.of());
            assertThat(response.status()).as(why).isIn(200, 401);
            if (response.status() == 200) {
                assertThat(response.json().path(route.equals(ApiContract.SHOPS) ? "shops" : "items")).as(why)
                        .isEmpty();
                assertThat(response.json().path("metricsAtRisk")).as(why).isEmpty();
            }
        }
        List<Map<String, String>> queries = List.of(Map.of("within", "P7D", "limit", "1", "cursor",
                victimCursors.get(0)), Map.of("limit", "1", "cursor", victimCursors.get(1)), Map.of("cursor",
                victimCursors.get(0)));
        for (int i = 0; i < queries.size(); i++) {
            Invoker.ApiResponse response = list(i == 1 ? ApiContract.LIST_ORDERS : ApiContract.ATTENTION, intruder,
                    queries.get(i));
            assertThat(response.status()).as(why).isIn(400, 401);
            if (response.status() == 400) {
                assertThat(response.json().path("errors").findValuesAsText("field")).as(why)
                        .containsExactly("cursor");
            }
        }
        probes += 6;
    }

    static Invoker.ApiResponse list(String route, String tenant, Map<String, String> query) {
        return Invoker.api(HostileInputTest.api("", "", route, Map.of(), tenant, null, query).event());
    }

    static void expect404(Invoker.ApiResponse response, String why) {
        assertThat(response.status()).as("%s: %s", why, response.body()).isIn(401, 404);
    }

    /**
     * The keys ({@code pk|sk}) of every item of {@code tenant} written, changed or removed since the last look at
     * {@code changes}. The tenant's name is new in each run, so from the test's start on these are all its items,
     * found without reading the rest of the table.
     */
    static Set<String> keysOf(String tenant, TableChanges changes) {
        Set<String> keys = new TreeSet<>();
        changes.since().stream().filter(change -> change.pk().startsWith("T#" + tenant + "#"))
                .forEach(change -> keys.add(change.key()));
        return keys;
    }

    /** The items of {@code keys}, in full, read by key (consistently); an absent item is left out. */
    Map<String, String> items(Set<String> keys) {
        Map<String, String> items = new TreeMap<>();
        for (String key : keys) {
            String[] parts = key.split("\\|", 2);
            Map<String, AttributeValue> item = dynamo.client().getItem(r -> r.tableName(dynamo.table())
                    .consistentRead(true).key(Map.of("pk", AttributeValue.fromS(parts[0]), "sk",
                            AttributeValue.fromS(parts[1])))).item();
            if (item != null && !item.isEmpty()) {
                items.put(key, new TreeMap<>(item).toString());
            }
        }
        return items;
    }

    static ObjectNode order(String orderId, String marketplace, String site, String currency, String status,
            Instant now, String buyer) {
        ObjectNode order = Events.JSON.createObjectNode();
        order.put("marketplace", marketplace).put("site", site).put("orderId", orderId).put("shopId", "shop-a")
                .put("status", status).put("placedAt", now.minus(Duration.ofHours(5)).toString())
                .put("paidAt", now.minus(Duration.ofHours(4)).toString())
                .put("shipBy", now.plus(Duration.ofDays(5)).toString()).put("buyerId", buyer);
        if (status.equals("DELIVERED") || status.equals("IN_TRANSIT")) {
            order.put("shippedAt", now.minus(Duration.ofHours(3)).toString()).put("trackingNumber", "T1");
        }
        if (status.equals("DELIVERED")) {
            order.put("deliveredAt", now.minus(Duration.ofHours(1)).toString());
        }
        ObjectNode item = order.putArray("items").addObject();
        item.put("sku", "S-1").put("quantity", 1).put("unitPrice", "10.00").put("currency", currency);
        return order;
    }

    static String message(String eventId, String tenant, String type, Instant occurredAt, ObjectNode order,
            ObjectNode request) {
        ObjectNode message = Events.JSON.createObjectNode().put("eventId", eventId).put("tenantId", tenant)
                .put("type", type).put("occurredAt", occurredAt.toString());
        message.set("order", order);
        if (request != null) {
            message.set("request", request);
        }
        return Hostile.ascii(message);
    }
}
