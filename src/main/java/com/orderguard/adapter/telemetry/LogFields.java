package com.orderguard.adapter.telemetry;

import org.jboss.logging.MDC;

/**
 * The correlation fields every log line of a request, message or sweep run carries (the JSON log's {@code mdc}
 * object). Values are identifiers only, never personal data. Lambda reuses its thread for the next invocation,
 * so each function clears them when it returns.
 */
public final class LogFields {

    public static final String TENANT = "tenant";
    public static final String ORDER_KEY = "orderKey";
    /** API Gateway's request id. */
    public static final String REQUEST_ID = "requestId";
    /** The API route key, e.g. {@code GET /v1/orders/{orderKey}}. */
    public static final String ROUTE = "route";
    public static final String SQS_MESSAGE_ID = "sqsMessageId";
    /** The queue message's own event id. */
    public static final String EVENT_ID = "eventId";
    public static final String SWEEP_RUN_ID = "sweepRunId";

    private LogFields() {
    }

    /** Sets a field; a null value removes it. */
    public static void put(String name, String value) {
        if (value == null) {
            MDC.remove(name);
        } else {
            MDC.put(name, value);
        }
    }

    /** The field's value, or null. */
    public static String get(String name) {
        Object value = MDC.get(name);
        return value == null ? null : value.toString();
    }

    /** Removes every field: at the end of each invocation. */
    public static void clear() {
        MDC.clear();
    }
}
