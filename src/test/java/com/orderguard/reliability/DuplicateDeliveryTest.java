package com.orderguard.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.orderguard.adapter.lambda.http.ApiContract;
import com.orderguard.adapter.lambda.queue.MessageHandler;
import com.orderguard.support.Events;
import com.orderguard.support.LocalDynamo;
import com.orderguard.support.Profiles;
import com.orderguard.support.QuietAppLogs;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * At-least-once delivery, out of order: each run generates order lifecycles (snapshots with times, some ending in
 * a cancellation request with a fixed request id), then defects and API cancellation requests with fixed ids, then
 * the seller's answers to the pending requests. One tenant receives every event once, in order; another receives
 * each event 1-3 times, shuffled, in random SQS batches. Their stores must end the same: ORDER items (status,
 * snapshot stamp, every order field, deadlines), request records and decisions, the shops' bucket counters, the
 * defect markers and the outbox events by type and order.
 *
 * <p>Left out of the comparison, because they legitimately depend on the interleaving: the {@code metricImpact}
 * of a decision (the shop's counters at the moment it was decided) and {@code MetricAtRisk} events (a metric can
 * pass through "at risk" on the way to "breached" in one order and jump straight there in another); decision and
 * resolution times. Each order has its own buyer and at most one request, so no decision can depend on order.
 * Seeds: {@code -Dreliability.seed=N} replays a failing run; {@code -Dreliability.runs=N} sets how many.
 */
@QuarkusTest
@TestProfile(Profiles.Reliability.class)
@ExtendWith(QuietAppLogs.class)
@Tag("reliability")
class DuplicateDeliveryTest {

    static final long SEED = Long.getLong("reliability.seed", System.currentTimeMillis());
    static final int RUNS = Scale.of("reliability.runs", 8, 4);
    /** Orders per run: 6-11 by default; the large run's runs are large (0: 6-11). */
    static final int ORDERS = Scale.of("reliability.orders", 0, 2400);
    /** Concurrent invocations of the large run's deliveries (the queue phase and the API phases). */
    static final int WRITERS = 8;
    static final Set<String> IGNORED = Set.of("decidedAt", "metricImpact", "at");

    LocalDynamo dynamo;

    @Inject
    MessageHandler handler;

    /** One delivery: what to send, and whether it is a repeat of an earlier one. */
    record Delivery(int event, int copy, Function<String, Object> send) {
    }

    /** An API call of one order (its lane: an order's calls go one after another, orders side by side). */
    record Call(String orderKey, Function<String, Invoker.ApiResponse> send) {
    }

    @Test
    void shuffledAndDuplicatedDelivery_endsLikeOneInOrderDelivery() {
        System.out.printf("duplicates and order: %d runs from seed %d (-Dreliability.seed=%d to replay)%n", RUNS, SEED,
                SEED);
        for (int run = 0; run < RUNS; run++) {
            long seed = SEED + run;
            try {
                oneRun(seed);
            } catch (AssertionError e) {
                throw new AssertionError("run with seed " + seed + " (replay: -Dreliability.seed=" + seed
                        + " -Dreliability.runs=1): " + e.getMessage(), e);
            }
        }
        Ledger.add(Ledger.STREAMS, RUNS);
    }

    void oneRun(long seed) {
        Random random = new Random(seed);
        String tidy = "dup-" + seed + "-tidy";
        String messy = "dup-" + seed + "-messy";
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Lifecycles.Event> events = new ArrayList<>();
        List<String> plainOrders = new ArrayList<>();
        int orders = ORDERS > 0 ? ORDERS : 6 + random.nextInt(6);
        for (int i = 0; i < orders; i++) {
            String orderId = "D" + Long.toString(Math.abs(seed), 36).toUpperCase() + "x" + i;
            boolean request = random.nextInt(3) == 0;
            List<Lifecycles.Event> lifecycle = Lifecycles.order(random, orderId,
                    now.minus(Duration.ofHours(24 * 7 + random.nextInt(48))), request);
            events.addAll(lifecycle);
            if (!request) {
                plainOrders.add(lifecycle.get(0).orderKey());
            }
        }
        // phase 1: the queue
        TenantItems written = TenantItems.since(dynamo);
        long started = System.nanoTime();
        if (Scale.LARGE) {
            deliverAtScale(random, seed, events, tidy, messy);
        } else {
            deliver(random, events.size(), i -> events.get(i).message(tidy), i -> events.get(i).message(messy),
                    true);
        }

        long queued = System.nanoTime();
        // phase 2: defects and API cancellation requests with fixed ids (each order at most one request)
        List<Call> calls = new ArrayList<>();
        Instant requestedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (String key : plainOrders) {
            int kind = random.nextInt(3);
            if (kind == 0) {
                String defectId = "df-" + key.replace('.', '-');
                String type = List.of("NEGATIVE_FEEDBACK", "A_TO_Z_CLAIM", "CHARGEBACK").get(random.nextInt(3));
                calls.add(new Call(key, tenant -> Invoker.api(ApiContract.RECORD_DEFECT, Map.of("orderKey", key),
                        tenant, "{\"defectId\":\"" + defectId + "\",\"type\":\"" + type + "\"}")));
            } else if (kind == 1) {
                String body = "{\"requestId\":\"api-" + key.replace('.', '-') + "\",\"initiator\":\""
                        + (random.nextBoolean() ? "BUYER\",\"reason\":\"CHANGE_OF_MIND" : "SELLER\",\"reason\":"
                        + "\"OUT_OF_STOCK") + "\",\"requestedAt\":\"" + requestedAt + "\"}";
                calls.add(new Call(key, tenant -> Invoker.api(ApiContract.REQUEST_CANCELLATION,
                        Map.of("orderKey", key), tenant, body)));
            }
        }
        deliverCalls(random, calls, tidy, messy);

        // phase 3: the seller answers every pending request, once or several times
        List<String[]> pending = TenantState.of(written, tidy, Set.of()).requests().entrySet().stream()
                .filter(e -> "PENDING".equals(((Map<?, ?>) e.getValue()).get("status")))
                .map(e -> e.getKey().split("/")).toList();
        List<Call> answers = pending.stream().map(p -> {
            String answer = random.nextBoolean() ? "APPROVE" : "REJECT";
            return new Call(p[0], tenant -> resolve(tenant, p, answer));
        }).toList();
        deliverCalls(random, answers, tidy, messy);
        long called = System.nanoTime();

        TenantState expected = TenantState.of(written, tidy, IGNORED).withoutMetricAtRisk();
        List<String> differences = TenantState.of(written, messy, IGNORED).withoutMetricAtRisk()
                .differences(expected);
        Outcomes.record(differences);
        Ledger.add(Ledger.COUNTERS, expected.buckets().values().stream().mapToLong(day -> ((Map<?, ?>) day)
                .values().stream().filter(value -> String.valueOf(value).startsWith("N:")).count()).sum());
        System.out.printf("run %d: %d orders, %d events; queue phase %d s, API phases %d s (the pending requests"
                + " read in it), comparison %d s%n", seed, orders, events.size(), (queued - started) / 1_000_000_000L,
                (called - queued) / 1_000_000_000L, (System.nanoTime() - called) / 1_000_000_000L);
        assertThat(differences).as("shuffled and duplicated delivery vs one in-order delivery").isEmpty();
    }

    /**
     * The large run's queue phase: to the tidy tenant each order's events in order (orders side by side, a failed
     * message sent again before the order's next one); to the messy one every event 1-3 times, shuffled, through
     * {@link QueueDriver} ({@value #WRITERS} concurrent invocations, failed messages back on the queue). Nothing may
     * be dead-lettered.
     */
    void deliverAtScale(Random random, long seed, List<Lifecycles.Event> events, String tidy, String messy) {
        Map<String, List<Lifecycles.Event>> byOrder = new LinkedHashMap<>();
        events.forEach(event -> byOrder.computeIfAbsent(event.orderKey(), k -> new ArrayList<>()).add(event));
        AtomicLong redeliveries = new AtomicLong();
        inLanes(byOrder.values().stream().map(order -> order.stream().<Runnable>map(event -> () -> redeliveries
                .addAndGet(untilAccepted(event.message(tidy)))).toList()).toList(), "in-order delivery");
        List<QueueDriver.Message> copies = new ArrayList<>();
        for (Lifecycles.Event event : events) {
            for (int copy = 0, times = 1 + random.nextInt(3); copy < times; copy++) {
                copies.add(new QueueDriver.Message("m-" + seed + "-" + copies.size(), event.message(messy)));
            }
        }
        Collections.shuffle(copies, random);
        QueueDriver.Result result;
        try {
            result = QueueDriver.drain(copies, WRITERS, 10, 5);
        } catch (Exception e) {
            throw new AssertionError("shuffled delivery failed: " + e, e);
        }
        Ledger.add(Ledger.LOST, result.deadLettered().size());
        Ledger.add(Ledger.DEAD_LETTERED, result.deadLettered().size());
        assertThat(result.deadLettered()).as("dead-lettered messages").isEmpty();
        Ledger.add(Ledger.EVENTS, events.size() + copies.size() + redeliveries.get() + result.failedToQueue());
        Ledger.add(Ledger.DUPLICATES, copies.size() - events.size());
        Ledger.add(Ledger.REDELIVERIES, redeliveries.get() + result.failedToQueue());
    }

    /** Sends one message until it is accepted, as the queue would (5 receives); the redeliveries it took. */
    static int untilAccepted(String message) {
        for (int receive = 0; receive < 5; receive++) {
            if (!Invoker.ingestFails(message)) {
                return receive;
            }
        }
        Ledger.add(Ledger.LOST, 1);
        Ledger.add(Ledger.DEAD_LETTERED, 1);
        throw new AssertionError("dead-lettered after 5 receives: " + message);
    }

    static Invoker.ApiResponse resolve(String tenant, String[] request, String answer) {
        return Invoker.api(ApiContract.RESOLVE_CANCELLATION, Map.of("orderKey", request[0], "requestId", request[1]),
                tenant, "{\"resolution\":\"" + answer + "\",\"note\":\"seller answer\"}");
    }

    /**
     * Runs each lane's steps one after another, the lanes side by side on {@value #WRITERS} threads (the invocations
     * the Invoke API serves at once); the first failure of a step fails the whole.
     */
    static void inLanes(Collection<List<Runnable>> lanes, String what) {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (List<Runnable> lane : lanes) {
                running.add(pool.submit(() -> lane.forEach(Runnable::run)));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof AssertionError failed ? failed
                    : new AssertionError(what + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(what + " interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The API calls of a phase: to the tidy tenant each once, in order; to the messy one each 1-3 times, shuffled.
     * In the large run the orders go side by side ({@link #inLanes}), each order's calls still in that order (the
     * tidy tenant's first, then the messy one's); otherwise one call at a time.
     */
    void deliverCalls(Random random, List<Call> calls, String tidy, String messy) {
        if (!Scale.LARGE) {
            deliver(random, calls.size(), i -> calls.get(i).send().apply(tidy), i -> calls.get(i).send().apply(messy),
                    false);
            return;
        }
        List<Delivery> deliveries = copies(random, calls.size(), i -> calls.get(i).send().apply(messy));
        Map<String, List<Runnable>> inOrder = new LinkedHashMap<>();
        calls.forEach(call -> inOrder.computeIfAbsent(call.orderKey(), k -> new ArrayList<>())
                .add(() -> assertAccepted(call.send().apply(tidy), false)));
        inLanes(inOrder.values(), "the tidy tenant's API calls");
        Map<String, List<Runnable>> shuffled = new LinkedHashMap<>();
        deliveries.forEach(delivery -> shuffled.computeIfAbsent(calls.get(delivery.event()).orderKey(),
                k -> new ArrayList<>()).add(() -> assertAccepted((Invoker.ApiResponse) delivery.send().apply(null),
                true)));
        inLanes(shuffled.values(), "the messy tenant's API calls");
        Ledger.add(Ledger.EVENTS, calls.size() + deliveries.size());
        Ledger.add(Ledger.DUPLICATES, deliveries.size() - calls.size());
    }

    /** Each of events {@code 0..count-1} 1-3 times, shuffled. */
    static List<Delivery> copies(Random random, int count, Function<Integer, Object> send) {
        List<Delivery> deliveries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            int copies = 1 + random.nextInt(3);
            for (int copy = 0; copy < copies; copy++) {
                deliveries.add(new Delivery(index, copy, t -> send.apply(index)));
            }
        }
        Collections.shuffle(deliveries, random);
        return deliveries;
    }

    /**
     * Sends events {@code 0..count-1} once in order to the tidy tenant, and 1-3 times shuffled to the messy one;
     * queue messages go in SQS batches of 1-10 records. Nothing may fail, and no API call may answer 5xx.
     */
    void deliver(Random random, int count, Function<Integer, Object> tidy, Function<Integer, Object> messy,
            boolean queue) {
        List<Delivery> deliveries = copies(random, count, messy);
        if (queue) {
            for (int i = 0; i < count; i++) {
                String message = (String) tidy.apply(i);
                if (Invoker.ingestFails(message)) {
                    try {
                        handler.handle(Events.parse(message));
                    } catch (RuntimeException e) {
                        throw new AssertionError("in-order message " + i + " failed: " + e + "\n" + message, e);
                    }
                }
            }
            for (int from = 0; from < deliveries.size(); ) {
                int size = Math.min(1 + random.nextInt(10), deliveries.size() - from);
                List<Events.Record> batch = new ArrayList<>();
                for (Delivery delivery : deliveries.subList(from, from + size)) {
                    batch.add(new Events.Record("m" + batch.size(), (String) delivery.send().apply(null)));
                }
                var result = Invoker.invoke("ingest", Events.sqs(batch));
                assertThat(result.functionError()).isFalse();
                assertThat(result.json().path("batchItemFailures").size()).as("failed messages").isZero();
                from += size;
            }
        } else {
            for (int i = 0; i < count; i++) {
                assertAccepted((Invoker.ApiResponse) tidy.apply(i), false);
            }
            for (Delivery delivery : deliveries) {
                assertAccepted((Invoker.ApiResponse) delivery.send().apply(null), true);
            }
        }
        Ledger.add(Ledger.EVENTS, count + deliveries.size());
        Ledger.add(Ledger.DUPLICATES, deliveries.size() - count);
    }

    /** A first delivery is 2xx; a repeat may also be the 409 of an already resolved request. */
    static void assertAccepted(Invoker.ApiResponse response, boolean repeat) {
        boolean replayedResolution = repeat && response.status() == 409
                && response.body().contains("no longer pending");
        assertThat(response.status() / 100 == 2 || replayedResolution).as("%s %s", response.status(),
                response.body()).isTrue();
    }
}
