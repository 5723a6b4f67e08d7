package com.orderguard.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;

import com.orderguard.adapter.telemetry.LogFields;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Counts, per queue message (the {@code sqsMessageId} log field the ingest function sets on its thread while it
 * handles one), the DynamoDB calls it made, the attempts on the wire (the SDK's retries included) and the calls that
 * failed (cancelled transactions included, which the application retries): so a scenario can print the retries of
 * each operation. Redeliveries of a message keep its id and add to its counts.
 */
public class MessageAttempts implements ExecutionInterceptor {

    /** Calls, attempts and failed calls of one message. */
    private static final Map<String, AtomicIntegerArray> COUNTS = new ConcurrentHashMap<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        add(0);
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        add(1);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        add(2);
    }

    private static void add(int which) {
        String message = LogFields.get(LogFields.SQS_MESSAGE_ID);
        if (message != null) {
            COUNTS.computeIfAbsent(message, m -> new AtomicIntegerArray(3)).incrementAndGet(which);
        }
    }

    /** Forgets every count. */
    public static void reset() {
        COUNTS.clear();
    }

    /**
     * Retries of each message so far: attempts beyond one per call (the SDK's) plus failed calls (each a cancelled
     * transaction or a call the SDK gave up on, after which the application or the queue tried again).
     */
    public static Map<String, Integer> retries() {
        Map<String, Integer> out = new ConcurrentHashMap<>();
        COUNTS.forEach((message, counts) -> out.put(message, counts.get(1) - counts.get(0) + counts.get(2)));
        return out;
    }
}
