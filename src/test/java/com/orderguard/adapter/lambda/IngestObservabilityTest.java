package com.orderguard.adapter.lambda;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderguard.adapter.marketplace.Payloads;
import com.orderguard.adapter.telemetry.EmfLines;
import com.orderguard.support.Events;
import com.orderguard.support.Events.Record;
import com.orderguard.support.JsonLog;
import com.orderguard.support.Profiles;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * What an operator sees of an SQS batch with the production log and metric settings: each message's lines carry
 * its SQS message id, tenant and order key; a buyer's name, phone and address in a marketplace payload, or in a
 * message that is not even JSON, never reach the log; failures are counted.
 */
@QuarkusTest
@TestProfile(Profiles.IngestObserved.class)
class IngestObservabilityTest {

    static final String TENANT = "tenant-observed";

    static String newId() {
        return "O" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    @Test
    void eachMessage_isLoggedUnderItsMessageId_withoutPersonalData_andFailuresAreCounted() {
        String orderId = newId();
        String eventId = newId();
        ObjectNode payload = Payloads.object("shopee", "ready-to-ship").put("order_sn", orderId);
        payload.putObject("recipient_address").put("name", "Nurul Huda").put("phone", "+60123334444")
                .put("full_address", "7 Lorong Kenari, Petaling Jaya").put("region", "MY");
        String good = "ok-" + UUID.randomUUID();
        String malformed = "bad-" + UUID.randomUUID();
        String duplicate = "dup-" + UUID.randomUUID();
        String batch = Events.sqs(List.of(
                new Record(good, Events.marketplace(eventId, TENANT, "2024-11-20T10:00:00Z", "shopee", "shop-1",
                        payload)),
                new Record(malformed, "{\"eventId\":\"e-1\",\"tenantId\":\"" + TENANT
                        + "\",\"buyerName\": Nurul Huda}"),
                new Record(duplicate, "{\"eventId\":\"e-2\",\"tenantId\":\"" + TENANT
                        + "\",\"tenantId\":\"someone-else\"}")));

        JsonNode[] response = new JsonNode[1];
        String stdout = JsonLog.stdout(() -> response[0] = Events.parse(given().contentType("application/json")
                .body(batch).post().then().statusCode(200).extract().asString()));

        assertThat(response[0].get("batchItemFailures").findValuesAsText("itemIdentifier"))
                .containsExactlyInAnyOrder(malformed, duplicate);
        List<JsonNode> lines = JsonLog.lines(Profiles.IngestObserved.LOG_FILE);
        assertThat(JsonLog.where(lines, "sqsMessageId", good)).isNotEmpty().allSatisfy(line -> {
            assertThat(line.at("/mdc/tenant").asText()).isEqualTo(TENANT);
            assertThat(line.at("/mdc/orderKey").asText()).isEqualTo("shopee.MY." + orderId);
            assertThat(line.at("/mdc/eventId").asText()).isEqualTo(eventId);
            assertThat(line.get("function").asText()).isEqualTo("ingest");
        });
        assertThat(JsonLog.where(lines, "sqsMessageId", malformed)).singleElement().satisfies(line -> {
            assertThat(line.get("level").asText()).isEqualTo("ERROR");
            assertThat(line.get("message").asText()).contains("not valid JSON");
        });
        assertThat(JsonLog.where(lines, "sqsMessageId", duplicate)).singleElement().satisfies(line -> {
            assertThat(line.get("message").asText()).contains("duplicate field");
            assertThat(line.at("/mdc/tenant").isMissingNode()).as("a message that names two tenants names none")
                    .isTrue();
        });
        assertThat(JsonLog.text(Profiles.IngestObserved.LOG_FILE))
                .doesNotContain("Nurul", "Huda", "+60123334444", "Lorong Kenari", "someone-else");

        assertThat(EmfLines.reporting(EmfLines.parse(stdout), "IngestFailures")).hasSize(2).allSatisfy(line -> {
            assertThat(line.get("Function").asText()).isEqualTo("ingest");
            assertThat(line.get("Reason").asText()).isEqualTo("INVALID_MESSAGE");
        });
    }
}
