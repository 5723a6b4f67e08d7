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
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderguard.adapter.marketplace.Payloads;
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

    /** Every item of {@code tenant}'s order {@code orderKey}: the order, its requests and its history. */
    List<Map<String, AttributeValue>> collection(String tenant, String orderKey) {
        return dynamo.scan().stream().filter(item -> item.get("pk").s().equals("T#" + tenant + "#O#" + orderKey))
                .toList();
    }

    @Test
    void marketplacePayloads_onePerPlatform_areStoredUnderTheirKeys_andTheUnmappableOneFailsAlone() {
        String shopee = newId();
        String amazon = newId();
        String ozon = newId();
        String bad = newId();
        String badEvent = newId();
        ObjectNode shopeeOrder = Payloads.object("shopee", "ready-to-ship").put("order_sn", shopee);
        ObjectNode amazonOrder = Payloads.object("amazon", "unshipped-mfn");
        ((ObjectNode) amazonOrder.get("Order")).put("AmazonOrderId", amazon);
        ObjectNode ozonPosting = Payloads.object("ozon", "awaiting-packaging-fbs");
        ((ObjectNode) ozonPosting.get("result")).put("posting_number", ozon);
        ObjectNode unmappable = Payloads.object("shopee", "ready-to-ship").put("order_sn", bad)
                .put("order_status", "FOO");
        String at = "2024-11-20T10:00:00Z";

        JsonNode response = send(List.of(
                new Record("mp-shopee", Events.marketplace(newId(), "tenant-mp", at, "shopee", "shop-9", shopeeOrder)),
                new Record("mp-amazon", Events.marketplace(newId(), "tenant-mp", at, "amazon", null, amazonOrder)),
                new Record("mp-bad", Events.marketplace(badEvent, "tenant-mp", at, "shopee", "shop-9", unmappable)),
                new Record("mp-ozon", Events.marketplace(newId(), "tenant-mp", at, "ozon", "ozon-1", ozonPosting))));

        assertThat(failures(response)).containsExactly("mp-bad");
        Map<String, AttributeValue> shopeeItem = stored("tenant-mp", "shopee.MY." + shopee);
        assertThat(shopeeItem.get("status").s()).isEqualTo("AWAITING_SHIPMENT");
        assertThat(shopeeItem.get("shopId").s()).isEqualTo("shop-9");
        assertThat(shopeeItem.get("carrier").s()).isEqualTo("SPX_EXPRESS");
        assertThat(shopeeItem.get("shipBy").s()).startsWith("2024-11-21T09:35:00");
        Map<String, AttributeValue> amazonItem = stored("tenant-mp", "amazon.US." + amazon);
        assertThat(amazonItem.get("status").s()).isEqualTo("AWAITING_SHIPMENT");
        assertThat(amazonItem.get("items").l()).hasSize(2);
        Map<String, AttributeValue> ozonItem = stored("tenant-mp", "ozon.RU." + ozon);
        assertThat(ozonItem.get("status").s()).isEqualTo("AWAITING_SHIPMENT");
        assertThat(ozonItem.get("deliveryScheme").s()).isEqualTo("FBS");
        assertThat(stored("tenant-mp", "shopee.MY." + bad)).isEmpty();
        assertThat(dynamo.scan()).noneMatch(item -> item.get("pk").s().contains(bad)
                || item.get("pk").s().contains(badEvent));
    }

    @Test
    void marketplacePayloadWithABuyersRequest_isAppliedLikeCancellationRequested() {
        String id = newId();
        ObjectNode payload = Payloads.object("shopee", "in-cancel-after-arranged");
        ((ObjectNode) payload.get("response").get("order_list").get(0)).put("order_sn", id);
        String message = Events.marketplace(newId(), "tenant-mp", "2024-11-20T14:06:00Z", "shopee", "shop-9",
                payload);

        assertThat(failures(send(List.of(new Record("in-cancel", message))))).isEmpty();

        List<Map<String, AttributeValue>> requests = collection("tenant-mp", "shopee.MY." + id).stream()
                .filter(item -> item.get("sk").s().startsWith("R#")).toList();
        assertThat(requests).singleElement().satisfies(request -> {
            assertThat(request.get("requestId").s()).isEqualTo("shopee-" + id + "-buyer-cancel-shipment-arranged");
            assertThat(request.get("initiator").s()).isEqualTo("BUYER");
            assertThat(request.get("reason").s()).isEqualTo("WRONG_ADDRESS");
            assertThat(request.get("decision").m().get("outcome").s()).isEqualTo("PENDING_SELLER");
        });
        assertThat(stored("tenant-mp", "shopee.MY." + id).get("status").s()).isEqualTo("SHIPMENT_ARRANGED");
    }

    @Test
    void cancelledOzonPosting_recordsWhoCancelledAndWhetherItCounts_once_evenWhenPolledAgain() {
        String id = newId();
        ObjectNode payload = Payloads.object("ozon", "cancelled-by-seller");
        ((ObjectNode) payload.get("result")).put("posting_number", id);
        String first = Events.marketplace(newId(), "tenant-mp", "2024-11-20T12:00:00Z", "ozon", null, payload);
        String polledAgain = Events.marketplace(newId(), "tenant-mp", "2024-11-20T18:00:00Z", "ozon", null,
                payload);

        assertThat(failures(send(List.of(new Record("o-1", first))))).isEmpty();
        assertThat(failures(send(List.of(new Record("o-2", polledAgain), new Record("o-3", first))))).isEmpty();

        List<Map<String, AttributeValue>> items = collection("tenant-mp", "ozon.RU." + id);
        assertThat(items.stream().filter(item -> item.get("sk").s().startsWith("R#"))).singleElement()
                .satisfies(request -> {
                    assertThat(request.get("initiator").s()).isEqualTo("SELLER");
                    assertThat(request.get("reason").s()).isEqualTo("OUT_OF_STOCK");
                    assertThat(request.get("decision").m().get("outcome").s()).isEqualTo("APPROVED");
                    assertThat(request.get("decision").m().get("countsAgainstSeller").bool()).isTrue();
                });
        assertThat(stored("tenant-mp", "ozon.RU." + id).get("status").s()).isEqualTo("CANCELLED");
    }

    @Test
    void postingCancelledAfterShipment_staysCancelled_whenPolledAgain_thoughTheEngineRejectsTheRequest() {
        String id = newId();
        ObjectNode payload = Payloads.object("ozon", "cancelled-after-ship").put("posting_number", id);
        ((ObjectNode) payload.get("cancellation")).put("cancellation_initiator", "Клиент или покупатель");
        String first = Events.marketplace(newId(), "tenant-mp", "2024-11-17T12:00:00Z", "ozon", null, payload);
        String polledAgain = Events.marketplace(newId(), "tenant-mp", "2024-11-17T18:00:00Z", "ozon", null,
                payload);

        assertThat(failures(send(List.of(new Record("a-1", first))))).isEmpty();
        assertThat(failures(send(List.of(new Record("a-2", polledAgain))))).isEmpty();

        List<Map<String, AttributeValue>> items = collection("tenant-mp", "ozon.RU." + id);
        assertThat(items.stream().filter(item -> item.get("sk").s().startsWith("R#"))).singleElement()
                .satisfies(request -> {
                    assertThat(request.get("initiator").s()).isEqualTo("BUYER");
                    assertThat(request.get("decision").m().get("outcome").s()).isEqualTo("REJECTED");
                    assertThat(request.get("decision").m().get("kind").s()).isEqualTo("RETURN");
                });
        assertThat(stored("tenant-mp", "ozon.RU." + id).get("status").s()).isEqualTo("CANCELLED");
        assertThat(items.stream().filter(item -> item.get("sk").s().startsWith("H#"))
                .map(item -> item.get("summary").s()))
                .as("the stored order never goes back to the stage before the cancellation")
                .noneMatch(summary -> summary.contains("CANCELLED ->"));
    }

    @Test
    void sampleMarketplaceBatchOfTheReadme_storesThreeOrders_andFailsTheUnmappablePayload() throws Exception {
        String batch = java.nio.file.Files.readString(java.nio.file.Path.of("events/sqs-marketplace-payloads.json"));
        JsonNode response = Events.parse(given().contentType("application/json").body(batch).post()
                .then().statusCode(200).extract().asString());
        assertThat(failures(response)).containsExactly("mp-4");
        assertThat(stored("seller-1", "shopee.MY.241120EFGH5678").get("status").s()).isEqualTo("SHIPMENT_ARRANGED");
        assertThat(stored("seller-1", "amazon.US.114-3941689-8772232").get("status").s())
                .isEqualTo("AWAITING_SHIPMENT");
        assertThat(stored("seller-1", "ozon.RU.58291047-0120-1").get("status").s()).isEqualTo("CANCELLED");
    }
}
