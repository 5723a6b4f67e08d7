package com.orderguard.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One tenant's stored state, read straight from the table and reduced to what must be the same however the events
 * reached it: the ORDER items, the request records, the shop buckets' counters, the defect markers and the number
 * of outbox events by type and order. What legitimately differs between two deliveries of the same events is left
 * out: versions and write times (one write per applied event), the tenant itself (in keys, and so in the indexes'
 * shards), and whatever a caller names in {@code ignored} (e.g. decision times).
 */
record TenantState(Map<String, Object> orders, Map<String, Object> requests, Map<String, Object> buckets,
        Map<String, Long> outbox, Map<String, Long> outboxByOrder, List<String> markers) {

    /** Attributes of every item that depend on the tenant or on how many writes it took. */
    private static final Set<String> ALWAYS_IGNORED = Set.of("pk", "gsi1pk", "gsi2pk", "gsi3pk", "gsi4pk",
            "tenant", "version", "updatedAt", "expiresAt");

    /**
     * The state of {@code tenant} (its items read by key, see {@link TenantItems}), without the attributes named in
     * {@code ignored} (at any depth).
     */
    static TenantState of(TenantItems written, String tenant, Set<String> ignored) {
        return of(written.of(tenant), tenant, ignored);
    }

    static TenantState of(List<Map<String, AttributeValue>> items, String tenant, Set<String> ignored) {
        String prefix = "T#" + tenant + "#";
        Map<String, Object> orders = new TreeMap<>();
        Map<String, Object> requests = new TreeMap<>();
        Map<String, Object> buckets = new TreeMap<>();
        Map<String, Long> outbox = new TreeMap<>();
        Map<String, Long> outboxByOrder = new TreeMap<>();
        List<String> markers = new ArrayList<>();
        for (Map<String, AttributeValue> item : items) {
            String pk = item.get("pk").s();
            if (!pk.startsWith(prefix)) {
                continue;
            }
            String key = pk.substring(prefix.length());
            String type = item.containsKey("type") ? item.get("type").s() : "";
            switch (type) {
                case "ORDER" -> orders.put(item.get("orderKey").s(), plain(item, ignored));
                case "REQUEST" -> requests.put(item.get("orderKey").s() + "/" + item.get("requestId").s(),
                        plain(item, ignored));
                case "BUCKET" -> addBucket(buckets, key + "/D#" + item.get("day").s(), plain(item, ignored));
                case "MARKER" -> markers.add(key + "/" + item.get("sk").s());
                case "OUTBOX" -> {
                    String eventType = item.get("eventType").s();
                    outbox.merge(eventType, 1L, Long::sum);
                    String order = item.containsKey("orderKey") ? item.get("orderKey").s() : "(shop)";
                    outboxByOrder.merge(order + " " + eventType, 1L, Long::sum);
                }
                default -> {
                }
            }
        }
        markers.sort(String::compareTo);
        return new TenantState(orders, requests, buckets, outbox, outboxByOrder, markers);
    }

    /** The same state without {@code MetricAtRisk} events. */
    TenantState withoutMetricAtRisk() {
        Map<String, Long> types = new TreeMap<>(outbox);
        types.remove("MetricAtRisk");
        Map<String, Long> byOrder = new TreeMap<>(outboxByOrder);
        byOrder.keySet().removeIf(key -> key.endsWith(" MetricAtRisk"));
        return new TenantState(orders, requests, buckets, types, byOrder, markers);
    }

    /** Every difference from {@code other}, one line each (empty: the same). */
    List<String> differences(TenantState other) {
        List<String> out = new ArrayList<>();
        compare("order", orders, other.orders, out);
        compare("request", requests, other.requests, out);
        compare("bucket", buckets, other.buckets, out);
        compare("outbox events", outbox, other.outbox, out);
        compare("outbox events of", outboxByOrder, other.outboxByOrder, out);
        if (!markers.equals(other.markers)) {
            out.add("defect markers: " + markers + " vs " + other.markers);
        }
        return out;
    }

    private static <V> void compare(String what, Map<String, V> mine, Map<String, V> theirs, List<String> out) {
        Set<String> keys = new java.util.TreeSet<>(mine.keySet());
        keys.addAll(theirs.keySet());
        for (String key : keys) {
            V a = mine.get(key);
            V b = theirs.get(key);
            if (a == null || !a.equals(b)) {
                out.add(what + " " + key + ": " + a + "\n    vs " + b);
            }
        }
    }

    /** The item as plain maps, lists and strings, without the ignored attributes. */
    /**
     * A shop's day is written in shards (one item per shard that got a change), so the state compared is their sum
     * per day: which shard took a change differs between runs, the totals may not.
     */
    @SuppressWarnings("unchecked")
    static void addBucket(Map<String, Object> buckets, String day, Map<String, Object> shard) {
        shard.remove("sk");
        Map<String, Object> sum = (Map<String, Object>) buckets.computeIfAbsent(day, d -> new TreeMap<>());
        shard.forEach((name, value) -> sum.merge(name, value, (a, b) -> a instanceof String x && b instanceof String y
                && x.startsWith("N:") && y.startsWith("N:") && !name.equals("expiresAt")
                ? "N:" + (Long.parseLong(x.substring(2)) + Long.parseLong(y.substring(2))) : b));
    }

    static Map<String, Object> plain(Map<String, AttributeValue> item, Set<String> ignored) {
        Map<String, Object> out = new TreeMap<>();
        item.forEach((name, value) -> {
            if (!ALWAYS_IGNORED.contains(name) && !ignored.contains(name)) {
                out.put(name, plain(value, ignored));
            }
        });
        return out;
    }

    private static Object plain(AttributeValue value, Set<String> ignored) {
        if (value.hasM()) {
            return plain(value.m(), ignored);
        }
        if (value.hasL()) {
            return value.l().stream().map(v -> plain(v, ignored)).toList();
        }
        if (value.hasSs()) {
            return new java.util.TreeSet<>(value.ss());
        }
        if (value.n() != null) {
            return "N:" + value.n();
        }
        if (value.bool() != null) {
            return value.bool();
        }
        return value.s() == null ? String.valueOf(value.nul()) : value.s();
    }
}
