package com.orderguard.support;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds the events AWS delivers to the functions: API Gateway HTTP API (v2) and SQS batches. */
public final class Events {

    public static final ObjectMapper JSON = new ObjectMapper();

    private Events() {
    }

    /**
     * An HTTP API event for {@code routeKey} (e.g. {@code PUT /v1/orders/{orderKey}}) with these path parameters,
     * the tenant as the {@code sub} claim (none when null) and a raw body (none when null).
     */
    public static String api(String routeKey, Map<String, String> pathParameters, String tenant, String body) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", routeKey);
        String method = routeKey.substring(0, routeKey.indexOf(' '));
        String path = routeKey.substring(routeKey.indexOf(' ') + 1);
        for (Map.Entry<String, String> parameter : pathParameters.entrySet()) {
            path = path.replace("{" + parameter.getKey() + "}", parameter.getValue());
        }
        event.put("rawPath", path);
        event.putObject("headers").put("content-type", "application/json");
        ObjectNode parameters = event.putObject("pathParameters");
        pathParameters.forEach(parameters::put);
        ObjectNode context = event.putObject("requestContext");
        context.put("requestId", UUID.randomUUID().toString());
        context.put("routeKey", routeKey);
        context.putObject("http").put("method", method).put("path", path);
        if (tenant != null) {
            context.putObject("authorizer").putObject("jwt").putObject("claims").put("sub", tenant);
        }
        if (body != null) {
            event.put("body", body);
        }
        event.put("isBase64Encoded", false);
        return event.toString();
    }

    /** One SQS record: its message id and body. */
    public record Record(String messageId, String body) {
    }

    /** An SQS event with these records, as the Lambda event source mapping sends it. */
    public static String sqs(List<Record> records) {
        ObjectNode event = JSON.createObjectNode();
        var array = event.putArray("Records");
        for (Record record : records) {
            ObjectNode item = array.addObject();
            item.put("messageId", record.messageId());
            item.put("receiptHandle", "handle-" + record.messageId());
            item.put("body", record.body());
            item.putObject("attributes").put("ApproximateReceiveCount", "1");
            item.putObject("messageAttributes");
            item.put("md5OfBody", "");
            item.put("eventSource", "aws:sqs");
            item.put("eventSourceARN", "arn:aws:sqs:us-east-1:000000000000:orderguard-events");
            item.put("awsRegion", "us-east-1");
        }
        return event.toString();
    }

    /** An ORDER_SNAPSHOT message body. */
    public static String snapshot(String eventId, String tenant, String occurredAt, JsonNode order) {
        ObjectNode message = JSON.createObjectNode();
        message.put("eventId", eventId);
        message.put("tenantId", tenant);
        message.put("type", "ORDER_SNAPSHOT");
        message.put("occurredAt", occurredAt);
        message.set("order", order);
        return message.toString();
    }

    /** A MARKETPLACE_PAYLOAD message body: a platform's own JSON from {@code source}, with an optional shop id. */
    public static String marketplace(String eventId, String tenant, String occurredAt, String source, String shopId,
            JsonNode payload) {
        ObjectNode message = JSON.createObjectNode();
        message.put("eventId", eventId);
        message.put("tenantId", tenant);
        message.put("type", "MARKETPLACE_PAYLOAD");
        message.put("occurredAt", occurredAt);
        message.put("source", source);
        if (shopId != null) {
            message.put("shopId", shopId);
        }
        message.set("payload", payload);
        return message.toString();
    }

    /** Parses JSON text. */
    public static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
