package com.orderguard.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What real DynamoDB does under concurrency and DynamoDB Local does not (Local runs one request at a time, so
 * nothing ever conflicts or throttles there), modelled on the wire in front of it by the {@link FaultProxy}:
 * <ul>
 * <li><b>transaction conflicts</b>: a {@code TransactWriteItems} that touches an item (by table, {@code pk} and
 * {@code sk}) that another in-flight {@code TransactWriteItems} or single write ({@code PutItem},
 * {@code UpdateItem}, {@code DeleteItem}) touches is cancelled: {@code TransactionCanceledException} with one
 * reason per item, {@code TransactionConflict} on the contested ones and {@code None} on the others. A single write
 * to an item of an in-flight transaction fails with {@code TransactionConflictException}. Two single writes never
 * conflict (DynamoDB serialises them). In flight means for {@code transactionMillis} (a single write:
 * {@code writeMillis}) after the proxy admitted the request: the latency of real DynamoDB, which does not grow
 * with load. DynamoDB Local's own time is not used: it runs one request at a time, so under 32 writers a request
 * waits there for the others, and counting that wait as in flight would make nearly every transaction conflict
 * (a first version did: seven conflicts per message).</li>
 * <li><b>per-partition-key throttling</b>: each partition key (table and {@code pk}) has a token bucket of
 * {@code writeUnitsPerKey} write units a second (one second of burst). A single write costs 1 unit per item, a
 * transaction 2 per item (as DynamoDB charges them, items up to 1 KB). A single write over the rate fails with
 * {@code ProvisionedThroughputExceededException} (the SDK retries it); a transaction is cancelled with the reason
 * {@code ThrottlingError} on the items of the exhausted keys (the SDK does not retry it). Refused requests cost
 * nothing.</li>
 * <li><b>idempotent retries</b>: a {@code TransactWriteItems} whose {@code ClientRequestToken} (the SDK sets one, the
 * same on each of its attempts) was admitted before is the same transaction tried again, e.g. after its answer was
 * lost: it is forwarded without a conflict or rate check (DynamoDB answers it from the first attempt's outcome,
 * as DynamoDB Local does). Without this the retry met its own first attempt's items in flight.</li>
 * </ul>
 * Not modelled: conflicts of {@code TransactGetItems} and {@code BatchWriteItem} (the application uses neither),
 * reads (a read of an item in an ongoing transaction returns the last committed value, as here), item sizes
 * (every item counts as up to 1 KB), read throttling, adaptive capacity and
 * split-for-heat (a real table may give a hot key more than the base rate after a while; this model never does),
 * and the index partitions' own limits. A request answered by an injected fault never reaches this model.
 */
public final class DynamoSemantics {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "com.amazonaws.dynamodb.v20120810#";

    /** Switches, rates and latencies; {@link #OFF} forwards everything untouched. */
    public record Settings(boolean conflicts, double writeUnitsPerKey, long transactionMillis, long writeMillis) {
        public static final Settings OFF = new Settings(false, 0, 0, 0);

        /**
         * Conflicts on, real DynamoDB's 1,000 write units a second per partition key, and its typical in-region
         * latencies: 25 ms for a transaction of a few items, 8 ms for a single write.
         */
        public static Settings realistic() {
            return new Settings(true, 1000, 25, 8);
        }
    }

    /** What the model says of one request: forward it, or answer with {@code refusal}. */
    public record Admission(byte[] refusal) {
    }

    private final Map<String, Holders> inFlight = new HashMap<>();
    private final Map<String, Bucket> buckets = new HashMap<>();
    private final Map<String, Long> tokens = new HashMap<>();
    private final Map<String, AtomicLong> attempts = new ConcurrentHashMap<>();
    private final AtomicLong conflicts = new AtomicLong();
    private final AtomicLong throttles = new AtomicLong();
    private final Map<String, AtomicLong> conflictsByItem = new ConcurrentHashMap<>();
    private long admitted;
    private volatile Settings settings = Settings.OFF;

    /** Until when (nanoTime) a transaction, and a single write, holds one item. */
    private static final class Holders {
        long transactionUntil;
        long singleUntil;
    }

    /** A partition key's write units, refilled continuously up to one second's worth. */
    private static final class Bucket {
        double tokens;
        long at;
    }

    /** Applies {@code settings} from now on; the counts start again. */
    public synchronized void use(Settings settings) {
        this.settings = settings;
        buckets.clear();
        inFlight.clear();
        tokens.clear();
        attempts.clear();
        conflictsByItem.clear();
        conflicts.set(0);
        throttles.set(0);
    }

    public Settings settings() {
        return settings;
    }

    /** Requests that reached the model, by operation: every SDK attempt counts. */
    public Map<String, Long> attempts() {
        return snapshot(attempts);
    }

    /** Requests refused with a transaction conflict (cancelled transactions and conflicting single writes). */
    public long conflicts() {
        return conflicts.get();
    }

    /** Conflicts by the kind of item contested: its sort key up to the first {@code #} or digit. */
    public Map<String, Long> conflictsByItem() {
        return snapshot(conflictsByItem);
    }

    private static Map<String, Long> snapshot(Map<String, AtomicLong> counts) {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((key, count) -> copy.put(key, count.get()));
        return copy;
    }

    /** Requests refused for the partition key's rate. */
    public long throttles() {
        return throttles.get();
    }

    /** Decides on one request before it is forwarded. */
    public Admission admit(String operation, byte[] body) {
        attempts.computeIfAbsent(operation, o -> new AtomicLong()).incrementAndGet();
        Settings now = settings;
        boolean transaction = "TransactWriteItems".equals(operation);
        boolean single = "PutItem".equals(operation) || "UpdateItem".equals(operation)
                || "DeleteItem".equals(operation);
        if (!now.conflicts() && now.writeUnitsPerKey() <= 0 || !transaction && !single) {
            return new Admission(null);
        }
        JsonNode request = parse(body);
        List<String> keys = keys(operation, request);
        String token = request.path("ClientRequestToken").asText(null);
        synchronized (this) {
            long at = System.nanoTime();
            if (token != null && tokens.containsKey(token)) {
                return new Admission(null);
            }
            byte[] refusal = transaction ? transactionRefusal(keys, now, at) : singleRefusal(keys, now, at);
            if (refusal == null && now.conflicts()) {
                hold(keys, transaction, at + (transaction ? now.transactionMillis() : now.writeMillis())
                        * 1_000_000);
            }
            if (refusal == null && token != null) {
                tokens.put(token, at);
            }
            return new Admission(refusal);
        }
    }

    private void hold(List<String> keys, boolean transaction, long until) {
        for (String key : keys) {
            Holders holders = inFlight.computeIfAbsent(key, k -> new Holders());
            if (transaction) {
                holders.transactionUntil = Math.max(holders.transactionUntil, until);
            } else {
                holders.singleUntil = Math.max(holders.singleUntil, until);
            }
        }
        if (++admitted % 10_000 == 0) {
            long at = System.nanoTime();
            inFlight.values().removeIf(h -> h.transactionUntil - at < 0 && h.singleUntil - at < 0);
            // DynamoDB remembers a token for 10 minutes
            tokens.values().removeIf(admittedAt -> at - admittedAt > 600_000_000_000L);
        }
    }

    private byte[] transactionRefusal(List<String> keys, Settings now, long at) {
        List<String> codes = new ArrayList<>();
        boolean conflict = false;
        for (String key : keys) {
            Holders holders = inFlight.get(key);
            boolean contested = now.conflicts() && holders != null && (holders.transactionUntil - at > 0
                    || holders.singleUntil - at > 0);
            conflict |= contested;
            codes.add(contested ? "TransactionConflict" : "None");
            if (contested) {
                countConflict(key);
            }
        }
        if (conflict) {
            conflicts.incrementAndGet();
            return cancelled(codes);
        }
        List<String> exhausted = exhausted(keys, 2, now);
        if (exhausted.isEmpty()) {
            return null;
        }
        throttles.incrementAndGet();
        codes.clear();
        keys.forEach(key -> codes.add(exhausted.contains(partition(key)) ? "ThrottlingError" : "None"));
        return cancelled(codes);
    }

    private void countConflict(String key) {
        String sk = key.substring(key.lastIndexOf('|') + 1);
        int end = 0;
        while (end < sk.length() && sk.charAt(end) != '#' && !Character.isDigit(sk.charAt(end))) {
            end++;
        }
        conflictsByItem.computeIfAbsent(sk.substring(0, end), k -> new AtomicLong()).incrementAndGet();
    }

    private byte[] singleRefusal(List<String> keys, Settings now, long at) {
        for (String key : keys) {
            Holders holders = inFlight.get(key);
            if (now.conflicts() && holders != null && holders.transactionUntil - at > 0) {
                countConflict(key);
                conflicts.incrementAndGet();
                return error("TransactionConflictException", "Transaction is ongoing for the item");
            }
        }
        if (exhausted(keys, 1, now).isEmpty()) {
            return null;
        }
        throttles.incrementAndGet();
        return error("ProvisionedThroughputExceededException", "The level of configured provisioned throughput for"
                + " the table was exceeded (per-partition-key rate, modelled)");
    }

    /**
     * The partition keys of {@code keys} without {@code unitsPerItem} units per item left; when none is short,
     * takes the units.
     */
    private List<String> exhausted(List<String> keys, int unitsPerItem, Settings now) {
        if (now.writeUnitsPerKey() <= 0) {
            return List.of();
        }
        Map<String, Integer> need = new LinkedHashMap<>();
        keys.forEach(key -> need.merge(partition(key), unitsPerItem, Integer::sum));
        long at = System.nanoTime();
        List<String> lacking = new ArrayList<>();
        need.forEach((partition, units) -> {
            Bucket bucket = buckets.computeIfAbsent(partition, p -> {
                Bucket fresh = new Bucket();
                fresh.tokens = now.writeUnitsPerKey();
                fresh.at = at;
                return fresh;
            });
            bucket.tokens = Math.min(now.writeUnitsPerKey(), bucket.tokens
                    + (at - bucket.at) / 1e9 * now.writeUnitsPerKey());
            bucket.at = at;
            if (bucket.tokens < units) {
                lacking.add(partition);
            }
        });
        if (lacking.isEmpty()) {
            need.forEach((partition, units) -> buckets.get(partition).tokens -= units);
        }
        return lacking;
    }

    /** The item keys a write touches, as {@code table|pk|sk}, in the order of its items. */
    static List<String> keys(String operation, JsonNode request) {
        List<String> keys = new ArrayList<>();
        if ("TransactWriteItems".equals(operation)) {
            for (JsonNode item : request.path("TransactItems")) {
                for (String kind : List.of("Put", "Update", "Delete", "ConditionCheck")) {
                    JsonNode action = item.path(kind);
                    if (!action.isMissingNode()) {
                        keys.add(key(action.path("TableName").asText(), action.has("Item") ? action.get("Item")
                                : action.path("Key")));
                    }
                }
            }
        } else {
            keys.add(key(request.path("TableName").asText(), request.has("Item") ? request.get("Item")
                    : request.path("Key")));
        }
        return keys;
    }

    private static String key(String table, JsonNode item) {
        return table + "|" + item.path("pk").path("S").asText() + "|" + item.path("sk").path("S").asText();
    }

    private static String partition(String key) {
        return key.substring(0, key.lastIndexOf('|'));
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            return JSON.createObjectNode();
        }
    }

    private static byte[] cancelled(List<String> codes) {
        ObjectNode error = JSON.createObjectNode().put("__type", PREFIX + "TransactionCanceledException")
                .put("Message", "Transaction cancelled, please refer cancellation reasons for specific reasons "
                        + codes);
        ArrayNode reasons = error.putArray("CancellationReasons");
        for (String code : codes) {
            ObjectNode reason = reasons.addObject().put("Code", code);
            if ("TransactionConflict".equals(code)) {
                reason.put("Message", "Transaction is ongoing for the item");
            } else if ("ThrottlingError".equals(code)) {
                reason.put("Message", "Throughput exceeds the current capacity for one or more global secondary"
                        + " indexes or the table (modelled)");
            }
        }
        return error.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] error(String type, String message) {
        return JSON.createObjectNode().put("__type", PREFIX + type).put("message", message).toString()
                .getBytes(StandardCharsets.UTF_8);
    }
}
