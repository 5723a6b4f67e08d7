package com.orderguard.adapter.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderguard.adapter.lambda.queue.MessageHandler;
import com.orderguard.support.Events;
import com.orderguard.support.Orders;
import com.orderguard.support.Profiles;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Address-change requests through the api function and the queue, and the order's after-sales timeline. */
@QuarkusTest
@TestProfile(Profiles.Api.class)
class AddressChangeApiTest {

    static final String ROUTE = "POST /v1/orders/{orderKey}/address-change-requests";
    static final String RESOLVE = "POST /v1/orders/{orderKey}/address-change-requests/{requestId}/resolution";

    @Inject
    MessageHandler ingest;

    static JsonNode ask(String key, String body) {
        return CancellationApiTest.call(ROUTE, Map.of("orderKey", key), "tenant-a", body);
    }

    static JsonNode resolve(String route, String key, String requestId, String body) {
        Map<String, String> path = new HashMap<>();
        path.put("orderKey", key);
        path.put("requestId", requestId);
        return CancellationApiTest.call(route, path, "tenant-a", body);
    }

    @Test
    void beforeShipment_theAddressIsSimplyUpdated_andTheSameRequestReplays() {
        String key = CancellationApiTest.storeOrder("tenant-a", "AWAITING_SHIPMENT");
        JsonNode first = ask(key, "{\"requestId\":\"addr-1\",\"initiator\":\"BUYER\",\"note\":\"typo in street\"}");
        JsonNode again = ask(key, "{\"requestId\":\"addr-1\",\"initiator\":\"BUYER\",\"note\":\"typo in street\"}");

        assertThat(first.get("statusCode").asInt()).isEqualTo(201);
        JsonNode decision = CancellationApiTest.body(first);
        assertThat(decision.get("kind").asText()).isEqualTo("ADDRESS_UPDATE");
        assertThat(decision.get("outcome").asText()).isEqualTo("APPROVED");
        assertThat(decision.get("requestType").asText()).isEqualTo("ADDRESS_CHANGE");
        assertThat(decision.get("actions").toString()).contains("UPDATE_ADDRESS");
        assertThat(CancellationApiTest.body(again)).isEqualTo(decision);

        JsonNode view = CancellationApiTest.body(CancellationApiTest.call("GET /v1/orders/{orderKey}",
                Map.of("orderKey", key), "tenant-a", null));
        assertThat(view.get("addressChangeRequests")).hasSize(1);
        assertThat(view.get("cancellationRequests")).isEmpty();
        assertThat(view.at("/order/status").asText()).isEqualTo("AWAITING_SHIPMENT");
    }

    @Test
    void inTransitWithAnotherCarrier_theSellerDecidesOnAnIntercept_andRecordsWhatWasDone() {
        String id = "AC" + System.nanoTime();
        ObjectNode order = Orders.shopee(id, "IN_TRANSIT").put("carrier", "J_AND_T");
        String key = "shopee.MY." + id;
        CancellationApiTest.call("PUT /v1/orders/{orderKey}", Map.of("orderKey", key), "tenant-a", order.toString());

        JsonNode decision = CancellationApiTest.body(ask(key, "{\"requestId\":\"addr-2\",\"initiator\":\"BUYER\"}"));
        assertThat(decision.get("kind").asText()).isEqualTo("INTERCEPT_AND_RESHIP");
        assertThat(decision.get("outcome").asText()).isEqualTo("PENDING_SELLER");
        assertThat(decision.get("costs").get(0).get("borneBy").asText()).isEqualTo("SELLER");

        JsonNode wrongRoute = resolve("POST /v1/orders/{orderKey}/cancellation-requests/{requestId}/resolution", key,
                "addr-2", "{\"resolution\":\"APPROVE\"}");
        assertThat(wrongRoute.get("statusCode").asInt()).isEqualTo(404);
        JsonNode done = resolve(RESOLVE, key, "addr-2", "{\"resolution\":\"APPROVE\",\"note\":\"intercepted\"}");
        assertThat(done.get("statusCode").asInt()).isEqualTo(200);
        assertThat(CancellationApiTest.body(done).get("status").asText()).isEqualTo("APPROVED");
        assertThat(resolve(RESOLVE, key, "addr-2", "{\"resolution\":\"REJECT\"}").get("statusCode").asInt())
                .isEqualTo(409);

        JsonNode view = CancellationApiTest.body(CancellationApiTest.call("GET /v1/orders/{orderKey}",
                Map.of("orderKey", key), "tenant-a", null));
        assertThat(view.at("/order/status").asText()).isEqualTo("IN_TRANSIT");
        assertThat(view.get("timeline").findValuesAsText("kind"))
                .containsExactly("ADDRESS_CHANGE_DECIDED", "ADDRESS_CHANGE_RESOLVED");
    }

    @Test
    void theTimeline_listsEveryAfterSalesStep_newestLast() {
        String key = CancellationApiTest.storeOrder("tenant-a", "SHIPMENT_ARRANGED");
        ask(key, "{\"requestId\":\"t-addr\",\"initiator\":\"BUYER\"}");
        CancellationApiTest.request("tenant-a", key, "{\"requestId\":\"t-cancel\",\"initiator\":\"BUYER\","
                + "\"reason\":\"CHANGE_OF_MIND\"}");
        CancellationApiTest.resolve("tenant-a", key, "t-cancel", "{\"resolution\":\"APPROVE\"}");

        JsonNode timeline = CancellationApiTest.body(CancellationApiTest.call("GET /v1/orders/{orderKey}",
                Map.of("orderKey", key), "tenant-a", null)).get("timeline");
        assertThat(timeline.findValuesAsText("kind")).containsExactly("ADDRESS_CHANGE_DECIDED",
                "CANCELLATION_DECIDED", "CANCELLATION_RESOLVED");
        assertThat(timeline.findValuesAsText("requestId")).containsExactly("t-addr", "t-cancel", "t-cancel");
    }

    @Test
    void anAddressChangeMessage_isDecidedOnce() {
        String id = "AQ" + System.nanoTime();
        ObjectNode message = (ObjectNode) Events.parse(Events.snapshot("evt-" + id, "tenant-a",
                "2024-12-01T10:00:00Z", Orders.shopee(id, "IN_TRANSIT")));
        message.put("type", "ADDRESS_CHANGE_REQUESTED");
        message.putObject("request").put("initiator", "BUYER");
        ingest.handle(message);
        ingest.handle(message);
        JsonNode view = CancellationApiTest.body(CancellationApiTest.call("GET /v1/orders/{orderKey}",
                Map.of("orderKey", "shopee.MY." + id), "tenant-a", null));
        assertThat(view.get("addressChangeRequests")).singleElement()
                .satisfies(r -> assertThat(r.get("kind").asText()).isEqualTo("CANCEL_AND_REORDER"));
    }

    @Test
    void anInvalidAddressChange_is400() {
        String key = CancellationApiTest.storeOrder("tenant-a", "AWAITING_SHIPMENT");
        JsonNode response = ask(key, "{\"initiator\":\"COURIER\",\"address\":\"1 Main St\"}");
        assertThat(response.get("statusCode").asInt()).isEqualTo(400);
        assertThat(CancellationApiTest.body(response).get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("initiator", "address");
    }
}
