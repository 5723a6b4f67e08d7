package com.orderguard.application;

import java.time.Instant;
import java.util.List;

/**
 * What one sweep run did: per shard of the due-time index, the due items it examined, acted on, skipped (nothing
 * due after all, or another writer got there first) and failed, the query pages it read, and the largest lag
 * between an item's due time and the action. {@code complete} is false when the run stopped at its time budget;
 * the next run continues where it stopped (acted items have left the index). At its end the run looks at the
 * metrics of the shops it counted against and of those whose look mark it found in the index: {@code shopsLooked},
 * and {@code shopLooksFailed} (their marks stay for the next run).
 */
public record SweepReport(String runId, Instant now, List<ShardReport> shards, boolean complete, int shopsLooked,
        int shopLooksFailed) {

    /** Counts for one shard, and the time the run spent on it ({@code millis}: its pages and its actions). */
    public record ShardReport(int shard, int examined, int acted, int skipped, int failed, int pages,
            long maxLagSeconds, long millis) {
    }

    public int examined() {
        return shards.stream().mapToInt(ShardReport::examined).sum();
    }

    public int acted() {
        return shards.stream().mapToInt(ShardReport::acted).sum();
    }

    /** Orders and shop looks that failed (the next run tries them again). */
    public int failed() {
        return shards.stream().mapToInt(ShardReport::failed).sum() + shopLooksFailed;
    }

    /** The largest lag of any item of the run, in seconds; 0 when nothing was due. */
    public long maxLagSeconds() {
        return shards.stream().mapToLong(ShardReport::maxLagSeconds).max().orElse(0);
    }
}
