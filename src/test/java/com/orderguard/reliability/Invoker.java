package com.orderguard.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderguard.support.Events;
import com.orderguard.support.Profiles;

/**
 * Calls the three functions through the local Lambda Invoke API with a real HTTP client, as Lambda's event sources
 * would: API Gateway events to {@code api}, SQS events to {@code ingest}, scheduler events to {@code sweep}.
 */
final class Invoker {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final AtomicLong MESSAGE_IDS = new AtomicLong();

    /** What an invocation returned: the HTTP status, whether the function failed, and the payload. */
    record Invocation(int status, boolean functionError, String payload) {

        JsonNode json() {
            return Events.parse(payload);
        }
    }

    /** An API call's response: status code, content type and body. */
    record ApiResponse(int status, String contentType, String body) {

        JsonNode json() {
            return body == null || body.isEmpty() ? null : Events.parse(body);
        }
    }

    private Invoker() {
    }

    static Invocation invoke(String function, String payload) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + Profiles.Reliability.INVOKE_PORT + "/2015-03-31/functions/" + function + "/invocations"))
                    .timeout(Duration.ofMinutes(2))
                    .POST(HttpRequest.BodyPublishers.ofString(payload)).build(), HttpResponse.BodyHandlers.ofString());
            return new Invocation(response.statusCode(),
                    response.headers().firstValue("X-Amz-Function-Error").isPresent(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("the Invoke API did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An API Gateway call of {@code routeKey} as {@code tenant}; the function itself must not fail. */
    static ApiResponse api(String routeKey, Map<String, String> path, String tenant, String body) {
        return api(Events.api(routeKey, path, tenant, body));
    }

    /** A raw API Gateway event. */
    static ApiResponse api(String event) {
        Invocation invocation = invoke("api", event);
        if (invocation.status() != 200 || invocation.functionError()) {
            throw new AssertionError("the api function crashed: " + invocation.payload());
        }
        JsonNode response = invocation.json();
        return new ApiResponse(response.path("statusCode").asInt(), response.path("headers").path("content-type")
                .asText(null), response.path("body").asText(null));
    }

    /**
     * One message as a one-record SQS event; returns whether the message failed (it is in batchItemFailures). The
     * function itself must answer.
     */
    static boolean ingestFails(String message) {
        String id = "m-" + MESSAGE_IDS.incrementAndGet();
        Invocation invocation = invoke("ingest", Events.sqs(List.of(new Events.Record(id, message))));
        if (invocation.status() != 200 || invocation.functionError()) {
            throw new AssertionError("the ingest function crashed: " + invocation.payload());
        }
        return invocation.json().path("batchItemFailures").findValuesAsText("itemIdentifier").contains(id);
    }
}
