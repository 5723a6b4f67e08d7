package com.orderguard.adapter.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import com.orderguard.config.OrderGuardConfig;

/**
 * Runs one round of reads in parallel on a small bounded pool, so a page that reads N index partitions costs one
 * round trip, not N. The pool is created on first use, at run time: a native image must not carry threads started
 * while it was built. Its size also bounds the connections the URL-connection client opens at once.
 */
@ApplicationScoped
public class ParallelReads {

    private final int threads;
    private volatile ExecutorService pool;

    public ParallelReads(OrderGuardConfig config) {
        this.threads = config.inbox().readThreads();
    }

    /** The results of the reads, in their order; a read's failure is rethrown as it was thrown. */
    public <T> List<T> all(List<Callable<T>> reads) {
        if (reads.size() == 1) {
            return List.of(call(reads.get(0)));
        }
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> read : reads) {
            futures.add(pool().submit(read));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(result(future));
        }
        return results;
    }

    private static <T> T call(Callable<T> read) {
        try {
            return read.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
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
