package com.orderguard.adapter.lambda;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderguard.support.Events;
import com.orderguard.support.Events.Record;
import com.orderguard.support.LocalDynamo;
import com.orderguard.support.Orders;
import com.orderguard.support.Profiles;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The {@code ingest} function: SQS batches through the mock event server, against DynamoDB Local. */
@QuarkusTest
@TestProfile(Profiles.Ingest.class)
class IngestFunctionTest {

    LocalDynamo dynamo;

    static JsonNode send(List<Record> records) {
        return Events.parse(given().contentType("application/json").body(Events.sqs(records))
                .post().then().statusCode(200).extract().asString());
    }

    static List<String> failures(JsonNode response) {
        return response.get("batchItemFailures").findValuesAsText("itemIdentifier");
    }

    static String newId() {
        return "I" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    /** The stored ORDER item of {@code tenant}'s order, read straight from the table. */
    Map<String, AttributeValue> stored(String tenant, String orderKey) {
        return dynamo.client().getItem(r -> r.tableName(dynamo.table()).consistentRead(true).key(Map.of(
                "pk", AttributeValue.fromS("T#" + tenant + "#O#" + orderKey),
                "sk", AttributeValue.fromS("ORDER")))).item();
    }

    @Test
    void malformedMessageInABatchOfThree_failsAlone() {
        String a = newId();
        String b = newId();
        JsonNode response = send(List.of(
                new Record("m-1", Events.snapshot(newId(), "tenant-a", "2024-11-20T10:00:00Z",
                        Orders.shopee(a, "AWAITING_SHIPMENT"))),
                new Record("m-2", "{\"eventId\": \"broken\", \"type\": "),
                new Record("m-3", Events.snapshot(newId(), "tenant-a", "2024-11-20T10:00:00Z",
                        Orders.shopee(b, "AWAITING_SHIPMENT")))));

        assertThat(failures(response)).containsExactly("m-2");
        assertThat(stored("tenant-a", "shopee.MY." + a)).isNotEmpty();
        assertThat(stored("tenant-a", "shopee.MY." + b)).isNotEmpty();
    }

    @Test
    void invalidFieldsAndUnknownTypes_failTheirMessageOnly_andWriteNothing() {
        int before = dynamo.count();
        String id = newId();
        var badOrder = Orders.shopee(id, "AWAITING_SHIPMENT").put("status", "LOST");
        JsonNode response = send(List.of(
                new Record("bad-order", Events.snapshot(newId(), "tenant-a", "2024-11-20T10:00:00Z", badOrder)),
                new Record("bad-type", "{\"eventId\":\"e\",\"tenantId\":\"t\",\"type\":\"ORDER_DELETED\","
                        + "\"occurredAt\":\"2024-11-20T10:00:00Z\"}"),
                new Record("no-tenant", Events.snapshot(newId(), "", "2024-11-20T10:00:00Z",
                        Orders.shopee(id, "AWAITING_SHIPMENT")))));
        assertThat(failures(response)).containsExactlyInAnyOrder("bad-order", "bad-type", "no-tenant");
        assertThat(dynamo.count()).isEqualTo(before);
    }

    @Test
    void sampleBatchOfTheReadme_storesTwoOrders_andFailsTheMalformedMessage() throws Exception {
        String batch = java.nio.file.Files.readString(java.nio.file.Path.of("events/sqs-order-snapshots.json"));
        JsonNode response = Events.parse(given().contentType("application/json").body(batch).post()
                .then().statusCode(200).extract().asString());
        assertThat(failures(response)).containsExactly("msg-3");
        assertThat(stored("seller-1", "shopee.MY.241113ABCDEF").get("status").s()).isEqualTo("AWAITING_SHIPMENT");
        assertThat(stored("seller-1", "shopee.MY.241113GHIJKL").get("status").s()).isEqualTo("SHIPMENT_ARRANGED");
    }

    @Test
    void redeliveredEvent_changesNothing() {
        String id = newId();
        String eventId = newId();
        String message = Events.snapshot(eventId, "tenant-a", "2024-11-20T10:00:00Z",
                Orders.shopee(id, "AWAITING_SHIPMENT"));
        send(List.of(new Record("first", message)));
        Map<String, AttributeValue> first = stored("tenant-a", "shopee.MY." + id);
        int items = dynamo.count();

        JsonNode again = send(List.of(new Record("again", message), new Record("again-2", message)));

        assertThat(failures(again)).isEmpty();
        assertThat(stored("tenant-a", "shopee.MY." + id)).isEqualTo(first);
        assertThat(dynamo.count()).isEqualTo(items);
    }

    @Test
    void olderSnapshot_neverOverwritesANewerOne() {
        String id = newId();
        send(List.of(new Record("new", Events.snapshot(newId(), "tenant-a", "2024-11-21T08:00:00Z",
                Orders.shopee(id, "IN_TRANSIT")))));
        send(List.of(new Record("old", Events.snapshot(newId(), "tenant-a", "2024-11-20T10:00:00Z",
                Orders.shopee(id, "AWAITING_SHIPMENT")))));

        Map<String, AttributeValue> item = stored("tenant-a", "shopee.MY." + id);
        assertThat(item.get("status").s()).isEqualTo("IN_TRANSIT");
        assertThat(item.get("version").n()).isEqualTo("1");
    }

    @Test
    void shuffledDuplicatedDelivery_endsInTheSameStateAsInOrderDelivery() {
        String[] statuses = {"UNPAID", "AWAITING_SHIPMENT", "SHIPMENT_ARRANGED", "IN_TRANSIT", "DELIVERED"};
        String inOrder = newId();
        String shuffled = newId();
        List<String> ordered = new ArrayList<>();
        List<String> messy = new ArrayList<>();
        for (int i = 0; i < statuses.length; i++) {
            String at = "2024-11-2" + i + "T10:00:00Z";
            ordered.add(Events.snapshot(inOrder + "-" + i, "tenant-a", at, Orders.shopee(inOrder, statuses[i])));
            String message = Events.snapshot(shuffled + "-" + i, "tenant-a", at, Orders.shopee(shuffled, statuses[i]));
            messy.add(message);
            messy.add(message);
        }
        Collections.shuffle(messy, new Random(42));

        for (String message : ordered) {
            send(List.of(new Record(UUID.randomUUID().toString(), message)));
        }
        for (int i = 0; i < messy.size(); i += 3) {
            List<Record> batch = new ArrayList<>();
            for (String message : messy.subList(i, Math.min(i + 3, messy.size()))) {
                batch.add(new Record(UUID.randomUUID().toString(), message));
            }
            assertThat(failures(send(batch))).isEmpty();
        }

        Map<String, AttributeValue> expected = stored("tenant-a", "shopee.MY." + inOrder);
        Map<String, AttributeValue> actual = stored("tenant-a", "shopee.MY." + shuffled);
        assertThat(actual.get("status")).isEqualTo(expected.get("status"));
        assertThat(actual.get("status").s()).isEqualTo("DELIVERED");
        assertThat(actual.get("snapshotAt")).isEqualTo(expected.get("snapshotAt"));
        assertThat(actual.get("items")).isEqualTo(expected.get("items"));
    }

    @Test
    void eventIdReusedForDifferentContent_failsTheMessage() {
        String id = newId();
        String eventId = newId();
        send(List.of(new Record("one", Events.snapshot(eventId, "tenant-a", "2024-11-20T10:00:00Z",
                Orders.shopee(id, "AWAITING_SHIPMENT")))));
        JsonNode response = send(List.of(new Record("two", Events.snapshot(eventId, "tenant-a",
                "2024-11-21T10:00:00Z", Orders.shopee(id, "CANCELLED")))));
        assertThat(failures(response)).containsExactly("two");
        assertThat(stored("tenant-a", "shopee.MY." + id).get("status").s()).isEqualTo("AWAITING_SHIPMENT");
    }

    @Test
    void cancellationRequested_recordsTheDecisionOnce_evenWhenRedelivered() {
        String id = newId();
        var message = (com.fasterxml.jackson.databind.node.ObjectNode) Events.parse(Events.snapshot(newId(),
                "tenant-a", "2024-12-01T10:00:00Z", Orders.shopee(id, "IN_TRANSIT")));
        message.put("type", "CANCELLATION_REQUESTED");
        message.putObject("request").put("initiator", "BUYER").put("reason", "CHANGE_OF_MIND");

        JsonNode first = send(List.of(new Record("c-1", message.toString())));
        int items = dynamo.count();
        JsonNode again = send(List.of(new Record("c-2", message.toString())));

        assertThat(failures(first)).isEmpty();
        assertThat(failures(again)).isEmpty();
        assertThat(dynamo.count()).isEqualTo(items);
        var requests = dynamo.scan().stream()
                .filter(item -> item.get("pk").s().equals("T#tenant-a#O#shopee.MY." + id))
                .filter(item -> item.get("sk").s().startsWith("R#")).toList();
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).get("decision").m().get("outcome").s()).isEqualTo("APPROVED");
        assertThat(requests.get(0).get("decision").m().get("kind").s()).isEqualTo("IN_TRANSIT_RETURN");
        assertThat(stored("tenant-a", "shopee.MY." + id).get("status").s()).isEqualTo("CANCELLED");
    }

    @Test
    void cancellationRequestedWithoutRequest_failsTheMessage() {
        var message = (com.fasterxml.jackson.databind.node.ObjectNode) Events.parse(Events.snapshot(newId(),
                "tenant-a", "2024-12-01T10:00:00Z", Orders.shopee(newId(), "IN_TRANSIT")));
        message.put("type", "CANCELLATION_REQUESTED");
        assertThat(failures(send(List.of(new Record("c-3", message.toString()))))).containsExactly("c-3");
    }
}
