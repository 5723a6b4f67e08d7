package com.orderguard.adapter.lambda;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderguard.support.Events;
import com.orderguard.support.Orders;
import com.orderguard.support.Profiles;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

import com.orderguard.application.OrderSnapshots;
import com.orderguard.application.SnapshotSource;
import com.orderguard.adapter.json.OrderJson;
import com.orderguard.domain.FieldErrors;
import com.orderguard.domain.OrderValidator;
import com.orderguard.domain.TenantId;

/** The {@code sweep} function pages through the due-time index and reports what is due. */
@QuarkusTest
@TestProfile(Profiles.Sweep.class)
class SweepFunctionTest {

    @Inject
    OrderSnapshots snapshots;

    void store(String tenant, String status, Instant shipBy) {
        String id = "S" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        var json = Orders.shopee(id, status).put("shipBy", shipBy.toString());
        var order = OrderValidator.validate(OrderJson.read(json, "", new FieldErrors()), "").valueOrNull();
        snapshots.apply(new TenantId(tenant), order, new SnapshotSource(id, Instant.now(), "test"), Instant.now());
    }

    static JsonNode sweep() {
        String event = "{\"id\":\"run-" + UUID.randomUUID() + "\",\"detail-type\":\"Scheduled Event\","
                + "\"source\":\"aws.scheduler\",\"time\":\"" + Instant.now() + "\"}";
        return Events.parse(given().contentType("application/json").body(event)
                .post().then().statusCode(200).extract().asString());
    }

    @Test
    void sweep_countsOrdersWhoseShipByHasPassed_acrossAllShards() {
        int before = sweep().findValues("examined").stream().mapToInt(JsonNode::asInt).sum();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < 40; i++) {
            store("tenant-" + (i % 3), "AWAITING_SHIPMENT", now.minus(1 + i, ChronoUnit.HOURS));
        }
        for (int i = 0; i < 10; i++) {
            store("tenant-a", "SHIPMENT_ARRANGED", now.plus(1 + i, ChronoUnit.HOURS));
            store("tenant-a", "IN_TRANSIT", now.minus(1 + i, ChronoUnit.HOURS));
        }

        JsonNode report = sweep();

        assertThat(report.get("complete").asBoolean()).isTrue();
        assertThat(report.get("shards")).hasSize(16);
        int examined = 0;
        long shardsUsed = 0;
        for (JsonNode shard : report.get("shards")) {
            examined += shard.get("examined").asInt();
            shardsUsed += shard.get("examined").asInt() > 0 ? 1 : 0;
        }
        assertThat(examined - before).isEqualTo(40);
        assertThat(shardsUsed).isGreaterThan(4);
    }

    @Test
    void sampleScheduleEventOfTheReadme_returnsAReport() throws Exception {
        String event = java.nio.file.Files.readString(java.nio.file.Path.of("events/schedule.json"));
        JsonNode report = Events.parse(given().contentType("application/json").body(event).post()
                .then().statusCode(200).extract().asString());
        assertThat(report.get("runId").asText()).isEqualTo("local-sweep-1");
        assertThat(report.get("shards")).hasSize(16);
    }
}
