package com.orderguard.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.orderguard.adapter.lambda.queue.MessageHandler;
import com.orderguard.application.RequestOutcome;
import com.orderguard.application.Cancellations;
import com.orderguard.application.OrderQueries;
import com.orderguard.application.OrderSnapshots;
import com.orderguard.application.ShopHealthService;
import com.orderguard.application.SnapshotOutcome;
import com.orderguard.application.SnapshotSource;
import com.orderguard.application.Sweep;
import com.orderguard.application.SweepReport;
import com.orderguard.domain.Order;
import com.orderguard.domain.OrderStatus;
import com.orderguard.domain.TenantId;
import com.orderguard.domain.decision.OrderRequest;
import com.orderguard.domain.decision.PolicyCatalog;
import com.orderguard.domain.health.ShopKey;
import com.orderguard.support.CallCounter;
import com.orderguard.support.Events;
import com.orderguard.support.Messages;
import com.orderguard.support.TestOrders;

/**
 * DynamoDB calls and consumed capacity per operation, through the application's use cases, next to the minimum the
 * access pattern needs (docs/dynamodb.md), and the sequential round trips each operation makes (counted, not timed:
 * with every call slowed to {@link #LATENCY_MS}, calls sent together overlap and a round is a call that starts while
 * none is in flight). Operations run one at a time, so every counted call belongs to them.
 */
final class OperationCosts {

    /** A network's pace for counting rounds; the sweep's time per shard is measured without it. */
    static final long LATENCY_MS = 25;

    /** Messages of each type measured. */
    private static final int MESSAGES = 10;

    private final List<String[]> rounds = new ArrayList<>();

    private final OrderSnapshots snapshots;
    private final Cancellations cancellations;
    private final Sweep sweep;
    private final OrderQueries queries;
    private final ShopHealthService health;
    private final PolicyCatalog catalog;
    private final int pageSize;
    private final MessageHandler ingest;

    OperationCosts(OrderSnapshots snapshots, Cancellations cancellations, Sweep sweep, OrderQueries queries,
            ShopHealthService health, PolicyCatalog catalog, int pageSize, MessageHandler ingest) {
        this.ingest = ingest;
        this.snapshots = snapshots;
        this.cancellations = cancellations;
        this.sweep = sweep;
        this.queries = queries;
        this.health = health;
        this.catalog = catalog;
        this.pageSize = pageSize;
    }

    /** Measures every operation and adds a row for each. The sweep goes first: the due index is shared. */
    void measure(BenchTable table, int dueOrders) {
        sweepPerDueOrder(table, dueOrders);
        CallCounter.latency(LATENCY_MS);
        try {
            measureOperations(table);
            Measured idle = each(List.of(1), i -> sweep.run("idle", Instant.parse("2001-01-01T00:00:00Z"),
                    Duration.ofMinutes(1), 0));
            rounds.add(new String[] {"sweep run, nothing due (16 shards)", idle.rounds()});
        } finally {
            CallCounter.latency(0);
        }
        for (String[] row : rounds) {
            table.add("round trips", "sequential DynamoDB round trips: " + row[0], row[1], "<= 2",
                    Integer.parseInt(row[1].replaceAll("^max (\\d+).*$", "$1")) <= 2);
        }
    }

    private void measureOperations(BenchTable table) {
        Instant now = Instant.now();
        List<DecisionMix.Scenario> mix = DecisionMix.realistic(catalog, now);
        TenantId tenant = new TenantId("bench-ops");
        // floors per docs/dynamodb.md: the buyer's history is read only when the order names a buyer; a change that
        // counts against a shop leaves its look mark in its own transaction, and the sweep looks (no call here)
        row(table, "evaluate (what-if)", 0, mix.size(), each(mix, s ->
                cancellations.evaluate(s.order(), s.request(), s.seller(), now)));
        TenantId fresh = new TenantId("bench-new");
        // a new order's first shop in this process also registers the shop (one conditional PutItem)
        int newShops = (int) mix.stream().map(s -> ShopKey.of(s.order())).distinct().count();
        row(table, "ingest a snapshot: new order", 2 * mix.size() + newShops, mix.size(), each(mix, s ->
                store(fresh, s.order().withStatus(OrderStatus.AWAITING_SHIPMENT), now)));
        // the request mix's orders in the states its requests arrive in; storing them is not what is measured
        mix.forEach(s -> store(tenant, s.order(), now));
        int[] recordFloor = {0};
        Measured recorded = each(mix, s -> recordFloor[0] += record(tenant, s, now));
        row(table, "record a cancellation request", recordFloor[0], mix.size(), recorded);
        messages(table);
        int viewFloor = mix.stream().mapToInt(s -> 1 + buyerRead(s.order())).sum();
        row(table, "read the order view", viewFloor, mix.size(), each(mix, s ->
                queries.view(tenant, s.order().key(), now).orElseThrow()));
        TenantId shipping = new TenantId("bench-ship");
        List<DecisionMix.Scenario> open = mix.stream().filter(s -> s.order().status() == OrderStatus.AWAITING_SHIPMENT
                || s.order().status() == OrderStatus.SHIPMENT_ARRANGED).toList();
        open.forEach(s -> store(shipping, s.order(), now));
        // a shipment counts towards the late-shipment and tracking metrics: read and transaction (which marks the shop)
        row(table, "ingest a snapshot: order ships", 2 * open.size(), open.size(), each(open, s ->
                store(shipping, s.order().withStatus(OrderStatus.IN_TRANSIT), now.plusSeconds(1))));
        List<ShopKey> shops = mix.stream().map(s -> ShopKey.of(s.order())).distinct().toList();
        row(table, "shop health", shops.size(), shops.size(), each(shops, shop ->
                health.report(tenant, shop, now).orElseThrow()));
    }

    /**
     * Every queue message type through the ingest function's handler, each about a new order (an order's first
     * message reads and writes the most): a row of calls each, and its round trips.
     */
    private void messages(BenchTable table) {
        List<Map<String, String>> batches = IntStream.range(0, MESSAGES)
                .mapToObj(i -> Messages.everyType("bench-messages", "b" + i)).toList();
        for (String type : batches.get(0).keySet()) {
            Measured measured = each(batches, batch -> ingest.handle(Events.parse(batch.get(type))));
            table.add("DynamoDB per operation", "a " + type + " message, new order", costs(measured.used(),
                    batches.size()), "-", null);
            rounds.add(new String[] {"a " + type + " message, new order", measured.rounds()});
        }
    }

    /** Due orders on three marketplaces, then one sweep run over them all. */
    private void sweepPerDueOrder(BenchTable table, int count) {
        Instant now = Instant.now();
        TenantId tenant = new TenantId("bench-sweep");
        for (int i = 0; i < count; i++) {
            String site = switch (i % 3) {
                case 0 -> "shopee.MY.";
                case 1 -> "amazon.US.";
                default -> "ozon.RU.";
            };
            // past every platform's auto-cancel moment, so that each order is acted on
            Order order = TestOrders.order(site + "due-" + i).placedAt(now.minus(Duration.ofDays(40)))
                    .shipBy(now.minus(Duration.ofDays(30))).build();
            store(tenant, order, now.minusSeconds(60));
        }
        CallCounter.Usage before = CallCounter.usage();
        long started = System.nanoTime();
        SweepReport report = sweep.run("bench", Instant.now(), Duration.ofMinutes(5), 0);
        double runMillis = (System.nanoTime() - started) / 1e6;
        CallCounter.Usage used = CallCounter.usage().since(before);
        LongSummaryStatistics perShard = report.shards().stream().mapToLong(SweepReport.ShardReport::millis)
                .summaryStatistics();
        table.add("sweep", "time per shard (" + report.shards().size() + " shards at once, " + report.acted()
                + " acted on)", "mean " + decimal(perShard.getAverage()) + " ms, max " + perShard.getMax() + " ms; run "
                + Math.round(runMillis) + " ms", "-", null);
        // each order acted on once; each shop the run cancelled for looked at once: the health watch's Query, and the
        // DeleteItem of the look mark its cancellations left
        int minimum = report.acted() + 2 * report.shopsLooked();
        for (SweepReport.ShardReport shard : report.shards()) {
            // a page that comes back full carries a LastEvaluatedKey, so one more (possibly empty) page is read
            minimum += shard.examined() / pageSize + 1;
        }
        int examined = Math.max(1, report.examined());
        table.add("DynamoDB per operation", "sweep, per due order (" + report.examined() + " due, "
                + report.acted() + " acted on)", costs(used, examined), "floor " + decimal(
                (double) minimum / examined), used.totalCalls() <= minimum);
    }

    private void store(TenantId tenant, Order order, Instant at) {
        SnapshotOutcome outcome = snapshots.apply(tenant, order, new SnapshotSource("ev-" + order.key() + "-"
                + at.toEpochMilli(), at, "bench"), Instant.now());
        if (!(outcome instanceof SnapshotOutcome.Applied)) {
            throw new IllegalStateException("snapshot of " + order.key() + " not applied: " + outcome);
        }
    }

    /**
     * Records the scenario's request and returns the calls its access pattern needs: the order's collection, the
     * buyer's history, the shop's counts for the metric impact and the transaction (a cancellation against the
     * seller marks the shop for the sweep's look in that transaction).
     */
    private int record(TenantId tenant, DecisionMix.Scenario scenario, Instant now) {
        OrderRequest request = scenario.request();
        RequestOutcome outcome = cancellations.request(tenant, scenario.order().key(), request, now);
        if (!(outcome instanceof RequestOutcome.Recorded)) {
            throw new IllegalStateException("request on " + scenario.order().key() + " not recorded: " + outcome);
        }
        return 3 + buyerRead(scenario.order());
    }

    private static int buyerRead(Order order) {
        return order.buyerId() == null ? 0 : 1;
    }

    /** Calls of every operation together, and the most and the mean sequential round trips of one. */
    private static <T> Measured each(List<T> inputs, Consumer<T> operation) {
        CallCounter.Usage before = CallCounter.usage();
        long most = 0;
        long all = 0;
        for (T input : inputs) {
            long start = CallCounter.rounds();
            operation.accept(input);
            long made = CallCounter.rounds() - start;
            most = Math.max(most, made);
            all += made;
        }
        return new Measured(CallCounter.usage().since(before), "max " + most + " (mean "
                + decimal((double) all / Math.max(1, inputs.size())) + ")");
    }

    /** What {@link #each} counted. */
    private record Measured(CallCounter.Usage used, String rounds) {
    }

    /**
     * A row: calls per operation against the floor per operation ({@code floor} is the total over all of them); and
     * the operation's round trips, for the round-trip rows at the end.
     */
    private void row(BenchTable table, String operation, int floor, int count, Measured measured) {
        CallCounter.Usage used = measured.used();
        table.add("DynamoDB per operation", operation, costs(used, count), "floor " + decimal((double) floor / count),
                used.totalCalls() <= floor);
        rounds.add(new String[] {operation, measured.rounds()});
    }

    /** "2 calls (GetItem 1, TransactWriteItems 1), 7.0 CU" per operation. */
    private static String costs(CallCounter.Usage used, int count) {
        String breakdown = used.calls().entrySet().stream()
                .map(e -> e.getKey() + " " + decimal((double) e.getValue() / count))
                .collect(Collectors.joining(", "));
        return decimal((double) used.totalCalls() / count) + " calls" + (breakdown.isEmpty() ? "" : " ("
                + breakdown + ")") + ", " + String.format(Locale.ROOT, "%.1f", used.totalCapacity() / count)
                + " CU";
    }

    /** Up to two decimals, without trailing zeros. */
    static String decimal(double value) {
        String text = String.format(Locale.ROOT, "%.2f", value);
        return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }
}
