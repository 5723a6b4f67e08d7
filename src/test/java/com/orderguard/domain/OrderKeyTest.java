package com.orderguard.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OrderKeyTest {

    @ParameterizedTest
    @CsvSource({
        "shopee.MY.241113ABCDEF, SHOPEE, MY, 241113ABCDEF",
        "amazon.US.114-1234567-1234567, AMAZON, US, 114-1234567-1234567",
        "ozon.RU.12345678-0001-1, OZON, RU, 12345678-0001-1",
        "tiktok.TH.576461413038785752, TIKTOK, TH, 576461413038785752"})
    void parse_readsMarketplaceSiteAndOrderId(String text, Marketplace marketplace, String site, String orderId) {
        OrderKey key = OrderKey.parse(text, "orderKey").valueOrNull();
        assertThat(key).isEqualTo(new OrderKey(marketplace, site, orderId));
        assertThat(key.toString()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "shopee", "shopee.MY", "Shopee.MY.1", "ebay.US.1", "shopee.my.1", "shopee.MYS.1",
        "shopee.MY.", "shopee.MY.a#b", "shopee.MY.a.b", "shopee.MY.-1"})
    void parse_rejectsMalformedKeys_namingTheField(String text) {
        Validated<OrderKey> result = OrderKey.parse(text, "orderKey");
        assertThat(result.errors()).isNotEmpty().allSatisfy(e -> assertThat(e.field()).isEqualTo("orderKey"));
    }
}
