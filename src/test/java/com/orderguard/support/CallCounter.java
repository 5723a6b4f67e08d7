package com.orderguard.support;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;

/**
 * Counts the application's DynamoDB calls by operation (an SDK interceptor, registered with
 * {@code quarkus.dynamodb.interceptors}), so tests and benchmarks can print calls per operation. It also adds up
 * the capacity a response reports (only when the request asked for it: see {@link CapacityCounter}) and the items
 * of each {@code TransactWriteItems} call, and counts sequential round trips: a call that starts while no other
 * call is in flight starts a new round; calls sent together join the round of the first. With
 * {@link #latency(long)} every call takes at least that long, as on a network, so calls a use case sends together
 * surely overlap and calls it sends one after another surely do not.
 */
public class CallCounter implements ExecutionInterceptor {

    private static final AtomicInteger IN_FLIGHT = new AtomicInteger();
    private static final LongAdder ROUNDS = new LongAdder();
    private static volatile long latencyMillis;
    private static final Map<String, LongAdder> CALLS = new ConcurrentHashMap<>();
    private static final Map<String, DoubleAdder> CAPACITY = new ConcurrentHashMap<>();
    private static final Map<String, LongAdder> TRANSACT_ITEMS = new ConcurrentHashMap<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        CALLS.computeIfAbsent(operation, k -> new LongAdder()).increment();
        if (IN_FLIGHT.getAndIncrement() == 0) {
            ROUNDS.increment();
        }
        context.request().getValueForField("TransactItems", List.class).ifPresent(items ->
                TRANSACT_ITEMS.computeIfAbsent(operation, k -> new LongAdder()).add(items.size()));
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        long latency = latencyMillis;
        if (latency > 0) {
            try {
                Thread.sleep(latency);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        IN_FLIGHT.decrementAndGet();
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        IN_FLIGHT.decrementAndGet();
        double units = capacityUnits(context.response());
        if (units > 0) {
            CAPACITY.computeIfAbsent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                    k -> new DoubleAdder()).add(units);
        }
    }

    /** The capacity units a response reports: one {@code ConsumedCapacity} or a list of them (transactions). */
    private static double capacityUnits(SdkResponse response) {
        Object consumed = response.getValueForField("ConsumedCapacity", Object.class).orElse(null);
        if (consumed instanceof ConsumedCapacity single) {
            return single.capacityUnits() == null ? 0 : single.capacityUnits();
        }
        if (consumed instanceof List<?> list) {
            return list.stream().filter(ConsumedCapacity.class::isInstance).map(ConsumedCapacity.class::cast)
                    .mapToDouble(c -> c.capacityUnits() == null ? 0 : c.capacityUnits()).sum();
        }
        return 0;
    }

    /** Every call takes at least {@code millis} from now on (0: as fast as it is). */
    public static void latency(long millis) {
        latencyMillis = millis;
    }

    /** Sequential round trips so far: calls that started while no other call was in flight. */
    public static long rounds() {
        return ROUNDS.sum();
    }

    /** The calls so far, by operation. */
    public static Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        CALLS.forEach((operation, count) -> copy.put(operation, count.sum()));
        return copy;
    }

    /** Calls of {@code operation} between two snapshots. */
    public static long between(Map<String, Long> before, Map<String, Long> after, String operation) {
        return after.getOrDefault(operation, 0L) - before.getOrDefault(operation, 0L);
    }

    /** Everything counted so far. */
    public static Usage usage() {
        Map<String, Double> capacity = new TreeMap<>();
        CAPACITY.forEach((operation, units) -> capacity.put(operation, units.sum()));
        Map<String, Long> items = new TreeMap<>();
        TRANSACT_ITEMS.forEach((operation, count) -> items.put(operation, count.sum()));
        return new Usage(snapshot(), capacity, items);
    }

    /**
     * Calls by operation, capacity units by operation (as the service reports them) and items written by
     * {@code TransactWriteItems}.
     */
    public record Usage(Map<String, Long> calls, Map<String, Double> capacity, Map<String, Long> transactItems) {

        /** Nothing counted. */
        public static final Usage NONE = new Usage(Map.of(), Map.of(), Map.of());

        /** Both counts added up. */
        public Usage plus(Usage other) {
            Map<String, Long> calls = new TreeMap<>(this.calls);
            other.calls.forEach((op, n) -> calls.merge(op, n, Long::sum));
            Map<String, Double> capacity = new TreeMap<>(this.capacity);
            other.capacity.forEach((op, units) -> capacity.merge(op, units, Double::sum));
            Map<String, Long> items = new TreeMap<>(transactItems);
            other.transactItems.forEach((op, n) -> items.merge(op, n, Long::sum));
            return new Usage(calls, capacity, items);
        }

        /** What was counted since {@code before}. */
        public Usage since(Usage before) {
            Map<String, Long> calls = new TreeMap<>();
            this.calls.forEach((op, n) -> putIfNonZero(calls, op, n - before.calls.getOrDefault(op, 0L)));
            Map<String, Double> capacity = new TreeMap<>();
            this.capacity.forEach((op, units) -> {
                double delta = units - before.capacity.getOrDefault(op, 0.0);
                if (delta > 0) {
                    capacity.put(op, delta);
                }
            });
            Map<String, Long> items = new TreeMap<>();
            transactItems.forEach((op, n) -> putIfNonZero(items, op, n - before.transactItems.getOrDefault(op, 0L)));
            return new Usage(calls, capacity, items);
        }

        /** Calls of every operation. */
        public long totalCalls() {
            return calls.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Capacity units of every operation. */
        public double totalCapacity() {
            return capacity.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        private static void putIfNonZero(Map<String, Long> map, String key, long value) {
            if (value != 0) {
                map.put(key, value);
            }
        }
    }
}
