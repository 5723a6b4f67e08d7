package com.orderguard.adapter.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderguard.support.Orders;

/** Orders the browser tests put in through the gateway, with times around now (deadlines ahead, not past). */
final class ConsoleData {

    private ConsoleData() {
    }

    /** A Shopee MY order of {@code shopId}, paid two hours ago, to ship within {@code shipIn}. */
    static String putOrder(String token, String orderId, String shopId, String status, Duration shipIn)
            throws IOException, InterruptedException {
        return putOrder(token, "MY", orderId, shopId, status, shipIn);
    }

    /** The same on another Shopee {@code site}. */
    static String putOrder(String token, String site, String orderId, String shopId, String status, Duration shipIn)
            throws IOException, InterruptedException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ObjectNode order = Orders.shopee(orderId, status).put("shopId", shopId).put("site", site)
                .put("placedAt", now.minus(Duration.ofHours(2)).toString())
                .put("paidAt", now.minus(Duration.ofHours(2)).toString())
                .put("shipBy", now.plus(shipIn).toString());
        String key = "shopee." + site + "." + orderId;
        assertThat(GatewayClient.call("PUT", "/v1/orders/" + key, token, order.toString()).statusCode())
                .as("PUT %s", key).isIn(200, 201);
        return key;
    }

    /** A buyer's change of mind on {@code key}: the seller has to answer it. */
    static void buyerRequest(String token, String key, String requestId) throws IOException, InterruptedException {
        var response = GatewayClient.call("POST", "/v1/orders/" + key + "/cancellation-requests", token,
                "{\"requestId\":\"" + requestId + "\",\"initiator\":\"BUYER\",\"reason\":\"CHANGE_OF_MIND\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }
}
