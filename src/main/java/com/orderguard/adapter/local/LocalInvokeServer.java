package com.orderguard.adapter.local;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderguard.adapter.lambda.ApiFunction;
import com.orderguard.adapter.lambda.IngestFunction;
import com.orderguard.adapter.lambda.ScheduledEvent;
import com.orderguard.adapter.lambda.SweepFunction;
import com.orderguard.adapter.lambda.http.HttpApiEvent;
import com.orderguard.config.OrderGuardConfig;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.arc.profile.UnlessBuildProfile;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Answers the AWS Lambda Invoke API on loopback for all three functions of one local process, as
 * {@code sam local start-lambda} does: {@code POST /2015-03-31/functions/{api|ingest|sweep}/invocations} with the
 * event as the body returns what the function returns, so the AWS CLI and SDKs can drive any function against
 * the same embedded DynamoDB Local. An SQS event goes through the ingest function record by record and answers
 * with {@code batchItemFailures}, as Funqy does in Lambda. Never part of a production build.
 */
@UnlessBuildProfile("prod")
@ApplicationScoped
public class LocalInvokeServer {

    private static final Logger LOG = Logger.getLogger(LocalInvokeServer.class);
    private static final Pattern PATH = Pattern.compile("/2015-03-31/functions/([A-Za-z0-9_-]+)/invocations");

    private final ApiFunction api;
    private final IngestFunction ingest;
    private final SweepFunction sweep;
    private final ObjectMapper mapper;
    private HttpServer server;

    public LocalInvokeServer(ApiFunction api, IngestFunction ingest, SweepFunction sweep, ObjectMapper mapper) {
        this.api = api;
        this.ingest = ingest;
        this.sweep = sweep;
        this.mapper = mapper;
    }

    void onStart(@Observes @Priority(30) StartupEvent event, OrderGuardConfig config) throws IOException {
        if (!config.local().invoke().enabled()) {
            return;
        }
        int port = config.local().invoke().port();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/2015-03-31/functions/", this::invoke);
        server.setExecutor(Executors.newFixedThreadPool(config.local().invoke().concurrency()));
        server.start();
        LOG.infof("Lambda Invoke API for api, ingest and sweep on http://127.0.0.1:%d", port);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    private void invoke(HttpExchange exchange) throws IOException {
        Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
        if (!"POST".equals(exchange.getRequestMethod()) || !path.matches()) {
            reply(exchange, 404, "ResourceNotFoundException", error("Function not found", "ResourceNotFound"));
            return;
        }
        byte[] payload = exchange.getRequestBody().readAllBytes();
        try {
            Object output = switch (path.group(1)) {
                case "api" -> api.api(mapper.readValue(payload, HttpApiEvent.class));
                case "ingest" -> ingest(mapper.readTree(payload));
                case "sweep" -> sweep.sweep(payload.length == 0 ? null : mapper.readValue(payload,
                        ScheduledEvent.class));
                default -> null;
            };
            if (!path.group(1).matches("api|ingest|sweep")) {
                reply(exchange, 404, "ResourceNotFoundException", error("Function not found: " + path.group(1),
                        "ResourceNotFound"));
                return;
            }
            exchange.getResponseHeaders().add("X-Amz-Executed-Version", "$LATEST");
            reply(exchange, 200, null, mapper.writeValueAsBytes(output));
        } catch (IOException | RuntimeException e) {
            // a function error is a 200 with X-Amz-Function-Error, as Lambda answers it
            exchange.getResponseHeaders().add("X-Amz-Function-Error", "Unhandled");
            reply(exchange, 200, null, error(String.valueOf(e.getMessage()), e.getClass().getSimpleName()));
        }
    }

    /** An SQS event record by record (a record that throws is a batch item failure), or a single message. */
    private Object ingest(JsonNode event) {
        JsonNode records = event.path("Records");
        if (!records.isArray()) {
            ingest.ingest(message("local-" + UUID.randomUUID(), event.toString()));
            return null;
        }
        ObjectNode response = mapper.createObjectNode();
        var failures = response.putArray("batchItemFailures");
        for (JsonNode record : records) {
            String messageId = record.path("messageId").asText();
            try {
                ingest.ingest(message(messageId, record.path("body").asText()));
            } catch (RuntimeException e) {
                failures.addObject().put("itemIdentifier", messageId);
            }
        }
        return response;
    }

    private static SQSEvent.SQSMessage message(String messageId, String body) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(messageId);
        message.setBody(body);
        message.setEventSource("aws:sqs");
        message.setAttributes(Map.of("ApproximateReceiveCount", "1"));
        return message;
    }

    private byte[] error(String message, String type) {
        return mapper.createObjectNode().put("errorMessage", message).put("errorType", type).toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void reply(HttpExchange exchange, int status, String errorType, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (errorType != null) {
            exchange.getResponseHeaders().add("x-amzn-ErrorType", errorType);
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
