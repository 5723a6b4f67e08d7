package com.orderguard.adapter.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderguard.domain.Marketplace;
import com.orderguard.support.Events;
import com.orderguard.support.LocalDynamo;
import com.orderguard.support.Orders;
import com.orderguard.support.Packs;
import com.orderguard.support.Profiles;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A site no pack of a known marketplace covers ({@code shopee.ZZ}) is refused with 422 at every door where a site
 * enters the API, listing the marketplace's supported sites, and nothing is written; an unknown marketplace is 400.
 */
@QuarkusTest
@TestProfile(Profiles.Api.class)
class UnknownSiteApiTest {

    static final String TENANT = "tenant-unknown-site";

    LocalDynamo dynamo;

    static JsonNode call(String routeKey, Map<String, String> path, String body) {
        return CancellationApiTest.call(routeKey, path, TENANT, body);
    }

    /** The answer is 422 unknown-site naming {@code field} and listing every shopee site the packs cover. */
    static void refused(JsonNode response, String field) {
        assertThat(response.get("statusCode").asInt()).as(response.toString()).isEqualTo(422);
        JsonNode problem = CancellationApiTest.body(response);
        assertThat(problem.get("type").asText()).isEqualTo("urn:orderguard:problem:unknown-site");
        assertThat(problem.get("detail").asText()).contains("shopee site ZZ is not supported");
        assertThat(problem.get("errors").findValuesAsText("field")).containsExactly(field);
        assertThat(problem.get("supportedSites")).extracting(JsonNode::asText)
                .containsExactlyElementsOf(Packs.CATALOG.sites(Marketplace.SHOPEE)).contains("MY", "SG");
    }

    static ObjectNode zzOrder(String id) {
        return Orders.shopee(id, "AWAITING_SHIPMENT").put("site", "ZZ");
    }

    @Test
    void putOrder_onAnUnknownSite_is422_andWritesNothing() {
        int before = dynamo.count();
        String key = "shopee.ZZ.U1";
        refused(call("PUT /v1/orders/{orderKey}", Map.of("orderKey", key), zzOrder("U1").toString()), "orderKey");
        assertThat(call("GET /v1/orders/{orderKey}", Map.of("orderKey", key), null).get("statusCode").asInt())
                .isEqualTo(404);
        assertThat(dynamo.count()).isEqualTo(before);
    }

    @Test
    void evaluation_onAnUnknownSite_is422() {
        ObjectNode body = Events.JSON.createObjectNode();
        body.set("order", zzOrder("U2"));
        body.putObject("request").put("initiator", "BUYER").put("reason", "CHANGE_OF_MIND");
        refused(call("POST /v1/evaluations", Map.of(), body.toString()), "order.site");
    }

    @Test
    void cancellationAndAddressChangeRequests_onAnUnknownSite_are422_andWriteNothing() {
        int before = dynamo.count();
        Map<String, String> path = Map.of("orderKey", "shopee.ZZ.U3");
        refused(call("POST /v1/orders/{orderKey}/cancellation-requests", path,
                "{\"requestId\":\"r-1\",\"initiator\":\"BUYER\",\"reason\":\"CHANGE_OF_MIND\"}"), "orderKey");
        refused(call("POST /v1/orders/{orderKey}/address-change-requests", path,
                "{\"requestId\":\"a-1\",\"initiator\":\"BUYER\"}"), "orderKey");
        assertThat(dynamo.count()).isEqualTo(before);
    }

    @Test
    void shopHealth_ofAnUnknownSite_is422() {
        refused(call("GET /v1/shops/{marketplace}/{site}/{shopId}/health",
                Map.of("marketplace", "shopee", "site", "ZZ", "shopId", "shop-1"), null), "site");
    }

    @Test
    void anUnknownMarketplace_staysA400() {
        int before = dynamo.count();
        JsonNode put = call("PUT /v1/orders/{orderKey}", Map.of("orderKey", "ebay.US.U4"),
                Orders.shopee("U4", "AWAITING_SHIPMENT").put("marketplace", "ebay").toString());
        assertThat(put.get("statusCode").asInt()).isEqualTo(400);
        ObjectNode body = Events.JSON.createObjectNode();
        body.set("order", Orders.shopee("U5", "AWAITING_SHIPMENT").put("marketplace", "ebay"));
        body.putObject("request").put("initiator", "BUYER").put("reason", "CHANGE_OF_MIND");
        assertThat(call("POST /v1/evaluations", Map.of(), body.toString()).get("statusCode").asInt()).isEqualTo(400);
        assertThat(dynamo.count()).isEqualTo(before);
    }

    @Test
    void aSupportedSite_stillPasses() {
        JsonNode put = call("PUT /v1/orders/{orderKey}", Map.of("orderKey", "shopee.MY.U6"),
                Orders.shopee("U6", "AWAITING_SHIPMENT").toString());
        assertThat(put.get("statusCode").asInt()).isEqualTo(200);
    }
}
