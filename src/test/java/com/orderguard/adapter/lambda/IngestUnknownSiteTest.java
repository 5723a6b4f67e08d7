package com.orderguard.adapter.lambda;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

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

/**
 * A queue message about a site no pack covers can never be applied with the packs deployed: it fails alone (so SQS
 * retries it and then dead-letters it, from where it can be redriven once a pack covers the site) and writes
 * nothing, whatever its type; the rest of the batch is applied.
 */
@QuarkusTest
@TestProfile(Profiles.Ingest.class)
class IngestUnknownSiteTest {

    static final String TENANT = "tenant-unknown-site";

    LocalDynamo dynamo;

    static List<String> failures(List<Record> records) {
        JsonNode response = Events.parse(given().contentType("application/json").body(Events.sqs(records))
                .post().then().statusCode(200).extract().asString());
        return response.get("batchItemFailures").findValuesAsText("itemIdentifier");
    }

    static ObjectNode message(String eventId, String type, ObjectNode order) {
        ObjectNode message = (ObjectNode) Events.parse(Events.snapshot(eventId, TENANT, "2024-12-01T10:00:00Z",
                order));
        message.put("type", type);
        if (!"ORDER_SNAPSHOT".equals(type)) {
            message.putObject("request").put("initiator", "BUYER").put("reason", "WRONG_ADDRESS");
        }
        return message;
    }

    @Test
    void everyMessageTypeOnAnUnknownSite_failsAlone_andWritesNothing() {
        ObjectNode zz = Orders.shopee("Z1", "AWAITING_SHIPMENT").put("site", "ZZ");
        // Amazon Egypt: a marketplace id the adapter knows, a site no pack covers
        ObjectNode egypt = Payloads.object("amazon", "unshipped-mfn");
        ((ObjectNode) egypt.get("Order")).put("MarketplaceId", "ARBP9OOSHTCHU");
        int before = dynamo.count();

        List<String> failed = failures(List.of(
                new Record("snapshot", message("u-1", "ORDER_SNAPSHOT", zz).toString()),
                new Record("cancel", message("u-2", "CANCELLATION_REQUESTED", zz).toString()),
                new Record("address", message("u-3", "ADDRESS_CHANGE_REQUESTED", zz).toString()),
                new Record("payload", Events.marketplace("u-4", TENANT, "2024-12-01T10:00:00Z", "amazon", "shop-1",
                        egypt))));

        assertThat(failed).containsExactlyInAnyOrder("snapshot", "cancel", "address", "payload");
        assertThat(dynamo.count()).isEqualTo(before);
    }

    @Test
    void aSupportedSiteInTheSameBatch_isStored() {
        int before = dynamo.count();
        List<String> failed = failures(List.of(
                new Record("zz", message("u-5", "ORDER_SNAPSHOT",
                        Orders.shopee("Z2", "AWAITING_SHIPMENT").put("site", "ZZ")).toString()),
                new Record("my", message("u-6", "ORDER_SNAPSHOT", Orders.shopee("Z3", "AWAITING_SHIPMENT"))
                        .toString())));
        assertThat(failed).containsExactly("zz");
        assertThat(dynamo.count()).isGreaterThan(before);
    }
}
