package com.orderguard.adapter.lambda;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderguard.adapter.lambda.http.ApiContract;
import com.orderguard.adapter.telemetry.EmfLines;
import com.orderguard.support.Events;
import com.orderguard.support.JsonLog;
import com.orderguard.support.Profiles;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * What an operator sees of one API call with the production log and metric settings: JSON log lines carrying the
 * call's correlation fields and no personal data, and an EMF line counting the decision.
 */
@QuarkusTest
@TestProfile(Profiles.ApiObserved.class)
class ApiObservabilityTest {

    static final String TENANT = "tenant-observed";
    /** Personal data a buyer might put in a request note; it must never reach the log. */
    static final String NOTE = "Siti Aminah, 12 Jalan Ampang, call +60129876543";

    /** Posts an API event with this request id and returns the function's response. */
    static JsonNode call(String requestId, String routeKey, Map<String, String> path, String body) {
        ObjectNode event = (ObjectNode) Events.parse(Events.api(routeKey, path, TENANT, body));
        ((ObjectNode) event.get("requestContext")).put("requestId", requestId);
        return Events.parse(given().contentType("application/json").body(event.toString()).post()
                .then().statusCode(200).extract().asString());
    }

    @Test
    void aRecordedDecision_isLoggedWithItsCorrelationFields_withoutTheNote_andCountedAsAMetric() {
        String key = CancellationApiTest.storeOrder(TENANT, "AWAITING_SHIPMENT");
        String requestId = "req-" + UUID.randomUUID();
        String body = Events.JSON.createObjectNode().put("initiator", "BUYER").put("reason", "CHANGE_OF_MIND")
                .put("note", NOTE).toString();

        JsonNode[] response = new JsonNode[1];
        String stdout = JsonLog.stdout(() -> response[0] = call(requestId, ApiContract.REQUEST_CANCELLATION,
                Map.of("orderKey", key), body));

        assertThat(response[0].get("statusCode").asInt()).isEqualTo(201);
        List<JsonNode> lines = JsonLog.lines(Profiles.ApiObserved.LOG_FILE);
        List<JsonNode> call = JsonLog.where(lines, "requestId", requestId);
        assertThat(call).isNotEmpty().allSatisfy(line -> {
            assertThat(line.at("/mdc/tenant").asText()).isEqualTo(TENANT);
            assertThat(line.at("/mdc/orderKey").asText()).isEqualTo(key);
            assertThat(line.at("/mdc/route").asText()).isEqualTo(ApiContract.REQUEST_CANCELLATION);
            assertThat(line.get("function").asText()).isEqualTo("api");
            assertThat(line.has("timestamp") && line.has("level") && line.has("loggerName")).isTrue();
            assertThat(line.has("hostName") || line.has("processId") || line.has("sequence")).isFalse();
        });
        assertThat(call).anySatisfy(line -> assertThat(line.get("message").asText()).startsWith("answered 201"));
        String log = JsonLog.text(Profiles.ApiObserved.LOG_FILE);
        assertThat(log).doesNotContain("Siti", "Jalan Ampang", "+60129876543", "CHANGE_OF_MIND\",\"note");

        String outcome = Events.parse(response[0].get("body").asText()).get("outcome").asText();
        assertThat(EmfLines.reporting(EmfLines.parse(stdout), "Decisions")).singleElement().satisfies(line -> {
            assertThat(line.get("Function").asText()).isEqualTo("api");
            assertThat(line.get("Marketplace").asText()).isEqualTo("shopee");
            assertThat(line.get("Outcome").asText()).isEqualTo(outcome);
            assertThat(line.get("Decisions").asInt()).isEqualTo(1);
        });
    }

    @Test
    void theNextCallOnTheSameThread_carriesNoneOfThePreviousCallsFields() {
        String key = CancellationApiTest.storeOrder(TENANT, "AWAITING_SHIPMENT");
        String first = "req-" + UUID.randomUUID();
        call(first, ApiContract.GET_ORDER, Map.of("orderKey", key), null);
        String second = "req-" + UUID.randomUUID();
        call(second, ApiContract.POLICIES, Map.of(), null);

        List<JsonNode> lines = JsonLog.lines(Profiles.ApiObserved.LOG_FILE);
        assertThat(JsonLog.where(lines, "requestId", first)).isNotEmpty()
                .allSatisfy(line -> assertThat(line.at("/mdc/orderKey").asText()).isEqualTo(key));
        assertThat(JsonLog.where(lines, "requestId", second)).isNotEmpty().allSatisfy(line -> {
            assertThat(line.at("/mdc/orderKey").isMissingNode()).as("orderKey of the previous call").isTrue();
            assertThat(line.at("/mdc/route").asText()).isEqualTo(ApiContract.POLICIES);
        });
        assertThat(lines).filteredOn(line -> line.path("mdc").path("orderKey").asText("").equals(key))
                .allSatisfy(line -> assertThat(line.at("/mdc/requestId").asText()).isNotEqualTo(second));
    }

    @Test
    void aCallWithoutTenant_isLoggedWithItsRequestId_only() {
        String requestId = "req-" + UUID.randomUUID();
        ObjectNode event = (ObjectNode) Events.parse(Events.api(ApiContract.POLICIES, Map.of(), null, null));
        ((ObjectNode) event.get("requestContext")).put("requestId", requestId);
        given().contentType("application/json").body(event.toString()).post().then().statusCode(200);

        assertThat(JsonLog.where(JsonLog.lines(Profiles.ApiObserved.LOG_FILE), "requestId", requestId))
                .singleElement().satisfies(line -> {
                    assertThat(line.get("message").asText()).startsWith("answered 401");
                    assertThat(line.at("/mdc/tenant").isMissingNode()).isTrue();
                });
    }
}
