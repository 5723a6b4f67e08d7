package com.orderguard.adapter.dynamodb;

import static com.orderguard.adapter.dynamodb.Attrs.n;
import static com.orderguard.adapter.dynamodb.Attrs.number;
import static com.orderguard.adapter.dynamodb.Attrs.s;
import static com.orderguard.adapter.dynamodb.Attrs.string;
import static com.orderguard.adapter.dynamodb.TableLayout.PK;
import static com.orderguard.adapter.dynamodb.TableLayout.SK;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.orderguard.application.OutboxEvent;
import com.orderguard.application.port.HealthStore;
import com.orderguard.config.OrderGuardConfig;
import com.orderguard.domain.TenantId;
import com.orderguard.domain.health.Counter;
import com.orderguard.domain.health.DailyBucket;
import com.orderguard.domain.health.MetricStatus;
import com.orderguard.domain.health.ShopKey;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * A shop's buckets, last statuses and look mark in its own partition: one Query reads them all (HEALTH and LOOK
 * sort after D#...), every shard of every day included; the shards of a day are summed here.
 */
@ApplicationScoped
public class DynamoHealthStore implements HealthStore {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoHealthStore(DynamoDbClient dynamo, OrderGuardConfig config) {
        this.dynamo = dynamo;
        this.table = config.tableName();
    }

    @Override
    public ShopData load(TenantId tenant, ShopKey shop, LocalDate from) {
        Map<LocalDate, Map<Counter, Long>> days = new TreeMap<>();
        Map<String, MetricStatus.Status> statuses = new HashMap<>();
        long version = 0;
        Map<String, Long> lookMarks = new HashMap<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder query = QueryRequest.builder().tableName(table).consistentRead(true)
                    .keyConditionExpression("#pk = :pk AND #sk >= :from")
                    .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                    .expressionAttributeValues(Map.of(":pk", s(TableLayout.shopPk(tenant, shop)),
                            ":from", s(TableLayout.bucketSk(from))));
            if (start != null) {
                query.exclusiveStartKey(start);
            }
            QueryResponse page = dynamo.query(query.build());
            for (Map<String, AttributeValue> item : page.items()) {
                String sk = string(item, SK);
                if (sk.startsWith(TableLayout.BUCKET_PREFIX)) {
                    Map<Counter, Long> day = days.computeIfAbsent(TableLayout.bucketDay(sk),
                            d -> new EnumMap<>(Counter.class));
                    for (Counter counter : Counter.values()) {
                        day.merge(counter, number(item, counter.attribute()), Long::sum);
                    }
                } else if (sk.equals(TableLayout.HEALTH_SK)) {
                    version = number(item, "version");
                    item.get("statuses").m().forEach((metric, status) ->
                            statuses.put(metric, MetricStatus.Status.valueOf(status.s())));
                } else if (TableLayout.isLook(sk)) {
                    lookMarks.put(sk, number(item, BucketWrites.MARKS));
                }
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        List<DailyBucket> buckets = new ArrayList<>();
        days.forEach((day, counts) -> buckets.add(new DailyBucket(day, counts)));
        return new ShopData(buckets, statuses, version, lookMarks);
    }

    @Override
    public void clearLook(TenantId tenant, ShopKey shop, Map<String, Long> marks) {
        marks.forEach((sk, count) -> {
            try {
                dynamo.deleteItem(r -> r.tableName(table)
                        .key(Map.of(PK, s(TableLayout.shopPk(tenant, shop)), SK, s(sk)))
                        .conditionExpression("#marks = :marks")
                        .expressionAttributeNames(Map.of("#marks", BucketWrites.MARKS))
                        .expressionAttributeValues(Map.of(":marks", n(count))));
            } catch (ConditionalCheckFailedException | TransactionConflictException e) {
                // marked again since the look read it, being marked now, or already cleared: the next look clears it
            }
        });
    }

    @Override
    public boolean saveStatuses(TenantId tenant, ShopKey shop, Map<String, MetricStatus.Status> statuses,
            long expectedVersion, List<OutboxEvent> events, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(TableLayout.shopPk(tenant, shop)));
        item.put(SK, s(TableLayout.HEALTH_SK));
        item.put(TableLayout.TYPE, s("HEALTH"));
        item.put("version", n(expectedVersion + 1));
        item.put("updatedAt", Attrs.instant(now));
        Map<String, AttributeValue> map = new HashMap<>();
        statuses.forEach((metric, status) -> map.put(metric, s(status.name())));
        item.put("statuses", AttributeValue.fromM(map));
        Put.Builder put = Put.builder().tableName(table).item(item);
        if (expectedVersion == 0) {
            put.conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", PK));
        } else {
            put.conditionExpression("#v = :v").expressionAttributeNames(Map.of("#v", "version"))
                    .expressionAttributeValues(Map.of(":v", n(expectedVersion)));
        }
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().put(put.build()).build());
        items.add(ShopRegistry.statuses(table, tenant, shop, statuses));
        for (OutboxEvent event : events) {
            items.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                    .item(DynamoOrderChangeStore.outboxItem(event)).build()).build());
        }
        try {
            dynamo.transactWriteItems(r -> r.transactItems(items));
            return true;
        } catch (TransactionCanceledException e) {
            return false;
        }
    }
}
