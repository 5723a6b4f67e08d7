package com.orderguard.adapter.lambda;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderguard.support.Events;
import com.orderguard.support.LocalDynamo;
import com.orderguard.support.Orders;
import com.orderguard.support.Profiles;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Evaluate, record and resolve cancellation requests through the {@code api} function, against DynamoDB Local. */
@QuarkusTest
@TestProfile(Profiles.Api.class)
class CancellationApiTest {

    LocalDynamo dynamo;

    static JsonNode call(String routeKey, Map<String, String> path, String tenant, String body) {
        return Events.parse(given().contentType("application/json")
                .body(Events.api(routeKey, path, tenant, body)).post().then().statusCode(200).extract().asString());
    }

    static JsonNode body(JsonNode response) {
        return Events.parse(response.get("body").asText());
    }

    static String newId() {
        return "C" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    /** Stores a Shopee MY order (placed an hour ago) in {@code status} and returns its key. */
    static String storeOrder(String tenant, String status) {
        String id = newId();
        ObjectNode order = Orders.shopee(id, status);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        order.put("placedAt", now.minus(1, ChronoUnit.HOURS).toString());
        order.put("paidAt", now.minus(1, ChronoUnit.HOURS).toString());
        order.put("shipBy", now.plus(1, ChronoUnit.DAYS).toString());
        String key = "shopee.MY." + id;
        JsonNode put = call("PUT /v1/orders/{orderKey}", Map.of("orderKey", key), tenant, order.toString());
        assertThat(put.get("statusCode").asInt()).isEqualTo(200);
        return key;
    }

    static JsonNode request(String tenant, String key, String body) {
        return call("POST /v1/orders/{orderKey}/cancellation-requests", Map.of("orderKey", key), tenant, body);
    }

    static JsonNode resolve(String tenant, String key, String requestId, String body) {
        Map<String, String> path = new HashMap<>();
        path.put("orderKey", key);
        path.put("requestId", requestId);
        return call("POST /v1/orders/{orderKey}/cancellation-requests/{requestId}/resolution", path, tenant, body);
    }

    static int outboxItems(LocalDynamo dynamo) {
        return (int) dynamo.scan().stream().filter(item -> "OUTBOX".equals(item.get("type").s())).count();
    }

    @Test
    void evaluation_decidesByTheReference_andWritesNothing() {
        int before = dynamo.count();
        ObjectNode body = Events.JSON.createObjectNode();
        ObjectNode order = Orders.shopee("E1", "IN_TRANSIT");
        body.set("order", order);
        body.putObject("request").put("initiator", "BUYER").put("reason", "WRONG_ADDRESS")
                .put("requestedAt", "2024-12-01T10:00:00Z");

        JsonNode response = call("POST /v1/evaluations", Map.of(), "tenant-a", body.toString());

        assertThat(response.get("statusCode").asInt()).isEqualTo(200);
        JsonNode decision = body(response);
        assertThat(decision.get("outcome").asText()).isEqualTo("APPROVED");
        assertThat(decision.get("kind").asText()).isEqualTo("IN_TRANSIT_RETURN");
        assertThat(decision.get("countsAgainstSeller").asBoolean()).isFalse();
        assertThat(decision.get("respondBy").isNull()).isTrue();
        assertThat(decision.get("alternative").isNull()).isTrue();
        assertThat(decision.get("rules").findValuesAsText("id")).contains("shopee.my.in-transit-spx-instant");
        assertThat(decision.get("rules").get(0).get("pack").asText()).isEqualTo("shopee-MY@2024-11-13");
        assertThat(decision.get("basis").asText()).isEqualTo("SITE");
        assertThat(decision.get("rules").get(0).get("basis").asText()).isEqualTo("SITE");
        assertThat(decision.get("explanation").asText()).isNotBlank();
        assertThat(dynamo.count()).isEqualTo(before);
    }

    @Test
    void evaluation_usesThePackInForceAtRequestTime() {
        ObjectNode body = Events.JSON.createObjectNode();
        body.set("order", Orders.shopee("E2", "IN_TRANSIT"));
        body.putObject("request").put("initiator", "BUYER").put("reason", "WRONG_ADDRESS")
                .put("requestedAt", "2024-11-12T10:00:00Z");
        JsonNode decision = body(call("POST /v1/evaluations", Map.of(), "tenant-a", body.toString()));
        assertThat(decision.get("outcome").asText()).isEqualTo("REJECTED");
        assertThat(decision.get("rules").get(0).get("pack").asText()).isEqualTo("shopee-MY@2020-01-01");
    }

    @Test
    void invalidEvaluation_listsEveryInvalidField() {
        ObjectNode body = Events.JSON.createObjectNode();
        body.set("order", Orders.shopee("E3", "LOST"));
        body.putObject("request").put("initiator", "COURIER").put("via", "FAX");
        JsonNode response = call("POST /v1/evaluations", Map.of(), "tenant-a", body.toString());
        assertThat(response.get("statusCode").asInt()).isEqualTo(400);
        assertThat(body(response).get("errors").findValuesAsText("field")).containsExactlyInAnyOrder(
                "order.status", "request.initiator", "request.reason", "request.via");
    }

    @Test
    void evaluationForASiteWithoutPack_is422() {
        ObjectNode body = Events.JSON.createObjectNode();
        body.set("order", Orders.shopee("E4", "AWAITING_SHIPMENT").put("site", "ZZ"));
        body.putObject("request").put("initiator", "BUYER").put("reason", "CHANGE_OF_MIND");
        JsonNode response = call("POST /v1/evaluations", Map.of(), "tenant-a", body.toString());
        assertThat(response.get("statusCode").asInt()).isEqualTo(422);
        assertThat(body(response).get("detail").asText()).contains("shopee site ZZ is not supported");
    }

    @Test
    void recordedRequest_isDecidedOnce_andTheSameRequestIdReturnsTheFirstDecision() {
        String key = storeOrder("tenant-a", "SHIPMENT_ARRANGED");
        String requestBody = "{\"requestId\":\"req-1\",\"initiator\":\"BUYER\",\"reason\":\"CHANGE_OF_MIND\"}";
        int outboxBefore = outboxItems(dynamo);

        JsonNode first = request("tenant-a", key, requestBody);
        int items = dynamo.count();
        // the caller's hints of the order's buyer and shop are no part of the request: the same request replays
        JsonNode again = request("tenant-a", key, "{\"requestId\":\"req-1\",\"initiator\":\"BUYER\","
                + "\"reason\":\"CHANGE_OF_MIND\",\"buyerId\":\"b-123\",\"shopId\":\"shop-1\"}");

        assertThat(first.get("statusCode").asInt()).isEqualTo(201);
        JsonNode decision = body(first);
        assertThat(decision.get("requestId").asText()).isEqualTo("req-1");
        assertThat(decision.get("outcome").asText()).isEqualTo("PENDING_SELLER");
        assertThat(decision.get("ifNoResponse").asText()).isEqualTo("APPROVED");
        assertThat(decision.get("status").asText()).isEqualTo("PENDING");
        assertThat(again.get("statusCode").asInt()).isEqualTo(201);
        assertThat(body(again)).isEqualTo(decision);
        assertThat(dynamo.count()).isEqualTo(items);
        assertThat(outboxItems(dynamo)).isEqualTo(outboxBefore + 1);

        JsonNode view = body(call("GET /v1/orders/{orderKey}", Map.of("orderKey", key), "tenant-a", null));
        assertThat(view.get("cancellationRequests")).hasSize(1);
        assertThat(view.at("/deadlines/pendingRequest/requestId").asText()).isEqualTo("req-1");
        assertThat(view.at("/deadlines/nextDueAt").asText()).isNotEmpty();

        JsonNode reused = request("tenant-a", key,
                "{\"requestId\":\"req-1\",\"initiator\":\"BUYER\",\"reason\":\"WRONG_ADDRESS\"}");
        assertThat(reused.get("statusCode").asInt()).isEqualTo(409);
    }

    @Test
    void approvedRequest_cancelsTheOrder() {
        String key = storeOrder("tenant-a", "AWAITING_SHIPMENT");
        JsonNode response = request("tenant-a", key, "{\"initiator\":\"BUYER\",\"reason\":\"CHANGE_OF_MIND\"}");
        assertThat(body(response).get("outcome").asText()).isEqualTo("APPROVED");
        assertThat(body(response).get("requestId").asText()).startsWith("r-");
        JsonNode view = body(call("GET /v1/orders/{orderKey}", Map.of("orderKey", key), "tenant-a", null));
        assertThat(view.at("/order/status").asText()).isEqualTo("CANCELLED");
        assertThat(view.get("cancelledBy").asText()).isEqualTo(body(response).get("requestId").asText());
        assertThat(view.at("/deadlines/nextDueAt").isMissingNode()).isTrue();
    }

    @Test
    void sellerResolvesAPendingRequest_once() {
        String key = storeOrder("tenant-a", "SHIPMENT_ARRANGED");
        request("tenant-a", key, "{\"requestId\":\"p-1\",\"initiator\":\"BUYER\",\"reason\":\"CHANGE_OF_MIND\"}");

        JsonNode approved = resolve("tenant-a", key, "p-1", "{\"resolution\":\"APPROVE\",\"note\":\"ok\"}");
        JsonNode second = resolve("tenant-a", key, "p-1", "{\"resolution\":\"REJECT\"}");

        assertThat(approved.get("statusCode").asInt()).isEqualTo(200);
        assertThat(body(approved).get("status").asText()).isEqualTo("APPROVED");
        assertThat(body(approved).at("/resolution/by").asText()).isEqualTo("SELLER");
        assertThat(second.get("statusCode").asInt()).isEqualTo(409);
        JsonNode view = body(call("GET /v1/orders/{orderKey}", Map.of("orderKey", key), "tenant-a", null));
        assertThat(view.at("/order/status").asText()).isEqualTo("CANCELLED");
        assertThat(view.at("/deadlines/pendingRequest").isMissingNode()).isTrue();
    }

    @Test
    void rejectingAPendingRequest_keepsTheOrder() {
        String key = storeOrder("tenant-a", "SHIPMENT_ARRANGED");
        request("tenant-a", key, "{\"requestId\":\"p-2\",\"initiator\":\"BUYER\",\"reason\":\"CHANGE_OF_MIND\"}");
        JsonNode rejected = resolve("tenant-a", key, "p-2", "{\"resolution\":\"REJECT\"}");
        assertThat(body(rejected).get("status").asText()).isEqualTo("REJECTED");
        JsonNode view = body(call("GET /v1/orders/{orderKey}", Map.of("orderKey", key), "tenant-a", null));
        assertThat(view.at("/order/status").asText()).isEqualTo("SHIPMENT_ARRANGED");
    }

    @Test
    void invalidResolutions_are400_unknownRequests404_otherTenants404() {
        String key = storeOrder("tenant-a", "SHIPMENT_ARRANGED");
        request("tenant-a", key, "{\"requestId\":\"p-3\",\"initiator\":\"BUYER\",\"reason\":\"CHANGE_OF_MIND\"}");
        assertThat(resolve("tenant-a", key, "p-3", "{\"resolution\":\"MAYBE\"}").get("statusCode").asInt())
                .isEqualTo(400);
        assertThat(resolve("tenant-a", key, "nope", "{\"resolution\":\"APPROVE\"}").get("statusCode").asInt())
                .isEqualTo(404);
        assertThat(resolve("tenant-b", key, "p-3", "{\"resolution\":\"APPROVE\"}").get("statusCode").asInt())
                .isEqualTo(404);
        assertThat(request("tenant-b", key, "{\"initiator\":\"BUYER\",\"reason\":\"CHANGE_OF_MIND\"}")
                .get("statusCode").asInt()).isEqualTo(404);
    }

    @Test
    void invalidRequest_is400_andWritesNothing() {
        String key = storeOrder("tenant-a", "SHIPMENT_ARRANGED");
        int before = dynamo.count();
        JsonNode response = request("tenant-a", key, "{\"requestId\":\"bad id!\",\"initiator\":\"BUYER\","
                + "\"reason\":\"BORED\",\"requestedAt\":\"2099-01-01T00:00:00Z\",\"shopId\":\"shop 1\","
                + "\"buyerId\":5}");
        assertThat(response.get("statusCode").asInt()).isEqualTo(400);
        assertThat(body(response).get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("requestId", "reason", "requestedAt", "shopId", "buyerId");
        assertThat(dynamo.count()).isEqualTo(before);
    }

    @Test
    void policies_listEveryResolvedPack_itsChain_andWhichIsInForce() {
        JsonNode response = call("GET /v1/policies", Map.of(), "tenant-a", null);
        assertThat(response.get("statusCode").asInt()).isEqualTo(200);
        JsonNode packs = body(response).get("packs");
        assertThat(packs.findValuesAsText("ref")).contains("shopee-MY@2020-01-01", "shopee-MY@2024-11-13",
                "amazon-IN@2020-09-30", "ozon-RU-RFBS@2020-01-01", "tiktok-TH@2020-01-01");
        for (JsonNode pack : packs) {
            boolean expected = !Set.of("shopee-MY@2020-01-01", "shopee-SG@2020-01-01", "shopee-TH@2020-01-01",
                    "shopee-BR@2020-01-01", "tiktok-VN@2020-01-01", "tiktok-ID@2020-01-01")
                    .contains(pack.get("ref").asText());
            assertThat(pack.get("inForce").asBoolean()).as(pack.get("ref").asText()).isEqualTo(expected);
            if (pack.get("ref").asText().equals("shopee-MY@2024-11-13")) {
                assertThat(pack.get("chain")).extracting(JsonNode::asText)
                        .containsExactly("shopee-MY@2024-11-13", "shopee-MY@2020-01-01", "shopee@2020-01-01");
            }
        }
        assertThat(packs.findValuesAsText("ref")).doesNotContain("shopee@2020-01-01");
        ObjectNode event = (ObjectNode) Events.parse(Events.api("GET /v1/policies", Map.of(), "tenant-a", null));
        event.putObject("queryStringParameters").put("at", "2024-01-01T00:00:00Z");
        JsonNode then = body(Events.parse(given().contentType("application/json").body(event.toString()).post()
                .then().statusCode(200).extract().asString()));
        for (JsonNode pack : then.get("packs")) {
            if (pack.get("ref").asText().equals("shopee-MY@2020-01-01")) {
                assertThat(pack.get("inForce").asBoolean()).isTrue();
            }
        }
    }

    static JsonNode post(String file) throws Exception {
        return Events.parse(given().contentType("application/json")
                .body(java.nio.file.Files.readString(java.nio.file.Path.of("events", file))).post()
                .then().statusCode(200).extract().asString());
    }

    @Test
    void sampleEventsOfTheReadme_evaluateRequestAndListPolicies() throws Exception {
        JsonNode evaluation = post("api-evaluate.json");
        assertThat(body(evaluation).get("kind").asText()).isEqualTo("IN_TRANSIT_RETURN");

        post("api-put-order.json");
        JsonNode address = post("api-request-address-change.json");
        assertThat(address.get("statusCode").asInt()).isEqualTo(201);
        assertThat(body(address).get("kind").asText()).isEqualTo("ADDRESS_UPDATE");
        JsonNode recorded = post("api-request-cancellation.json");
        assertThat(recorded.get("statusCode").asInt()).isEqualTo(201);
        assertThat(body(recorded).get("requestId").asText()).isEqualTo("req-local-1");

        assertThat(body(post("api-policies.json")).get("packs").size()).isGreaterThan(10);
        assertThat(body(post("api-shop-health.json")).get("pack").asText()).startsWith("shopee-MY@");
    }
}
