package com.orderguard.adapter.marketplace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every payload fixture under src/test/resources/marketplace/{platform}/ maps to the canonical order (and request)
 * of its *.expected.json.
 */
class MarketplaceFixturesTest {

    static Stream<Arguments> fixtures() {
        return MarketplacePayloads.SOURCES.stream()
                .flatMap(platform -> Payloads.names(platform).stream().map(name -> Arguments.of(platform, name)));
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("fixtures")
    void fixture_mapsToItsExpectedCanonicalOrder(String platform, String name) {
        JsonNode expected = Payloads.load(platform, name + ".expected");

        JsonNode actual = Payloads.json(Payloads.map(platform, Payloads.load(platform, name)));

        assertThat(actual.toPrettyString()).isEqualTo(expected.toPrettyString());
    }

    @Test
    void everyPlatform_hasFixtures_andEveryFixtureHasItsExpectation() {
        for (String platform : MarketplacePayloads.SOURCES) {
            assertThat(Payloads.names(platform)).as(platform).hasSizeGreaterThanOrEqualTo(3);
            Payloads.names(platform).forEach(name -> assertThat(Payloads.load(platform, name + ".expected"))
                    .as(platform + "/" + name).isNotNull());
        }
    }

    @Test
    void noPersonalDataOfThePayload_reachesTheCanonicalOrder() {
        String shopee = Payloads.json(Payloads.map("shopee", Payloads.load("shopee", "ready-to-ship"))).toString();
        String amazon = Payloads.json(Payloads.map("amazon", Payloads.load("amazon", "unshipped-mfn"))).toString();
        String ozon = Payloads.json(Payloads.map("ozon", Payloads.load("ozon", "delivering-rfbs"))).toString();

        assertThat(shopee).doesNotContain("a******7", "A******n", "Kuala Lumpur", "50450");
        assertThat(amazon).doesNotContain("marketplace.amazon.com", "SEATTLE", "98101");
        assertThat(ozon).doesNotContain("Казань", "Баумана", "100284733", "+7");
    }
}
