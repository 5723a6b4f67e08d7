package com.orderguard.simulation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderguard.support.Events;

/**
 * Drives the three functions through the local Lambda Invoke API with a real HTTP client, exactly as the AWS CLI
 * or an SDK would: API Gateway events to {@code api}, SQS events to {@code ingest}, scheduler events to
 * {@code sweep}.
 */
final class InvokeClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String tenant;
    private final AtomicLong ids = new AtomicLong();
    final AtomicLong invocations = new AtomicLong();

    InvokeClient(int port, String tenant) {
        this.base = "http://127.0.0.1:" + port + "/2015-03-31/functions/";
        this.tenant = tenant;
    }

    JsonNode invoke(String function, String payload) {
        try {
            invocations.incrementAndGet();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + function
                    + "/invocations")).POST(HttpRequest.BodyPublishers.ofString(payload)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || response.headers().firstValue("X-Amz-Function-Error").isPresent()) {
                throw new IllegalStateException(function + " failed: " + response.body());
            }
            return Events.parse(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An API call: the status code and the parsed body. */
    record ApiResult(int status, JsonNode body) {
    }

    ApiResult api(String routeKey, Map<String, String> path, String body) {
        JsonNode response = invoke("api", Events.api(routeKey, path, tenant, body));
        String text = response.path("body").asText();
        return new ApiResult(response.path("statusCode").asInt(), text.isEmpty() ? null : Events.parse(text));
    }

    /** One queue message as a one-record SQS event; returns the failed message ids. */
    JsonNode ingest(ObjectNode message) {
        String id = "sim-" + ids.incrementAndGet();
        return invoke("ingest", Events.sqs(java.util.List.of(new Events.Record(id, message.toString()))));
    }

    JsonNode sweep(Instant time) {
        return invoke("sweep", "{\"id\":\"sweep-" + ids.incrementAndGet() + "\",\"detail-type\":\"Scheduled Event\","
                + "\"source\":\"orderguard.simulation\",\"time\":\"" + time + "\"}");
    }

    String tenant() {
        return tenant;
    }
}
