package com.orderguard.support;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Every change to the table after a mark, anywhere in it, read from the table's own stream (DynamoDB Local keeps
 * one, as the stack's table does): an insert, modification or removal of any item by any writer is a record there,
 * and a write that changes nothing is none. So "the table is the same as at the mark" is "no change since", and
 * finding out costs what was written since, not what the table holds - tests that run after others have filled
 * the table (the large adversarial run leaves about a million items) stay as quick as on an empty one.
 *
 * <p>{@link #mark} takes each open shard's position at its newest record; {@link #since()} reads on from there (and
 * shards opened after the mark from their start) to the newest record, and moves the mark there, so it can be
 * called again for the next stretch. DynamoDB Local hands out a shard's records without empty pages in between, so
 * an empty page is its newest record (real DynamoDB may answer empty pages before the end: this is for tests).
 */
public final class TableChanges {

    /** One change: {@code INSERT}, {@code MODIFY} or {@code REMOVE}, the item's key and (not on a removal) image. */
    public record Change(String event, String pk, String sk, Map<String, AttributeValue> image) {

        /** {@code pk|sk}. */
        public String key() {
            return pk + "|" + sk;
        }
    }

    private static final Map<String, DynamoDbStreamsClient> CLIENTS = new HashMap<>();

    private final DynamoDbStreamsClient streams;
    private final String stream;
    /** Where to read on, by shard; every shard known at the last read (a closed one: {@code null}). */
    private final Map<String, String> iterators = new HashMap<>();

    private TableChanges(DynamoDbStreamsClient streams, String stream) {
        this.streams = streams;
        this.stream = stream;
    }

    /** Marks the table's stream where it ends now. */
    public static TableChanges mark(LocalDynamo dynamo) {
        String stream = dynamo.client().describeTable(r -> r.tableName(dynamo.table())).table().latestStreamArn();
        if (stream == null) {
            throw new IllegalStateException("the table " + dynamo.table() + " has no stream to read changes from");
        }
        TableChanges changes = new TableChanges(client(dynamo.endpoint()), stream);
        for (Shard shard : changes.shards()) {
            boolean open = shard.sequenceNumberRange() == null
                    || shard.sequenceNumberRange().endingSequenceNumber() == null;
            changes.iterators.put(shard.shardId(), open ? changes.iterator(shard.shardId(), ShardIteratorType.LATEST)
                    : null);
        }
        return changes;
    }

    /** Every change since the mark (or the last call), in each shard's order; the mark moves to now. */
    public List<Change> since() {
        List<Change> out = new ArrayList<>();
        for (Shard shard : shards()) {
            String id = shard.shardId();
            String iterator = iterators.containsKey(id) ? iterators.get(id)
                    : iterator(id, ShardIteratorType.TRIM_HORIZON);
            while (iterator != null) {
                String current = iterator;
                var page = streams.getRecords(r -> r.shardIterator(current).limit(1000));
                page.records().forEach(record -> out.add(change(record)));
                iterator = page.nextShardIterator();
                if (page.records().isEmpty()) {
                    break;
                }
            }
            iterators.put(id, iterator);
        }
        return out;
    }

    /** The keys ({@code pk|sk}) of the changes since the mark (or the last call). */
    public List<String> keysSince() {
        return since().stream().map(Change::key).toList();
    }

    private static Change change(Record record) {
        var data = record.dynamodb();
        return new Change(record.eventNameAsString(), data.keys().get("pk").s(), data.keys().get("sk").s(),
                data.hasNewImage() ? data.newImage() : Map.of());
    }

    private List<Shard> shards() {
        List<Shard> shards = new ArrayList<>();
        String from = null;
        do {
            String start = from;
            StreamDescription page = streams.describeStream(r -> r.streamArn(stream).exclusiveStartShardId(start))
                    .streamDescription();
            shards.addAll(page.shards());
            from = page.lastEvaluatedShardId();
        } while (from != null);
        return shards;
    }

    private String iterator(String shard, ShardIteratorType type) {
        return streams.getShardIterator(r -> r.streamArn(stream).shardId(shard).shardIteratorType(type))
                .shardIterator();
    }

    private static synchronized DynamoDbStreamsClient client(String endpoint) {
        return CLIENTS.computeIfAbsent(endpoint, e -> DynamoDbStreamsClient.builder().endpointOverride(URI.create(e))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build());
    }
}
