package com.orderguard.adapter.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderguard.support.Events;
import com.orderguard.support.Loopback;
import com.orderguard.support.Profiles;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The dev run's Lambda event server: it is up before the function's poll loop makes its first call (the loop ends
 * the run at once when nothing answers there), an event POSTed to it comes back as the function's response, and
 * it cannot be reached but on 127.0.0.1.
 */
@QuarkusTest
@TestProfile(Profiles.EventServer.class)
class LocalEventServerTest {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    static HttpResponse<String> post(String file) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Profiles.EventServer.PORT + "/"))
                .header("content-type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofFile(Path.of("events", file))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anEventPosted_comesBackAsTheFunctionsResponse_throughThePollLoop() throws Exception {
        HttpResponse<String> put = post("api-put-order.json");
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(Events.parse(put.body()).get("statusCode").asInt()).isIn(200, 201);

        HttpResponse<String> get = post("api-get-order.json");
        JsonNode response = Events.parse(get.body());
        assertThat(response.get("statusCode").asInt()).isEqualTo(200);
        assertThat(Events.parse(response.get("body").asText()).get("orderKey").asText())
                .isEqualTo("shopee.MY.241113ABCDEF");
    }

    @Test
    void listensOnLoopbackOnly() throws Exception {
        assertThat(Loopback.accepts(InetAddress.getLoopbackAddress(), Profiles.EventServer.PORT)).isTrue();
        Optional<InetAddress> external = Loopback.externalAddress();
        assumeTrue(external.isPresent(), "this machine has no address but loopback");
        assertThat(Loopback.accepts(external.get(), Profiles.EventServer.PORT)).isFalse();
    }
}
