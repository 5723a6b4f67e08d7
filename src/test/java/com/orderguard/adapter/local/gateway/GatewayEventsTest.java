package com.orderguard.adapter.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.orderguard.adapter.lambda.http.ApiContract;
import com.orderguard.support.Events;

/** Which route a plain request is, as API Gateway matches it, and which bodies arrive base64-encoded. */
class GatewayEventsTest {

    final GatewayEvents events = new GatewayEvents(ApiContract.ROUTES, Events.JSON);

    @Test
    void aPath_matchesItsRouteKey_withDecodedPathParameters() {
        assertThat(events.route("POST", "/v1/orders/amazon.US.114-1%2B2/cancellation-requests/r%201/resolution"))
                .contains(Map.entry(ApiContract.RESOLVE_CANCELLATION,
                        Map.of("orderKey", "amazon.US.114-1+2", "requestId", "r 1")));
        assertThat(events.route("GET", "/v1/shops/shopee/MY/shop-1/health")).contains(Map.entry(
                ApiContract.SHOP_HEALTH, Map.of("marketplace", "shopee", "site", "MY", "shopId", "shop-1")));
        assertThat(events.route("GET", "/v1/policies")).contains(Map.entry(ApiContract.POLICIES, Map.of()));
    }

    @Test
    void anotherMethod_orAnExtraSegment_isNoRoute() {
        assertThat(events.route("PATCH", "/v1/orders/shopee.MY.1")).isEmpty();
        assertThat(events.route("GET", "/v1/orders/shopee.MY.1/extra")).isEmpty();
        assertThat(events.route("GET", "/v1/orders/")).isEmpty();
    }

    @Test
    void textBodies_stayText_andOthersAreBinary() {
        assertThat(GatewayEvents.isText(null)).isTrue();
        assertThat(GatewayEvents.isText("application/json; charset=utf-8")).isTrue();
        assertThat(GatewayEvents.isText("application/problem+json")).isTrue();
        assertThat(GatewayEvents.isText("text/plain")).isTrue();
        assertThat(GatewayEvents.isText("application/octet-stream")).isFalse();
        assertThat(GatewayEvents.isText("image/png")).isFalse();
    }
}
