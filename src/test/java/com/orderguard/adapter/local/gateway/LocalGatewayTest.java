package com.orderguard.adapter.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderguard.support.Events;
import com.orderguard.support.Orders;
import com.orderguard.support.Profiles;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The HTTP API as plain HTTP on the local gateway, called as curl would: API Gateway's 401 without a valid token,
 * each route's event to the api function and its response back, binary bodies base64-encoded, Swagger UI.
 */
@QuarkusTest
@TestProfile(Profiles.Gateway.class)
class LocalGatewayTest {

    static final String KEY = "shopee.MY.GW1";

    @Test
    void withoutAValidToken_theGatewayAnswers401_asApiGatewayDoes() throws Exception {
        String order = Orders.shopee("GW0", "AWAITING_SHIPMENT").toString();
        String issuer = "http://localhost:3000/local";
        String forged = new LocalJwt("another-key", issuer, "orderguard-local", Events.JSON)
                .mint("tenant-gw", Instant.now(), Duration.ofHours(1));
        String expired = new LocalJwt("orderguard-local-signing-key-not-a-secret", issuer, "orderguard-local",
                Events.JSON).mint("tenant-gw", Instant.now().minusSeconds(7200), Duration.ofHours(1));
        String otherAudience = new LocalJwt("orderguard-local-signing-key-not-a-secret", issuer, "another-api",
                Events.JSON).mint("tenant-gw", Instant.now(), Duration.ofHours(1));

        for (String token : new String[] {null, "not-a-jwt", forged, expired, otherAudience}) {
            HttpResponse<String> response = GatewayClient.call("PUT", "/v1/orders/shopee.MY.GW0", token, order);
            assertThat(response.statusCode()).as("token %s", token).isEqualTo(401);
            assertThat(Events.parse(response.body()).get("message").asText()).isEqualTo("Unauthorized");
        }
        String token = GatewayClient.token("tenant-gw");
        assertThat(GatewayClient.call("GET", "/v1/orders/shopee.MY.GW0", token, null).statusCode()).isEqualTo(404);
    }

    /** The README's curl lines: the request bodies in events/http/, against the gateway. */
    @Test
    void theReadmesCurlLines_work() throws Exception {
        String token = GatewayClient.token("seller-readme");
        String order = Files.readString(Path.of("events", "http", "order.json"));
        assertThat(GatewayClient.call("PUT", "/v1/orders/shopee.MY.241113ABCDEF", token, order).statusCode())
                .isIn(200, 201);
        assertThat(Events.parse(GatewayClient.call("GET", "/v1/orders/shopee.MY.241113ABCDEF", token, null).body())
                .at("/order/orderId").asText()).isEqualTo("241113ABCDEF");
        HttpResponse<String> request = GatewayClient.call("POST",
                "/v1/orders/shopee.MY.241113ABCDEF/cancellation-requests", token,
                Files.readString(Path.of("events", "http", "cancellation-request.json")));
        assertThat(request.statusCode()).isEqualTo(201);
        HttpResponse<String> evaluation = GatewayClient.call("POST", "/v1/evaluations", token,
                Files.readString(Path.of("events", "http", "evaluation.json")));
        assertThat(evaluation.statusCode()).isEqualTo(200);
        assertThat(GatewayClient.call("GET", "/v1/shops/shopee/MY/shop-1/health", token, null).statusCode())
                .isEqualTo(200);
        assertThat(GatewayClient.call("GET", "/", null, null).body()).contains("<og-app>");
    }

    @Test
    void eachRoute_reachesTheFunction_asTheEventOfItsRoute() throws Exception {
        String token = GatewayClient.token("tenant-gw");
        HttpResponse<String> put = GatewayClient.call("PUT", "/v1/orders/" + KEY, token,
                Orders.shopee("GW1", "SHIPMENT_ARRANGED").toString());
        assertThat(put.statusCode()).isIn(200, 201);
        assertThat(put.headers().firstValue("content-type")).contains("application/json");

        HttpResponse<String> request = GatewayClient.call("POST", "/v1/orders/" + KEY + "/cancellation-requests",
                token, "{\"requestId\":\"gw-1\",\"initiator\":\"BUYER\",\"reason\":\"CHANGE_OF_MIND\"}");
        assertThat(request.statusCode()).isEqualTo(201);
        assertThat(Events.parse(request.body()).get("status").asText()).isEqualTo("PENDING");

        HttpResponse<String> resolve = GatewayClient.call("POST",
                "/v1/orders/" + KEY + "/cancellation-requests/gw-1/resolution", token, "{\"resolution\":\"APPROVE\"}");
        assertThat(resolve.statusCode()).isEqualTo(200);

        JsonNode view = Events.parse(GatewayClient.call("GET", "/v1/orders/" + KEY, token, null).body());
        assertThat(view.at("/order/status").asText()).isEqualTo("CANCELLED");
        assertThat(view.get("timeline").findValuesAsText("kind")).contains("CANCELLATION_RESOLVED");
        // the tenant is the token's subject: another tenant does not see the order
        assertThat(GatewayClient.call("GET", "/v1/orders/" + KEY, GatewayClient.token("tenant-other"), null)
                .statusCode()).isEqualTo(404);
    }

    @Test
    void aBinaryBody_isBase64Encoded_andAProblemNamesItsFields() throws Exception {
        String token = GatewayClient.token("tenant-gw");
        String evaluation = "{\"order\":" + Orders.shopee("GW2", "AWAITING_SHIPMENT")
                + ",\"request\":{\"initiator\":\"SELLER\",\"reason\":\"OUT_OF_STOCK\"}}";
        HttpResponse<String> binary = GatewayClient.call("POST", "/v1/evaluations", token,
                "application/octet-stream", evaluation.getBytes(StandardCharsets.UTF_8));
        assertThat(binary.statusCode()).isEqualTo(200);
        assertThat(Events.parse(binary.body()).get("outcome").asText()).isNotBlank();

        HttpResponse<String> invalid = GatewayClient.call("PUT", "/v1/orders/shopee.MY.GW3/auto-cancel-hold", token,
                "{\"until\":\"tomorrow\"}");
        assertThat(invalid.statusCode()).isIn(400, 404);
        assertThat(invalid.headers().firstValue("content-type")).contains("application/problem+json");

        HttpResponse<String> unknown = GatewayClient.call("GET", "/v1/nothing-here", token, null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(Events.parse(unknown.body()).get("message").asText()).isEqualTo("Not Found");
    }

    @Test
    void swaggerUi_showsTheContract_withTheLocalGatewayAsItsFirstServer() throws Exception {
        HttpResponse<String> page = GatewayClient.call("GET", "/docs", null, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui-bundle.js");
        String document = GatewayClient.call("GET", "/docs/openapi.yaml", null, null).body();
        assertThat(document).contains("openapi: 3.1.0")
                .contains("servers:\n  - url: http://localhost:" + Profiles.Gateway.PORT);
        assertThat(GatewayClient.call("GET", "/webjars/swagger-ui/5.17.14/swagger-ui-bundle.js", null, null)
                .statusCode()).isEqualTo(200);
        assertThat(GatewayClient.call("GET", "/../pom.xml", null, null).statusCode()).isEqualTo(404);
    }
}
