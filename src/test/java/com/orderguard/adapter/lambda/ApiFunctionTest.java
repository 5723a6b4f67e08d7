package com.orderguard.adapter.lambda;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
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

/** The {@code api} function through Quarkus' Lambda mock event server, against DynamoDB Local. */
@QuarkusTest
@TestProfile(Profiles.Api.class)
class ApiFunctionTest {

    static final String PUT = "PUT /v1/orders/{orderKey}";
    static final String GET = "GET /v1/orders/{orderKey}";

    LocalDynamo dynamo;

    /** Invokes the function with an API event and returns its {statusCode, headers, body} response. */
    static JsonNode invoke(String routeKey, String orderKey, String tenant, String body) {
        String response = given().contentType("application/json")
                .body(Events.api(routeKey, Map.of("orderKey", orderKey), tenant, body))
                .post().then().statusCode(200).extract().asString();
        return Events.parse(response);
    }

    static JsonNode body(JsonNode response) {
        return Events.parse(response.get("body").asText());
    }

    static String newId() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    @Test
    void put_storesTheOrder_andGetReturnsTheOrderView() {
        String id = newId();
        String key = "shopee.MY." + id;
        JsonNode put = invoke(PUT, key, "tenant-a", Orders.shopee(id, "AWAITING_SHIPMENT").toString());

        assertThat(put.get("statusCode").asInt()).isEqualTo(200);
        JsonNode view = body(put);
        assertThat(view.get("orderKey").asText()).isEqualTo(key);
        assertThat(view.get("version").asLong()).isEqualTo(1);
        assertThat(view.at("/order/status").asText()).isEqualTo("AWAITING_SHIPMENT");
        assertThat(view.at("/order/items/0/unitPrice").asText()).isEqualTo("59.90");
        assertThat(view.at("/deadlines/shipBy").asText()).isEqualTo("2024-11-22T09:35:00Z");
        assertThat(view.get("history")).hasSize(1);

        JsonNode get = invoke(GET, key, "tenant-a", null);
        assertThat(get.get("statusCode").asInt()).isEqualTo(200);
        assertThat(get.at("/headers/content-type").asText()).isEqualTo("application/json");
        assertThat(body(get).get("order")).isEqualTo(view.get("order"));
    }

    @Test
    void put_takesTheKeyFromThePath_whenTheBodyLeavesItOut() {
        String id = newId();
        ObjectNode order = Orders.shopee(id, "AWAITING_SHIPMENT");
        order.remove("marketplace");
        order.remove("site");
        order.remove("orderId");
        JsonNode put = invoke(PUT, "shopee.MY." + id, "tenant-a", order.toString());
        assertThat(put.get("statusCode").asInt()).isEqualTo(200);
        assertThat(body(put).at("/order/orderId").asText()).isEqualTo(id);
    }

    @Test
    void put_updatesTheOrder_andBumpsTheVersion() {
        String id = newId();
        String key = "shopee.MY." + id;
        invoke(PUT, key, "tenant-a", Orders.shopee(id, "AWAITING_SHIPMENT").toString());
        JsonNode second = body(invoke(PUT, key, "tenant-a", Orders.shopee(id, "SHIPMENT_ARRANGED").toString()));
        assertThat(second.get("version").asLong()).isEqualTo(2);
        assertThat(second.at("/order/status").asText()).isEqualTo("SHIPMENT_ARRANGED");
        assertThat(second.get("history")).hasSize(2);
    }

    @Test
    void get_ofAnotherTenantsOrder_is404() {
        String id = newId();
        String key = "shopee.MY." + id;
        invoke(PUT, key, "tenant-a", Orders.shopee(id, "AWAITING_SHIPMENT").toString());

        JsonNode other = invoke(GET, key, "tenant-b", null);
        assertThat(other.get("statusCode").asInt()).isEqualTo(404);
        assertThat(other.at("/headers/content-type").asText()).isEqualTo("application/problem+json");
        assertThat(body(other).get("status").asInt()).isEqualTo(404);
    }

    @Test
    void put_intoAnotherTenantsOrderKey_createsASeparateOrder() {
        String id = newId();
        String key = "shopee.MY." + id;
        invoke(PUT, key, "tenant-a", Orders.shopee(id, "AWAITING_SHIPMENT").toString());
        invoke(PUT, key, "tenant-b", Orders.shopee(id, "CANCELLED").toString());

        assertThat(body(invoke(GET, key, "tenant-a", null)).at("/order/status").asText())
                .isEqualTo("AWAITING_SHIPMENT");
        assertThat(body(invoke(GET, key, "tenant-b", null)).at("/order/status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void requestWithoutTenantClaim_is401_andWritesNothing() {
        int before = dynamo.count();
        String id = newId();
        JsonNode response = invoke(PUT, "shopee.MY." + id, null, Orders.shopee(id, "UNPAID").toString());
        assertThat(response.get("statusCode").asInt()).isEqualTo(401);
        assertThat(dynamo.count()).isEqualTo(before);
    }

    @Test
    void invalidBody_is400_listingEveryInvalidField_andWritesNothing() {
        int before = dynamo.count();
        String id = newId();
        ObjectNode order = Orders.shopee(id, "SHIPPED_SOMEHOW");
        order.put("paidAt", "yesterday");
        order.put("site", "SG");
        order.put("tenantId", "tenant-b");
        ((ObjectNode) order.get("items").get(0)).put("quantity", 0);
        ((ObjectNode) order.get("items").get(0)).putArray("attributes").add("FRAGILE");

        JsonNode response = invoke(PUT, "shopee.MY." + id, "tenant-a", order.toString());

        assertThat(response.get("statusCode").asInt()).isEqualTo(400);
        assertThat(response.at("/headers/content-type").asText()).isEqualTo("application/problem+json");
        JsonNode problem = body(response);
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("errors").findValuesAsText("field")).containsExactlyInAnyOrder(
                "status", "paidAt", "site", "tenantId", "items[0].quantity", "items[0].attributes[0]");
        assertThat(dynamo.count()).isEqualTo(before);
    }

    @Test
    void malformedJson_is400_andWritesNothing() {
        int before = dynamo.count();
        JsonNode response = invoke(PUT, "shopee.MY." + newId(), "tenant-a", "{\"status\": \"UNPAID\",");
        assertThat(response.get("statusCode").asInt()).isEqualTo(400);
        assertThat(body(response).get("detail").asText()).startsWith("the body is not valid JSON");
        assertThat(dynamo.count()).isEqualTo(before);
    }

    @Test
    void duplicateKeysInTheBody_are400() {
        String id = newId();
        String body = "{\"status\":\"UNPAID\",\"status\":\"CANCELLED\",\"shopId\":\"s\"}";
        JsonNode response = invoke(PUT, "shopee.MY." + id, "tenant-a", body);
        assertThat(response.get("statusCode").asInt()).isEqualTo(400);
    }

    @Test
    void bodyOver256KiB_is413_andWritesNothing() {
        int before = dynamo.count();
        String id = newId();
        ObjectNode order = Orders.shopee(id, "AWAITING_SHIPMENT");
        order.put("trackingNumber", "x".repeat(256 * 1024));
        JsonNode response = invoke(PUT, "shopee.MY." + id, "tenant-a", order.toString());
        assertThat(response.get("statusCode").asInt()).isEqualTo(413);
        assertThat(dynamo.count()).isEqualTo(before);
    }

    @Test
    void invalidOrderKey_is400_namingThePathParameter() {
        JsonNode response = invoke(GET, "ebay.MY.123", "tenant-a", null);
        assertThat(response.get("statusCode").asInt()).isEqualTo(400);
        assertThat(body(response).get("errors").findValuesAsText("field")).containsExactly("orderKey");
    }

    @Test
    void unknownOrder_is404() {
        JsonNode response = invoke(GET, "amazon.US.114-1234567-" + System.nanoTime() % 10_000_000, "tenant-a", null);
        assertThat(response.get("statusCode").asInt()).isEqualTo(404);
    }

    @Test
    void sampleEventsOfTheReadme_putThenGetTheOrder() throws Exception {
        String put = java.nio.file.Files.readString(java.nio.file.Path.of("events/api-put-order.json"));
        String get = java.nio.file.Files.readString(java.nio.file.Path.of("events/api-get-order.json"));
        JsonNode stored = Events.parse(given().contentType("application/json").body(put).post()
                .then().statusCode(200).extract().asString());
        assertThat(stored.get("statusCode").asInt()).isEqualTo(200);
        JsonNode read = Events.parse(given().contentType("application/json").body(get).post()
                .then().statusCode(200).extract().asString());
        assertThat(body(read).get("orderKey").asText()).isEqualTo("shopee.MY.241113ABCDEF");
        assertThat(body(read).at("/order/status").asText()).isEqualTo("AWAITING_SHIPMENT");
    }

    @Test
    void eventWithoutRouteKey_isRoutedByMethodAndPath() {
        String id = newId();
        ObjectNode event = (ObjectNode) Events.parse(Events.api(PUT, Map.of("orderKey", "shopee.MY." + id),
                "tenant-a", Orders.shopee(id, "UNPAID").toString()));
        event.put("routeKey", "$default");
        event.remove("pathParameters");
        JsonNode response = Events.parse(given().contentType("application/json").body(event.toString())
                .post().then().statusCode(200).extract().asString());
        assertThat(response.get("statusCode").asInt()).isEqualTo(200);
        assertThat(body(response).at("/order/orderId").asText()).isEqualTo(id);
    }
}
