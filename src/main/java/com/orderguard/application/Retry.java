package com.orderguard.application;

import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import com.orderguard.application.port.OrderChangeStore.CommitResult;

/**
 * Optimistic concurrency in one place. A use case reads, decides and commits in one attempt; an attempt that lost
 * the race (its commit met a {@link CommitResult.Conflict}: another writer changed what it read) is run again from
 * the read, after a short jittered pause so racers spread out, up to a number of attempts.
 */
final class Retry {

    /** The retry of every use case that writes an order. */
    static final Retry WRITES = new Retry(8);
    /** The sweep's: an order it keeps losing is left to its next run (every minute). */
    static final Retry SWEEP = new Retry(4);
    /** A look at a shop's metrics: when other looks keep saving first, they have looked already. */
    static final Retry LOOKS = new Retry(3);

    private final int attempts;

    private Retry(int attempts) {
        this.attempts = attempts;
    }

    /** One attempt: read, decide, commit. {@code attempt} counts from 1. */
    @FunctionalInterface
    interface Step<T> {
        Attempt<T> run(int attempt);
    }

    /** How an attempt ended: done with a value, or lost the race and worth another try. */
    sealed interface Attempt<T> {
        /** Done, with the use case's answer. */
        record Done<T>(T value) implements Attempt<T> {
        }

        /** Lost to another writer. */
        record Lost<T>() implements Attempt<T> {
        }
    }

    static <T> Attempt<T> done(T value) {
        return new Attempt.Done<>(value);
    }

    static <T> Attempt<T> lost() {
        return new Attempt.Lost<>();
    }

    /** Done with what {@code then} makes of the order as committed, or lost when the commit met a conflict. */
    static <T> Attempt<T> committed(CommitResult result, Function<StoredOrder, T> then) {
        return result instanceof CommitResult.Committed committed ? done(then.apply(committed.order())) : lost();
    }

    /** The value of the first attempt that is done; empty when every attempt was lost. */
    <T> Optional<T> attempt(Step<T> step) {
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (step.run(attempt) instanceof Attempt.Done<T> done) {
                return Optional.of(done.value());
            }
            if (attempt < attempts) {
                pause(attempt);
            }
        }
        return Optional.empty();
    }

    /** The value of the first attempt that is done; a {@link ConcurrentUpdateException} after all were lost. */
    <T> T run(Step<T> step, String gaveUp) {
        return attempt(step).orElseThrow(() -> new ConcurrentUpdateException(gaveUp));
    }

    /** Sleeps up to {@code 10 ms x attempt}, at random. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 10L * attempt + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConcurrentUpdateException("interrupted while waiting to retry a write");
        }
    }
}
