package com.orderguard.application;

import java.util.concurrent.ThreadLocalRandom;

/** A short, jittered pause between attempts after losing an optimistic-locking race, so racers spread out. */
final class Backoff {

    private Backoff() {
    }

    /** Sleeps up to {@code 10 ms x attempt}, at random. */
    static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 10L * attempt + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConcurrentUpdateException("interrupted while waiting to retry a write");
        }
    }
}
