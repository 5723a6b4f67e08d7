package com.orderguard.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.orderguard.application.Inbox;
import com.orderguard.application.OrderSnapshots;
import com.orderguard.application.ShopFilter;
import com.orderguard.application.SnapshotOutcome;
import com.orderguard.application.SnapshotSource;
import com.orderguard.application.port.InboxStore.AttentionQuery;
import com.orderguard.domain.Order;
import com.orderguard.domain.TenantId;
import com.orderguard.domain.attention.AttentionKind;
import com.orderguard.support.CallCounter;
import com.orderguard.support.TestOrders;

/**
 * The attention inbox's first page (50 items) for a tenant with many open orders in six shops on two marketplaces:
 * DynamoDB calls, the rounds of parallel Queries they make, and latency, next to one plain Query's latency (a page
 * that costs one round should take about as long as the slowest of its Queries).
 */
final class InboxBench {

    private static final String[] SITES = {"shopee.MY.", "amazon.US."};

    private final OrderSnapshots snapshots;
    private final Inbox inbox;
    private final int shards;

    InboxBench(OrderSnapshots snapshots, Inbox inbox, int shards) {
        this.snapshots = snapshots;
        this.inbox = inbox;
        this.shards = shards;
    }

    void measure(BenchTable table, int orders, int runs) throws Exception {
        TenantId tenant = new TenantId("bench-inbox-" + System.currentTimeMillis());
        Instant now = Instant.now();
        load(tenant, orders, now);
        AttentionQuery query = new AttentionQuery(EnumSet.allOf(AttentionKind.class), ShopFilter.ALL, now,
                Inbox.DEFAULT_WITHIN, 50, null);
        inbox.attention(tenant, query);
        CallCounter.Usage before = CallCounter.usage();
        List<Double> millis = new ArrayList<>();
        int items = 0;
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            items = inbox.attention(tenant, query).items().size();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        CallCounter.Usage used = CallCounter.usage().since(before);
        millis.sort(Double::compare);
        String area = "attention inbox";
        table.add(area, "first page (" + items + " items of " + orders + " open orders in 6 shops): DynamoDB calls",
                OperationCosts.decimal((double) used.totalCalls() / runs) + " Queries, "
                        + String.format(Locale.ROOT, "%.1f", used.totalCapacity() / runs) + " CU",
                (3 * shards + 1) + " (3 kinds x " + shards + " shards + registry)",
                used.totalCalls() <= (long) (3 * shards + 1) * runs);
        table.add(area, "sequential round trips per page", "1 parallel round (all Queries submitted at once)",
                "1", null);
        table.add(area, "latency p50 / max, " + runs + " pages", String.format(Locale.ROOT, "%.1f ms / %.1f ms",
                millis.get(millis.size() / 2), millis.get(millis.size() - 1)), "-", null);
        table.note("attention inbox: " + orders + " orders due to ship within 48 hours (2 marketplaces, 6 shops), "
                + "stored through the snapshot use case with 4 threads; the page read through the Inbox use case "
                + "against DynamoDB Local, Queries counted by the SDK interceptor");
    }

    private void load(TenantId tenant, int orders, Instant now) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < orders; i++) {
                int n = i;
                done.add(pool.submit(() -> store(tenant, n, now)));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private void store(TenantId tenant, int n, Instant now) {
        Order base = TestOrders.order(SITES[n % 2] + "inbox-" + n).placedAt(now.minus(Duration.ofHours(3)))
                .shipBy(now.plus(Duration.ofMinutes(1 + n % 2000))).build();
        Order order = new Order(base.key(), "shop-" + (n % 6), base.fulfilment(), base.status(), base.placedAt(),
                base.paidAt(), null, base.shipBy(), null, null, null, null, base.buyerId(), base.items(), null);
        SnapshotOutcome outcome = snapshots.apply(tenant, order, new SnapshotSource("inbox-" + n, now, "bench"), now);
        if (!(outcome instanceof SnapshotOutcome.Applied)) {
            throw new IllegalStateException("snapshot " + n + " not applied: " + outcome);
        }
    }
}
