package com.orderguard.adapter.lambda;

import java.util.List;

import org.jboss.logging.Logger;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.orderguard.adapter.json.StrictJson;
import com.orderguard.adapter.lambda.queue.InvalidMessageException;
import com.orderguard.adapter.lambda.queue.MessageHandler;
import com.orderguard.adapter.telemetry.LogFields;
import com.orderguard.application.port.Telemetry;
import com.orderguard.application.port.Telemetry.IngestFailure;
import com.orderguard.domain.FieldError;
import com.orderguard.domain.TenantId;

import io.quarkus.funqy.Funq;

/**
 * The {@code ingest} Lambda, fed by SQS. Funqy calls it once per record with the whole SQS message (so its id can
 * be logged); a record whose call throws is reported in {@code batchItemFailures} and redelivered (then
 * dead-lettered), the rest of the batch succeeds.
 */
public class IngestFunction {

    private static final Logger LOG = Logger.getLogger(IngestFunction.class);

    private final MessageHandler handler;
    private final StrictJson json;
    private final Telemetry telemetry;

    public IngestFunction(MessageHandler handler, StrictJson json, Telemetry telemetry) {
        this.handler = handler;
        this.json = json;
        this.telemetry = telemetry;
    }

    @Funq
    public void ingest(SQSEvent.SQSMessage message) {
        LogFields.put(LogFields.SQS_MESSAGE_ID, message.getMessageId());
        try {
            JsonNode body = parse(message.getBody());
            correlate(body);
            LOG.infof("ingest: %s", handler.handle(body));
        } catch (InvalidMessageException e) {
            // the reasons name fields and codes, never the body, which may carry a buyer's name and address
            LOG.errorf("ingest: %s (receive %s)", e.getMessage(), receiveCount(message));
            telemetry.ingestFailed(IngestFailure.INVALID_MESSAGE);
            throw e;
        } catch (RuntimeException e) {
            LOG.errorf(e, "ingest: failed, the message will be retried (receive %s)", receiveCount(message));
            telemetry.ingestFailed(IngestFailure.PROCESSING_ERROR);
            throw e;
        } finally {
            LogFields.clear();
        }
    }

    /** Strictly: a duplicate key or trailing content could make a message mean two things. */
    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidMessageException("message rejected", List.of(new FieldError("(body)", "is empty")));
        }
        try {
            return json.parse(body);
        } catch (JsonProcessingException e) {
            throw new InvalidMessageException("message rejected", List.of(new FieldError("(body)",
                    "is not valid JSON: " + problem(e))));
        }
    }

    /**
     * What is wrong and where, without Jackson's message: that quotes the offending token, which may be a piece
     * of personal data.
     */
    static String problem(JsonProcessingException e) {
        String message = String.valueOf(e.getOriginalMessage());
        String what = message.startsWith("Duplicate field") ? "duplicate field"
                : message.startsWith("Trailing token") ? "content after the JSON value"
                : message.startsWith("Unexpected end-of-input") ? "it ends too early" : "malformed";
        return e.getLocation() == null ? what
                : what + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    /** The envelope's tenant and event id for the log, before validation, so a rejected message is traceable. */
    private static void correlate(JsonNode body) {
        JsonNode tenant = body.path("tenantId");
        if (tenant.isTextual() && TenantId.isValid(tenant.textValue())) {
            LogFields.put(LogFields.TENANT, tenant.textValue());
        }
        JsonNode eventId = body.path("eventId");
        if (eventId.isTextual() && eventId.textValue().length() <= 256) {
            LogFields.put(LogFields.EVENT_ID, eventId.textValue());
        }
    }

    private static String receiveCount(SQSEvent.SQSMessage message) {
        return message.getAttributes() == null ? "?" : message.getAttributes().getOrDefault("ApproximateReceiveCount",
                "?");
    }
}
