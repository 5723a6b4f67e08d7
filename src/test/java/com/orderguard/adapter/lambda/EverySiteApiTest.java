package com.orderguard.adapter.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderguard.adapter.lambda.http.ApiContract;
import com.orderguard.support.Events;
import com.orderguard.support.Orders;
import com.orderguard.support.Profiles;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Every site of ../shared/POLICY-REFERENCE.md (sections 1-4 and 6) through the api function: an evaluation is decided
 * (200) with its basis stated, and the shop's health answers with the pack and basis it was read by. The site list is
 * the reference's, written here by hand, so a site whose pack goes missing fails here.
 */
@QuarkusTest
@TestProfile(Profiles.Api.class)
class EverySiteApiTest {

    /** Marketplace, site and (for Ozon) delivery scheme of every site the reference names. */
    static Stream<Arguments> sites() {
        Map<String, List<String>> sites = Map.of(
                "shopee", List.of("MY", "SG", "PH", "TH", "VN", "ID", "TW", "BR", "MX", "CO", "CL"),
                "lazada", List.of("MY", "SG", "TH", "ID", "PH", "VN"),
                "tiktok", List.of("TH", "VN", "ID", "US", "MY", "SG", "PH", "UK"),
                "amazon", List.of("US", "IN", "DE", "FR", "IT", "ES", "NL", "SE", "PL", "BE", "IE", "UK", "CA", "MX",
                        "BR", "JP", "AU", "SG", "AE", "SA"),
                "ozon", List.of("RU", "KZ"));
        return sites.entrySet().stream().flatMap(entry -> entry.getValue().stream().flatMap(site ->
                "ozon".equals(entry.getKey()) ? Stream.of(Arguments.of("ozon", site, "FBS"),
                        Arguments.of("ozon", site, "RFBS")) : Stream.of(Arguments.of(entry.getKey(), site, null))));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("sites")
    void everySite_isDecided_withItsBasisStated(String marketplace, String site, String scheme) {
        ObjectNode order = Orders.shopee("EV-" + site, "AWAITING_SHIPMENT").put("marketplace", marketplace)
                .put("site", site);
        if (scheme != null) {
            order.put("deliveryScheme", scheme);
        }
        ObjectNode body = Events.JSON.createObjectNode();
        body.set("order", order);
        body.putObject("request").put("initiator", "SELLER").put("reason", "OUT_OF_STOCK");

        JsonNode response = CancellationApiTest.call("POST /v1/evaluations", Map.of(), "tenant-sites",
                body.toString());

        assertThat(response.get("statusCode").asInt()).as(response.toString()).isEqualTo(200);
        JsonNode decision = CancellationApiTest.body(response);
        assertThat(decision.get("basis").asText()).isIn("SITE", "MARKETPLACE_DEFAULT");
        assertThat(decision.get("rules")).isNotEmpty().allSatisfy(rule -> {
            assertThat(rule.get("basis").asText()).isIn("SITE", "MARKETPLACE_DEFAULT");
            assertThat(rule.get("pack").asText()).startsWith(marketplace + "-");
        });
        if (decision.get("basis").asText().equals("MARKETPLACE_DEFAULT")) {
            assertThat(decision.get("rules").findValuesAsText("source"))
                    .anySatisfy(source -> assertThat(source).contains("inherited from " + marketplace));
        }
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("sites")
    void everySite_hasShopHealth_readByItsPack(String marketplace, String site, String scheme) {
        Map<String, String> path = Map.of("marketplace", marketplace, "site", site, "shopId", "shop-" + site);

        JsonNode response = CancellationApiTest.call(ApiContract.SHOP_HEALTH, path, "tenant-sites", null);

        assertThat(response.get("statusCode").asInt()).as(response.toString()).isEqualTo(200);
        JsonNode health = CancellationApiTest.body(response);
        assertThat(health.get("pack").asText()).startsWith(marketplace + "-");
        assertThat(health.get("basis").asText()).isIn("SITE", "MARKETPLACE_DEFAULT");
        assertThat(health.get("metrics")).isNotEmpty().allSatisfy(metric -> {
            assertThat(metric.get("status").asText()).isEqualTo("OK");
            assertThat(metric.get("source").asText()).isNotBlank();
        });
        boolean volumeLimited = marketplace.equals("lazada") || marketplace.equals("tiktok");
        assertThat(health.has("orderVolumeLimit")).isEqualTo(volumeLimited);
        if (volumeLimited) {
            assertThat(health.get("orderVolumeLimit").get("applies").asBoolean()).isFalse();
        }
    }
}
