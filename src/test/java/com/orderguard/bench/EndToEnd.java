package com.orderguard.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import com.orderguard.application.RequestOutcome;
import com.orderguard.application.Cancellations;
import com.orderguard.application.OrderSnapshots;
import com.orderguard.application.SnapshotOutcome;
import com.orderguard.application.SnapshotSource;
import com.orderguard.domain.Order;
import com.orderguard.domain.TenantId;
import com.orderguard.domain.decision.CancelReason;
import com.orderguard.domain.decision.OrderRequest;
import com.orderguard.domain.decision.Channel;
import com.orderguard.domain.decision.Initiator;
import com.orderguard.support.CallCounter;
import com.orderguard.support.TestOrders;

/**
 * Operations per second through the application's use cases against DynamoDB Local, next to the same DynamoDB
 * Local's rate for bare writes of the same shape (a transaction of as many items), measured in turn in the same run:
 * the ratio is the figure, the absolute rates only say how fast this machine was at the time. Each of a few rounds
 * measures all four rates one after the other; the medians are reported.
 */
final class EndToEnd {

    private static final TenantId TENANT = new TenantId("bench-e2e");

    private final OrderSnapshots snapshots;
    private final Cancellations cancellations;
    private final DynamoBaseline bare;
    private final int threads;
    private final int count;

    EndToEnd(OrderSnapshots snapshots, Cancellations cancellations, DynamoBaseline bare, int threads, int count) {
        this.snapshots = snapshots;
        this.cancellations = cancellations;
        this.bare = bare;
        this.threads = threads;
        this.count = count;
    }

    void measure(BenchTable table, int rounds) {
        // an untimed round warms up both sides and shows how many items each operation's transaction writes
        int snapshotItems = itemsPerTransaction(() -> rate("w", this::snapshot));
        int requestItems = itemsPerTransaction(() -> rate("w", this::request));
        bare.putItems("wp", count, threads);
        bare.transactions("ws", count, threads, snapshotItems);
        double[] put = new double[rounds];
        double[] snapshotBare = new double[rounds];
        double[] snapshot = new double[rounds];
        double[] requestBare = new double[rounds];
        double[] request = new double[rounds];
        CallCounter.Usage snapshotCalls = CallCounter.Usage.NONE;
        CallCounter.Usage requestCalls = CallCounter.Usage.NONE;
        for (int r = 0; r < rounds; r++) {
            String run = "r" + r;
            put[r] = bare.putItems(run + "p", count, threads);
            snapshotBare[r] = bare.transactions(run + "s", count, threads, snapshotItems);
            CallCounter.Usage before = CallCounter.usage();
            snapshot[r] = rate(run, this::snapshot);
            snapshotCalls = snapshotCalls.plus(CallCounter.usage().since(before));
            requestBare[r] = bare.transactions(run + "q", count, threads, requestItems);
            before = CallCounter.usage();
            request[r] = rate(run, this::request);
            requestCalls = requestCalls.plus(CallCounter.usage().since(before));
        }
        String area = "end-to-end vs bare";
        String shape = count + " ops x " + rounds + " rounds, " + threads + " threads";
        table.add(area, "bare PutItem, 1 KB item (" + shape + ")", perSecond(median(put)), "(reference)", null);
        table.add(area, "bare TransactWriteItems, " + snapshotItems + " items", perSecond(median(snapshotBare)),
                "(reference)", null);
        ratio(table, "ingest a snapshot (new order)", median(snapshot), median(snapshotBare), snapshotItems,
                snapshotCalls, count * rounds);
        if (requestItems != snapshotItems) {
            table.add(area, "bare TransactWriteItems, " + requestItems + " items", perSecond(median(requestBare)),
                    "(reference)", null);
        }
        ratio(table, "record a cancellation request", median(request), median(requestBare), requestItems,
                requestCalls, count * rounds);
    }

    /** The rate as a multiple of the bare rate, and the calls each operation made under this concurrency. */
    private static void ratio(BenchTable table, String operation, double rate, double bareRate, int items,
            CallCounter.Usage calls, int operations) {
        double ratio = rate / bareRate;
        String perOperation = calls.calls().entrySet().stream()
                .map(e -> e.getKey() + " " + OperationCosts.decimal((double) e.getValue() / operations))
                .collect(Collectors.joining(", "));
        table.add("end-to-end vs bare", operation, perSecond(rate) + " = " + String.format(Locale.ROOT, "%.2f", ratio)
                + "x bare TransactWriteItems (" + items + " items); per op: " + perOperation, ">= 0.8x",
                ratio >= 0.8);
    }

    /** Round {@code run}: one snapshot of a new order per index, or one request on the order of that index. */
    private double rate(String run, Operation operation) {
        return Load.run(count, threads, i -> operation.apply(run, i));
    }

    private void snapshot(String run, int i) {
        Instant now = Instant.now();
        SnapshotOutcome outcome = snapshots.apply(TENANT, order(run, i, now), new SnapshotSource("e2e-" + run + "-"
                + i, now.minusSeconds(60), "bench"), now);
        if (!(outcome instanceof SnapshotOutcome.Applied)) {
            throw new IllegalStateException("snapshot not applied: " + outcome);
        }
    }

    private void request(String run, int i) {
        Instant now = Instant.now();
        OrderRequest request = new OrderRequest("req-1", Initiator.BUYER, CancelReason.CHANGE_OF_MIND,
                Channel.PLATFORM_REQUEST, now, null);
        RequestOutcome outcome = cancellations.request(TENANT, order(run, i, now).key(), request, now);
        if (!(outcome instanceof RequestOutcome.Recorded)) {
            throw new IllegalStateException("request not recorded: " + outcome);
        }
    }

    /** Order {@code i} of a round: Shopee MY, Amazon US and Ozon in turn, each with a buyer of its own. */
    private static Order order(String run, int i, Instant now) {
        String site = switch (i % 3) {
            case 0 -> "shopee.MY.";
            case 1 -> "amazon.US.";
            default -> "ozon.RU.";
        };
        return TestOrders.order(site + "e2e-" + run + "-" + i).buyer("b-" + run + "-" + i)
                .placedAt(now.minus(Duration.ofHours(2))).shipBy(now.plus(Duration.ofDays(2))).build();
    }

    /** Items per TransactWriteItems call while {@code work} ran, rounded. */
    private static int itemsPerTransaction(Runnable work) {
        CallCounter.Usage before = CallCounter.usage();
        work.run();
        CallCounter.Usage used = CallCounter.usage().since(before);
        long calls = used.calls().getOrDefault("TransactWriteItems", 0L);
        return calls == 0 ? 1 : (int) Math.round((double) used.transactItems().getOrDefault("TransactWriteItems", 0L)
                / calls);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static String perSecond(double rate) {
        return BenchTable.number(rate, 0) + "/s";
    }

    /** One operation of a round. */
    private interface Operation {
        void apply(String run, int index);
    }
}
