package com.orderguard.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.orderguard.application.port.OrderStore;
import com.orderguard.application.port.OrderStore.DuePage;

/**
 * Pages through the due-time index, shard by shard, within a time budget. This first version only reports what
 * is due; acting on it comes with the timeout rules.
 */
public class Sweep {

    private final OrderStore store;
    private final Clock clock;
    private final int shards;
    private final int pageSize;

    /**
     * @param clock measures the time budget only; what is due is judged against the {@code now} of each run
     */
    public Sweep(OrderStore store, Clock clock, int shards, int pageSize) {
        this.store = store;
        this.clock = clock;
        this.shards = shards;
        this.pageSize = pageSize;
    }

    /** Examines every shard for items due at or before {@code now}, stopping when {@code budget} is spent. */
    public SweepReport run(String runId, Instant now, Duration budget) {
        Instant stopAt = clock.instant().plus(budget);
        List<SweepReport.ShardReport> reports = new ArrayList<>();
        boolean complete = true;
        for (int shard = 0; shard < shards && complete; shard++) {
            int examined = 0;
            int pages = 0;
            long maxLag = 0;
            String cursor = null;
            do {
                if (!clock.instant().isBefore(stopAt)) {
                    complete = false;
                    break;
                }
                DuePage page = store.due(shard, now, pageSize, cursor);
                pages++;
                for (StoredOrder order : page.orders()) {
                    examined++;
                    maxLag = Math.max(maxLag, Duration.between(order.nextDueAt(), now).toSeconds());
                }
                cursor = page.nextCursor();
            } while (cursor != null);
            reports.add(new SweepReport.ShardReport(shard, examined, pages, maxLag));
        }
        return new SweepReport(runId, now, reports, complete);
    }
}
