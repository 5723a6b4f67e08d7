package com.orderguard.adapter.lambda;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderguard.adapter.lambda.http.ApiContract;
import com.orderguard.support.Events;
import com.orderguard.support.OpenApi;
import com.orderguard.support.Orders;
import com.orderguard.support.Profiles;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Drives the {@code api} function over every route with valid and invalid input and holds each answer against
 * infra/openapi.yaml: the status is declared for the route, the content type for that status, and the body
 * conforms to the declared schema (no undeclared field at any depth, every required one present, types, enums,
 * formats). Each route's test also sees every success status the document declares for it.
 */
@QuarkusTest
@TestProfile(Profiles.Api.class)
class OpenApiConformanceTest {

    static final OpenApi API = OpenApi.read();
    static final String TENANT = "tenant-openapi";

    /** The statuses one test saw, per route. */
    final Map<String, Set<Integer>> seen = new HashMap<>();

    /** Calls the function, checks the answer against the document and returns it. */
    Answer call(String route, Map<String, String> path, String tenant, String body, Map<String, String> query) {
        ObjectNode event = (ObjectNode) Events.parse(Events.api(route, path, tenant, body));
        if (!query.isEmpty()) {
            ObjectNode parameters = event.putObject("queryStringParameters");
            query.forEach(parameters::put);
        }
        JsonNode response = Events.parse(given().contentType("application/json").body(event.toString()).post()
                .then().statusCode(200).extract().asString());
        int status = response.get("statusCode").asInt();
        seen.computeIfAbsent(route, r -> new TreeSet<>()).add(status);
        JsonNode declared = API.response(route, status);
        assertThat(declared).as("%s answered %d, which the document does not declare", route, status).isNotNull();
        String contentType = response.at("/headers/content-type").asText();
        JsonNode media = declared.path("content").get(contentType);
        assertThat(media).as("%s %d is %s, which the document does not declare", route, status, contentType)
                .isNotNull();
        JsonNode json = Events.parse(response.get("body").asText());
        assertThat(API.check(json, media.get("schema"))).as("%s %d: %s", route, status, json).isEmpty();
        return new Answer(status, json);
    }

    Answer call(String route, Map<String, String> path, String tenant, String body) {
        return call(route, path, tenant, body, Map.of());
    }

    Answer call(String route, Map<String, String> path, String body) {
        return call(route, path, TENANT, body);
    }

    /** The function's answer: status and parsed body. */
    record Answer(int status, JsonNode body) {

        JsonNode get(String field) {
            return body.get(field);
        }

        JsonNode at(String pointer) {
            return body.at(pointer);
        }
    }

    /** Every success status the document declares for {@code route} was seen. */
    void sawEveryDeclaredSuccess(String route) {
        Set<Integer> successes = new TreeSet<>(API.statuses(route));
        successes.removeIf(s -> s >= 300);
        assertThat(seen.get(route)).as("statuses seen for %s", route).containsAll(successes);
    }

    static String newId() {
        return "A" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    /** Stores a Shopee MY order in {@code status} for {@code tenant} and returns its key. */
    String storeOrderFor(String tenant, String status) {
        String id = newId();
        ObjectNode order = Orders.shopee(id, status);
        order.put("placedAt", now().minus(1, ChronoUnit.HOURS).toString());
        order.put("paidAt", now().minus(1, ChronoUnit.HOURS).toString());
        order.put("shipBy", now().plus(1, ChronoUnit.DAYS).toString());
        String key = "shopee.MY." + id;
        assertThat(call(ApiContract.PUT_ORDER, Map.of("orderKey", key), tenant, order.toString()).status())
                .isEqualTo(200);
        return key;
    }

    /** Stores a Shopee MY order placed an hour ago, ship-by tomorrow, and returns its key. */
    String storeOrder(String status) {
        String id = newId();
        ObjectNode order = Orders.shopee(id, status);
        order.put("placedAt", now().minus(1, ChronoUnit.HOURS).toString());
        order.put("paidAt", now().minus(1, ChronoUnit.HOURS).toString());
        order.remove("shipBy");
        String key = "shopee.MY." + id;
        call(ApiContract.PUT_ORDER, Map.of("orderKey", key), order.toString());
        return key;
    }

    static Map<String, String> samplePath(String route) {
        Map<String, String> path = new HashMap<>();
        if (route.contains("{orderKey}")) {
            path.put("orderKey", "shopee.MY." + newId());
        }
        if (route.contains("{requestId}")) {
            path.put("requestId", "r-1");
        }
        if (route.contains("{marketplace}")) {
            path.putAll(Map.of("marketplace", "shopee", "site", "MY", "shopId", "shop-1"));
        }
        return path;
    }

    @Test
    void everyRoute_answersNoTenantTooLargeAndMalformedJson_asDeclared() {
        for (String route : ApiContract.ROUTES) {
            Map<String, String> path = samplePath(route);
            assertThat(call(route, path, null, "{}").status()).isEqualTo(401);
            assertThat(call(route, path, TENANT, "{\"a\":\"" + "x".repeat(300 * 1024) + "\"}").status())
                    .isEqualTo(413);
            assertThat(call(route, path, TENANT, "{\"a\":").status()).isEqualTo(400);
            assertThat(call(route, path, TENANT, "{\"a\":1,\"a\":2}").status()).isEqualTo(400);
        }
    }

    @Test
    void evaluate() {
        ObjectNode body = Events.JSON.createObjectNode();
        ObjectNode order = body.putObject("order").put("marketplace", "amazon").put("site", "US")
                .put("orderId", "114-1234567-1234567").put("status", "AWAITING_SHIPMENT")
                .put("placedAt", "2024-11-20T09:30:00Z").put("paidAt", "2024-11-20T09:35:00Z");
        order.putArray("items").addObject().put("sku", "A-1").put("quantity", 1).put("unitPrice", "19.99")
                .put("currency", "USD").putArray("attributes");
        body.putObject("request").put("initiator", "SELLER").put("reason", "OUT_OF_STOCK")
                .put("requestedAt", "2024-11-20T12:00:00Z");
        body.putArray("metrics").addObject().put("metric", "amazon.cancelRate").put("window", "P7D")
                .put("numerator", 3).put("denominator", 250);
        Answer decision = call(ApiContract.EVALUATE, Map.of(), body.toString());
        assertThat(decision.get("metricImpact")).as("the nested metricImpact items are checked too").isNotEmpty();

        body.with("request").put("initiator", "COURIER");
        body.with("order").put("status", "LOST");
        assertThat(call(ApiContract.EVALUATE, Map.of(), body.toString()).status()).isEqualTo(400);
        assertThat(call(ApiContract.EVALUATE, Map.of(), "{\"order\":{}}").status()).isEqualTo(400);
        sawEveryDeclaredSuccess(ApiContract.EVALUATE);
    }

    @Test
    void putOrder() {
        String key = storeOrder("AWAITING_SHIPMENT");
        Map<String, String> path = Map.of("orderKey", key);
        Answer invalid = call(ApiContract.PUT_ORDER, path, Orders.shopee(key.substring(10), "LOST")
                .put("paidAt", "yesterday").toString());
        assertThat(invalid.get("errors")).hasSize(2);
        assertThat(call(ApiContract.PUT_ORDER, Map.of("orderKey", "ebay.MY.1"), "{}").status()).isEqualTo(400);

        // cancelled through OrderGuard, then a snapshot that says otherwise: a conflict
        call(ApiContract.REQUEST_CANCELLATION, path, "{\"initiator\":\"BUYER\",\"reason\":\"CHANGE_OF_MIND\"}");
        Answer conflict = call(ApiContract.PUT_ORDER, path, Orders.shopee(key.substring(10), "AWAITING_SHIPMENT")
                .toString());
        assertThat(conflict.status()).isEqualTo(409);
        sawEveryDeclaredSuccess(ApiContract.PUT_ORDER);
    }

    @Test
    void getOrder_withRequestsHistoryBuyerHoldAndPendingRequest() {
        String key = storeOrder("SHIPMENT_ARRANGED");
        Map<String, String> path = Map.of("orderKey", key);
        call(ApiContract.REQUEST_CANCELLATION, path, "{\"requestId\":\"ask-1\",\"initiator\":\"BUYER\","
                + "\"reason\":\"CHANGE_OF_MIND\",\"note\":\"n\"}");
        call(ApiContract.PUT_HOLD, path, "{\"until\":\"" + now().plus(1, ChronoUnit.DAYS) + "\",\"note\":\"x\"}");

        Answer view = call(ApiContract.GET_ORDER, path, null);
        assertThat(view.at("/deadlines/pendingRequest").isObject()).isTrue();
        assertThat(view.at("/deadlines/autoCancelHold").isObject()).isTrue();
        assertThat(view.get("buyer").isObject()).isTrue();
        assertThat(view.get("cancellationRequests")).hasSize(1);
        assertThat(call(ApiContract.GET_ORDER, Map.of("orderKey", "shopee.MY." + newId()), null).status())
                .isEqualTo(404);
        assertThat(call(ApiContract.GET_ORDER, Map.of("orderKey", "shopee.my.1"), null).status()).isEqualTo(400);
        sawEveryDeclaredSuccess(ApiContract.GET_ORDER);
    }

    @Test
    void requestCancellation() {
        String key = storeOrder("SHIPMENT_ARRANGED");
        Map<String, String> path = Map.of("orderKey", key);
        String request = "{\"requestId\":\"req-1\",\"initiator\":\"BUYER\",\"reason\":\"CHANGE_OF_MIND\"}";
        call(ApiContract.REQUEST_CANCELLATION, path, request);
        call(ApiContract.REQUEST_CANCELLATION, path, request);
        assertThat(call(ApiContract.REQUEST_CANCELLATION, path,
                "{\"requestId\":\"req-1\",\"initiator\":\"SELLER\",\"reason\":\"OUT_OF_STOCK\"}").status())
                .isEqualTo(409);
        assertThat(call(ApiContract.REQUEST_CANCELLATION, Map.of("orderKey", "shopee.MY." + newId()),
                request).status()).isEqualTo(404);
        assertThat(call(ApiContract.REQUEST_CANCELLATION, path, "{\"initiator\":\"COURIER\"}").status())
                .isEqualTo(400);
        sawEveryDeclaredSuccess(ApiContract.REQUEST_CANCELLATION);
    }

    @Test
    void resolveCancellation() {
        String key = storeOrder("SHIPMENT_ARRANGED");
        Answer pending = call(ApiContract.REQUEST_CANCELLATION, Map.of("orderKey", key),
                "{\"requestId\":\"ask-2\",\"initiator\":\"BUYER\",\"reason\":\"CHANGE_OF_MIND\"}");
        assertThat(pending.get("outcome").asText()).isEqualTo("PENDING_SELLER");
        Map<String, String> path = Map.of("orderKey", key, "requestId", "ask-2");

        Answer resolved = call(ApiContract.RESOLVE_CANCELLATION, path, "{\"resolution\":\"REJECT\",\"note\":\"n\"}");
        assertThat(resolved.get("resolution").isObject()).isTrue();
        assertThat(call(ApiContract.RESOLVE_CANCELLATION, path, "{\"resolution\":\"APPROVE\"}").status())
                .isEqualTo(409);
        assertThat(call(ApiContract.RESOLVE_CANCELLATION, Map.of("orderKey", key, "requestId", "nope"),
                "{\"resolution\":\"APPROVE\"}").status()).isEqualTo(404);
        assertThat(call(ApiContract.RESOLVE_CANCELLATION, path, "{\"resolution\":\"MAYBE\"}").status())
                .isEqualTo(400);
        sawEveryDeclaredSuccess(ApiContract.RESOLVE_CANCELLATION);
    }

    @Test
    void addressChange_requestResolveAndTimeline() {
        String id = newId();
        ObjectNode order = Orders.shopee(id, "IN_TRANSIT").put("carrier", "J_AND_T");
        String key = "shopee.MY." + id;
        call(ApiContract.PUT_ORDER, Map.of("orderKey", key), order.toString());
        Map<String, String> path = Map.of("orderKey", key);
        String request = "{\"requestId\":\"addr-1\",\"initiator\":\"BUYER\",\"note\":\"n\"}";
        Answer decided = call(ApiContract.REQUEST_ADDRESS_CHANGE, path, request);
        assertThat(decided.get("requestType").asText()).isEqualTo("ADDRESS_CHANGE");
        assertThat(decided.get("outcome").asText()).isEqualTo("PENDING_SELLER");
        call(ApiContract.REQUEST_ADDRESS_CHANGE, path, request);
        assertThat(call(ApiContract.REQUEST_ADDRESS_CHANGE, path, "{\"requestId\":\"addr-1\",\"initiator\":"
                + "\"SELLER\"}").status()).isEqualTo(409);
        assertThat(call(ApiContract.REQUEST_ADDRESS_CHANGE, Map.of("orderKey", "shopee.MY." + newId()), request)
                .status()).isEqualTo(404);
        assertThat(call(ApiContract.REQUEST_ADDRESS_CHANGE, path, "{\"initiator\":\"BUYER\",\"reason\":"
                + "\"OTHER\"}").status()).isEqualTo(400);

        Map<String, String> resolution = Map.of("orderKey", key, "requestId", "addr-1");
        call(ApiContract.RESOLVE_ADDRESS_CHANGE, resolution, "{\"resolution\":\"APPROVE\",\"note\":\"done\"}");
        assertThat(call(ApiContract.RESOLVE_ADDRESS_CHANGE, resolution, "{\"resolution\":\"REJECT\"}").status())
                .isEqualTo(409);
        assertThat(call(ApiContract.RESOLVE_ADDRESS_CHANGE, Map.of("orderKey", key, "requestId", "nope"),
                "{\"resolution\":\"APPROVE\"}").status()).isEqualTo(404);
        assertThat(call(ApiContract.RESOLVE_ADDRESS_CHANGE, resolution, "{}").status()).isEqualTo(400);

        Answer view = call(ApiContract.GET_ORDER, path, null);
        assertThat(view.get("addressChangeRequests")).hasSize(1);
        assertThat(view.get("timeline").findValuesAsText("kind"))
                .containsExactly("ADDRESS_CHANGE_DECIDED", "ADDRESS_CHANGE_RESOLVED");
        sawEveryDeclaredSuccess(ApiContract.REQUEST_ADDRESS_CHANGE);
        sawEveryDeclaredSuccess(ApiContract.RESOLVE_ADDRESS_CHANGE);
    }

    @Test
    void autoCancelHold_putAndDelete() {
        String key = storeOrder("AWAITING_SHIPMENT");
        Map<String, String> path = Map.of("orderKey", key);
        Map<String, String> unknown = Map.of("orderKey", "shopee.MY." + newId());
        String hold = "{\"until\":\"" + now().plus(2, ChronoUnit.DAYS) + "\"}";
        call(ApiContract.PUT_HOLD, path, hold);
        assertThat(call(ApiContract.PUT_HOLD, path, "{\"until\":\"2020-01-01T00:00:00Z\"}").status()).isEqualTo(400);
        assertThat(call(ApiContract.PUT_HOLD, unknown, hold).status()).isEqualTo(404);
        call(ApiContract.DELETE_HOLD, path, null);
        assertThat(call(ApiContract.DELETE_HOLD, unknown, null).status()).isEqualTo(404);
        assertThat(call(ApiContract.DELETE_HOLD, Map.of("orderKey", "nope"), null).status()).isEqualTo(400);
        sawEveryDeclaredSuccess(ApiContract.PUT_HOLD);
        sawEveryDeclaredSuccess(ApiContract.DELETE_HOLD);
    }

    @Test
    void recordDefect_onceThenAgain() {
        String key = storeOrder("DELIVERED");
        Map<String, String> path = Map.of("orderKey", key);
        String defect = "{\"defectId\":\"claim-1\",\"type\":\"A_TO_Z_CLAIM\"}";
        assertThat(call(ApiContract.RECORD_DEFECT, path, defect).get("counted").asBoolean()).isTrue();
        assertThat(call(ApiContract.RECORD_DEFECT, path, defect).get("counted").asBoolean()).isFalse();
        assertThat(call(ApiContract.RECORD_DEFECT, Map.of("orderKey", "shopee.MY." + newId()), defect).status())
                .isEqualTo(404);
        assertThat(call(ApiContract.RECORD_DEFECT, path, "{\"defectId\":\"c 2\",\"type\":\"RUDE\"}").status())
                .isEqualTo(400);
        sawEveryDeclaredSuccess(ApiContract.RECORD_DEFECT);
    }

    @Test
    void shopHealth_ofEachMarketplaceWithAPack() {
        for (String shop : new String[] {"shopee/MY", "amazon/US", "ozon/RU", "lazada/MY", "tiktok/TH"}) {
            String[] parts = shop.split("/");
            call(ApiContract.SHOP_HEALTH, Map.of("marketplace", parts[0], "site", parts[1], "shopId", "shop-1"), null);
        }
        assertThat(call(ApiContract.SHOP_HEALTH, Map.of("marketplace", "ebay", "site", "M1", "shopId", "s"),
                null).status()).isEqualTo(400);
        assertThat(call(ApiContract.SHOP_HEALTH, Map.of("marketplace", "shopee", "site", "ZZ", "shopId",
                "s"), null).status()).isEqualTo(422);
        sawEveryDeclaredSuccess(ApiContract.SHOP_HEALTH);
    }

    @Test
    void unknownSite_isA422Problem_listingTheSupportedSites_onEveryRouteASiteEnters() {
        String order = Orders.shopee("Z1", "AWAITING_SHIPMENT").put("site", "ZZ").toString();
        Map<String, String> path = Map.of("orderKey", "shopee.ZZ.Z1");
        String request = "{\"initiator\":\"BUYER\",\"reason\":\"OTHER\"}";
        String evaluation = "{\"order\":" + order + ",\"request\":" + request + "}";
        for (Answer answer : new Answer[] {call(ApiContract.PUT_ORDER, path, order),
            call(ApiContract.EVALUATE, Map.of(), evaluation),
            call(ApiContract.REQUEST_CANCELLATION, path, request),
            call(ApiContract.REQUEST_ADDRESS_CHANGE, path, "{\"initiator\":\"BUYER\"}")}) {
            assertThat(answer.status()).isEqualTo(422);
            assertThat(answer.get("supportedSites")).isNotEmpty();
        }
    }

    @Test
    void inboxShopsAndOrderList_withEveryKindOfItem_aNextPage_andABadCursor() {
        String tenant = "tenant-openapi-inbox-" + newId();
        // arranged: a buyer's request waits on the seller
        String key = storeOrderFor(tenant, "SHIPMENT_ARRANGED");
        storeOrderFor(tenant, "AWAITING_SHIPMENT");
        call(ApiContract.REQUEST_CANCELLATION, Map.of("orderKey", key), tenant, "{\"requestId\":\"p-1\","
                + "\"initiator\":\"BUYER\",\"reason\":\"CHANGE_OF_MIND\"}");
        call(ApiContract.PUT_HOLD, Map.of("orderKey", key), tenant, "{\"until\":\"" + now().plus(1, ChronoUnit.DAYS)
                + "\"}");
        Answer inbox = call(ApiContract.ATTENTION, Map.of(), tenant, null, Map.of("within", "P7D"));
        assertThat(inbox.get("items").findValuesAsText("kind")).contains("REQUEST_PENDING", "SHIP_BY", "HOLD_ENDS");
        Answer first = call(ApiContract.ATTENTION, Map.of(), tenant, null, Map.of("limit", "1"));
        assertThat(first.get("next").asText()).isNotEmpty();
        assertThat(call(ApiContract.ATTENTION, Map.of(), tenant, null, Map.of("cursor", "forged")).status())
                .isEqualTo(400);
        assertThat(call(ApiContract.SHOPS, Map.of(), tenant, null).get("shops")).hasSize(1);
        Answer orders = call(ApiContract.LIST_ORDERS, Map.of(), tenant, null, Map.of("limit", "1"));
        assertThat(orders.get("items")).hasSize(1);
        assertThat(call(ApiContract.LIST_ORDERS, Map.of(), tenant, null, Map.of("status", "LOST")).status())
                .isEqualTo(400);
        sawEveryDeclaredSuccess(ApiContract.ATTENTION);
        sawEveryDeclaredSuccess(ApiContract.SHOPS);
        sawEveryDeclaredSuccess(ApiContract.LIST_ORDERS);
    }

    @Test
    void policies_nowAndAtAGivenTime() {
        Answer policies = call(ApiContract.POLICIES, Map.of(), null);
        assertThat(policies.get("packs")).isNotEmpty();
        JsonNode saudi = null;
        for (JsonNode calendar : policies.get("calendars")) {
            saudi = "SA".equals(calendar.get("site").asText()) ? calendar : saudi;
        }
        assertThat(saudi).isNotNull();
        assertThat(saudi.get("weekend")).extracting(JsonNode::asText).containsExactly("FRIDAY", "SATURDAY");
        assertThat(saudi.get("timeZone").asText()).isEqualTo("Asia/Riyadh");
        assertThat(saudi.get("coveredThrough").asText()).isEqualTo("2027-12-31");
        assertThat(call(ApiContract.POLICIES, Map.of(), TENANT, null, Map.of("at", "2024-11-12T00:00:00Z"))
                .get("at").asText()).isEqualTo("2024-11-12T00:00:00Z");
        assertThat(call(ApiContract.POLICIES, Map.of(), TENANT, null, Map.of("at", "yesterday")).status())
                .isEqualTo(400);
        sawEveryDeclaredSuccess(ApiContract.POLICIES);
    }
}
