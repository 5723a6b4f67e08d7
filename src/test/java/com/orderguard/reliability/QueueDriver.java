package com.orderguard.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.orderguard.support.Events;

/**
 * An SQS queue and the ingest function's event source mapping, in memory: messages in arrival order, taken in
 * batches by {@code concurrency} concurrent invocations through the Invoke API; a message in
 * {@code batchItemFailures} (or in an invocation that failed whole) goes back on the queue with its receive count
 * up, and to the dead-letter queue at {@code maxReceives} (the template's maxReceiveCount, 5).
 */
final class QueueDriver {

    /** One message: its SQS message id (kept across redeliveries) and body. */
    record Message(String id, String body) {
    }

    /** What draining the queue did. {@code latencies} are the invocations' round trips, sorted. */
    record Result(long invocations, long deliveries, long failedToQueue, List<Message> deadLettered,
            List<Long> latenciesMillis, Duration wall) {

        long latencyPercentile(double p) {
            return latenciesMillis.isEmpty() ? 0 : latenciesMillis.get(Math.min(latenciesMillis.size() - 1,
                    (int) Math.ceil(p * latenciesMillis.size()) - 1));
        }
    }

    private record Pending(Message message, int receives) {
    }

    private QueueDriver() {
    }

    /** Delivers every message until each was processed or dead-lettered. */
    static Result drain(List<Message> messages, int concurrency, int batchSize, int maxReceives) throws Exception {
        ConcurrentLinkedDeque<Pending> queue = new ConcurrentLinkedDeque<>();
        messages.forEach(message -> queue.add(new Pending(message, 0)));
        AtomicInteger inFlight = new AtomicInteger();
        AtomicLong invocations = new AtomicLong();
        AtomicLong deliveries = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<Message> dead = Collections.synchronizedList(new ArrayList<>());
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                running.add(workers.submit(() -> {
                    while (true) {
                        List<Pending> batch = new ArrayList<>();
                        inFlight.incrementAndGet();
                        for (Pending next = queue.poll(); next != null; next = batch.size() < batchSize
                                ? queue.poll() : null) {
                            batch.add(next);
                        }
                        if (batch.isEmpty()) {
                            if (inFlight.decrementAndGet() == 0 && queue.isEmpty()) {
                                return null;
                            }
                            Thread.sleep(5);
                            continue;
                        }
                        long sent = System.nanoTime();
                        Set<String> failures = invoke(batch);
                        latencies.add((System.nanoTime() - sent) / 1_000_000);
                        invocations.incrementAndGet();
                        deliveries.addAndGet(batch.size());
                        for (Pending pending : batch) {
                            if (failures.contains(pending.message().id())) {
                                failed.incrementAndGet();
                                if (pending.receives() + 1 >= maxReceives) {
                                    dead.add(pending.message());
                                } else {
                                    queue.add(new Pending(pending.message(), pending.receives() + 1));
                                }
                            }
                        }
                        inFlight.decrementAndGet();
                    }
                }));
            }
            for (Future<?> worker : running) {
                worker.get();
            }
        } finally {
            workers.shutdownNow();
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Result(invocations.get(), deliveries.get(), failed.get(), List.copyOf(dead), sorted,
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** The ids of the batch's messages that failed: those the function reported, or all when it failed whole. */
    private static Set<String> invoke(List<Pending> batch) {
        List<Events.Record> records = batch.stream().map(p -> new Events.Record(p.message().id(),
                p.message().body())).toList();
        Invoker.Invocation invocation;
        try {
            invocation = Invoker.invoke("ingest", Events.sqs(records));
        } catch (RuntimeException e) {
            return Set.copyOf(records.stream().map(Events.Record::messageId).toList());
        }
        if (invocation.status() != 200 || invocation.functionError()) {
            return Set.copyOf(records.stream().map(Events.Record::messageId).toList());
        }
        return Set.copyOf(invocation.json().path("batchItemFailures").findValuesAsText("itemIdentifier"));
    }
}
