package com.orderguard.adapter.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.MDC;

import com.orderguard.application.port.ReadRound;
import com.orderguard.config.OrderGuardConfig;

/**
 * Runs one round of reads in parallel on a small bounded pool, so a page that reads N index partitions costs one
 * round trip, not N, a use case's independent reads cost one, and the sweep's shards are worked at once. The pool
 * is created on first use, at run time: a native image must not carry threads started while it was built (plain
 * platform threads, no virtual threads or fork-join tricks: they work the same in a native executable). Its size
 * also bounds the connections the URL-connection client opens at once: each pool thread holds at most one.
 */
@ApplicationScoped
public class ParallelReads implements ReadRound {

    private final int threads;
    private volatile ExecutorService pool;

    public ParallelReads(OrderGuardConfig config) {
        this.threads = Math.max(config.inbox().readThreads(), config.sweep().parallelShards());
    }

    /** The results of the reads, in their order; a read's failure is rethrown as it was thrown. */
    @Override
    public <T> List<T> all(List<Callable<T>> reads) {
        if (reads.size() == 1) {
            return List.of(ReadRound.call(reads.get(0)));
        }
        // the caller's log fields (tenant, sweep run, ...) name the reads' log lines too
        Map<String, Object> fields = MDC.getMap();
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> read : reads) {
            futures.add(pool().submit(() -> withFields(fields, read)));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(result(future));
        }
        return results;
    }

    private static <T> T withFields(Map<String, Object> fields, Callable<T> read) throws Exception {
        fields.forEach(MDC::put);
        try {
            return read.call();
        } finally {
            MDC.clear();
        }
    }

    private static <T> T result(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private ExecutorService pool() {
        ExecutorService current = pool;
        if (current == null) {
            synchronized (this) {
                if (pool == null) {
                    pool = Executors.newFixedThreadPool(threads, task -> {
                        Thread thread = new Thread(task, "orderguard-read");
                        thread.setDaemon(true);
                        return thread;
                    });
                }
                current = pool;
            }
        }
        return current;
    }

    @PreDestroy
    void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
