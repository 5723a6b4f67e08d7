package com.orderguard.adapter.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderguard.support.LocalDynamo;
import com.orderguard.support.Profiles;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@code PUT} / {@code DELETE /v1/orders/{orderKey}/auto-cancel-hold} and the deadlines of the order view. */
@QuarkusTest
@TestProfile(Profiles.Api.class)
class HoldApiTest {

    static final String HOLD = "PUT /v1/orders/{orderKey}/auto-cancel-hold";
    static final String LIFT = "DELETE /v1/orders/{orderKey}/auto-cancel-hold";

    LocalDynamo dynamo;

    @Test
    void aHold_isShownOnTheOrder_movesItsNextDueTime_andCanBeLifted() {
        String key = CancellationApiTest.storeOrder("tenant-a", "AWAITING_SHIPMENT");
        Instant until = Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

        JsonNode held = CancellationApiTest.call(HOLD, Map.of("orderKey", key), "tenant-a",
                "{\"until\":\"" + until + "\",\"note\":\"courier strike\"}");

        assertThat(held.get("statusCode").asInt()).isEqualTo(200);
        JsonNode view = CancellationApiTest.body(held);
        assertThat(view.at("/deadlines/autoCancelHold/until").asText()).isEqualTo(until.toString());
        assertThat(view.at("/deadlines/autoCancelHold/by").asText()).isEqualTo("tenant-a");
        assertThat(view.at("/deadlines/autoCancelHold/note").asText()).isEqualTo("courier strike");
        assertThat(view.at("/deadlines/shipBy").asText()).isNotEmpty();
        assertThat(view.get("history").findValuesAsText("kind")).contains("AUTO_CANCEL_HOLD");

        JsonNode lifted = CancellationApiTest.body(CancellationApiTest.call(LIFT, Map.of("orderKey", key),
                "tenant-a", null));
        assertThat(lifted.at("/deadlines/autoCancelHold").isMissingNode()).isTrue();
        assertThat(lifted.get("history").findValuesAsText("kind")).contains("AUTO_CANCEL_HOLD_LIFTED");
    }

    @Test
    void anInvalidHold_is400_andAnotherTenantsOrder404() {
        String key = CancellationApiTest.storeOrder("tenant-a", "AWAITING_SHIPMENT");
        int before = dynamo.count();
        JsonNode past = CancellationApiTest.call(HOLD, Map.of("orderKey", key), "tenant-a",
                "{\"until\":\"2020-01-01T00:00:00Z\",\"reason\":\"x\"}");
        assertThat(past.get("statusCode").asInt()).isEqualTo(400);
        assertThat(CancellationApiTest.body(past).get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("until", "reason");
        JsonNode other = CancellationApiTest.call(HOLD, Map.of("orderKey", key), "tenant-b",
                "{\"until\":\"" + Instant.now().plus(1, ChronoUnit.DAYS) + "\"}");
        assertThat(other.get("statusCode").asInt()).isEqualTo(404);
        assertThat(dynamo.count()).isEqualTo(before);
    }

    @Test
    void theOrderView_showsTheComputedShipBy_whenTheOrderGivesNone() {
        var order = com.orderguard.support.Orders.shopee("H" + System.nanoTime(), "AWAITING_SHIPMENT");
        order.remove("shipBy");
        order.put("paidAt", "2026-08-28T12:00:00Z");
        order.put("placedAt", "2026-08-28T11:00:00Z");
        String key = "shopee.MY." + order.get("orderId").asText();
        JsonNode view = CancellationApiTest.body(CancellationApiTest.call("PUT /v1/orders/{orderKey}",
                Map.of("orderKey", key), "tenant-a", order.toString()));
        assertThat(view.at("/deadlines/shipBy").asText()).isEqualTo("2026-09-01T15:59:59Z");
        assertThat(view.at("/deadlines/shipBySource").asText()).isEqualTo("POLICY");
        assertThat(view.at("/deadlines/autoCancelAt").asText()).isEqualTo("2026-09-04T15:59:59Z");
        assertThat(view.at("/order/shipBy").isMissingNode()).isTrue();
    }
}
