package com.orderguard.application;

import java.time.Instant;
import java.util.List;

/**
 * What one sweep run saw: per shard of the due-time index, the items examined and how late the oldest one was.
 * {@code complete} is false when the run stopped at its time budget; the next run continues.
 */
public record SweepReport(String runId, Instant now, List<ShardReport> shards, boolean complete) {

    /** Counts for one shard. */
    public record ShardReport(int shard, int examined, int pages, long maxLagSeconds) {
    }

    public int examined() {
        return shards.stream().mapToInt(ShardReport::examined).sum();
    }
}
