package com.orderguard.reliability;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.orderguard.support.LocalDynamo;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads what the flash sale left in the table (directly, not through the proxy) and prints its table. */
final class FlashSaleTruth {

    private FlashSaleTruth() {
    }

    /** The shop's counters, summed over every day and shard. */
    static Map<String, Long> counters(LocalDynamo dynamo, String tenant, String shop) {
        Map<String, Long> sums = new TreeMap<>();
        dynamo.client().queryPaginator(r -> r.tableName(dynamo.table()).consistentRead(true)
                .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk",
                        AttributeValue.fromS("T#" + tenant + "#S#" + shop)))).items().forEach(item -> {
                            if (item.get("sk").s().startsWith("D#")) {
                                item.forEach((name, value) -> {
                                    if (value.n() != null && !name.equals("expiresAt")) {
                                        sums.merge(name, Long.parseLong(value.n()), Long::sum);
                                    }
                                });
                            }
                        });
        return sums;
    }

    /**
     * The tenant's items by kind: {@code ORDER} (every order), each order status, {@code REQUEST}, and each outbox
     * event type.
     */
    static Map<String, Long> orderStates(LocalDynamo dynamo, String tenant) {
        Map<String, Long> counts = new TreeMap<>();
        dynamo.client().scanPaginator(r -> r.tableName(dynamo.table())
                .filterExpression("begins_with(pk, :tenant) AND #type IN (:order, :request, :outbox)")
                .projectionExpression("#type, #status, eventType")
                .expressionAttributeNames(Map.of("#type", "type", "#status", "status"))
                .expressionAttributeValues(Map.of(":tenant", AttributeValue.fromS("T#" + tenant + "#"),
                        ":order", AttributeValue.fromS("ORDER"), ":request", AttributeValue.fromS("REQUEST"),
                        ":outbox", AttributeValue.fromS("OUTBOX")))).items().forEach(item -> {
                            String type = item.get("type").s();
                            counts.merge(type, 1L, Long::sum);
                            if (type.equals("ORDER")) {
                                counts.merge(item.get("status").s(), 1L, Long::sum);
                            } else if (type.equals("OUTBOX")) {
                                counts.merge(item.get("eventType").s(), 1L, Long::sum);
                            }
                        });
        return counts;
    }

    static String table(FlashSaleTest.Scenario scenario, QueueDriver.Result run, String conflicts, long throttles,
            Map<String, List<Integer>> retries, Map<String, Long> counters, Map<String, Long> truth,
            Map<String, Long> states, Invoker.Invocation sweep) {
        StringBuilder out = new StringBuilder("\n+------------------------------------------------------------+\n");
        out.append("| OrderGuard 11.11 flash sale: one shop, ").append(FlashSaleTest.WRITERS)
                .append(" concurrent ingest invocations\n");
        out.append("+------------------------------------------------------------+\n");
        row(out, "orders placed (10 simulated minutes)", scenario.orders());
        row(out, "shipments / seller cancellations sent", scenario.shipments() + " / " + scenario.cancellations());
        row(out, "messages / deliveries / invocations", scenario.messages().size() + " / " + run.deliveries()
                + " / " + run.invocations());
        row(out, "transaction conflicts met (by item kind)", conflicts);
        row(out, "partition-key throttles met", throttles);
        retries.forEach((kind, list) -> row(out, "retries per " + kind + " message p50 / p99 / max",
                percentile(list, 0.5) + " / " + percentile(list, 0.99) + " / "
                        + (list.isEmpty() ? 0 : list.get(list.size() - 1))));
        row(out, "messages failed back to the queue", run.failedToQueue());
        row(out, "messages dead-lettered", run.deadLettered().size());
        truth.forEach((counter, expected) -> row(out, "counter " + counter + " (table vs truth)",
                counters.getOrDefault(counter, 0L) + " vs " + expected));
        row(out, "orders stored / in transit / cancelled", states.getOrDefault("ORDER", 0L) + " / "
                + states.getOrDefault("IN_TRANSIT", 0L) + " / " + states.getOrDefault("CANCELLED", 0L));
        row(out, "requests / CancellationDecided events", states.getOrDefault("REQUEST", 0L) + " / "
                + states.getOrDefault("CancellationDecided", 0L));
        double seconds = run.wall().toMillis() / 1000.0;
        row(out, "wall time (s) / throughput (messages/s)", String.format("%.1f / %.0f", seconds,
                scenario.messages().size() / seconds));
        row(out, "invocation latency p50 / p99 / max (ms, batch of 10)", run.latencyPercentile(0.5) + " / "
                + run.latencyPercentile(0.99) + " / " + run.latencyPercentile(1.0));
        row(out, "sweep after the burst", sweep.functionError() ? "FAILED " + sweep.payload()
                : sweep.json().path("shards").size() + " shards read");
        out.append("+------------------------------------------------------------+");
        return out.toString();
    }

    private static int percentile(List<Integer> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1,
                (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static void row(StringBuilder out, String label, Object value) {
        out.append(String.format("| %-52s | %s%n", label, value));
    }
}
