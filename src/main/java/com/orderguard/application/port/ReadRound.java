package com.orderguard.application.port;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Runs independent reads together, so that they cost one round trip to the store instead of one each. A use case
 * gathers every read it can name before it knows any result into one round; only reads that need an earlier
 * result (and the transaction) come after it.
 */
public interface ReadRound {

    /** The results of the reads, in their order; a read's failure is rethrown as it was thrown. */
    <T> List<T> all(List<Callable<T>> reads);

    /** One read after the other (unit tests, and wherever no parallel reader is configured). */
    ReadRound SEQUENTIAL = new ReadRound() {
        @Override
        public <T> List<T> all(List<Callable<T>> reads) {
            List<T> results = new ArrayList<>();
            for (Callable<T> read : reads) {
                results.add(call(read));
            }
            return results;
        }
    };

    /** Calls one read, passing runtime exceptions through and wrapping checked ones. */
    static <T> T call(Callable<T> read) {
        try {
            return read.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
