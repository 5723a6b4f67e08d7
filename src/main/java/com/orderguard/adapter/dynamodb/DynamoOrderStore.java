package com.orderguard.adapter.dynamodb;

import static com.orderguard.adapter.dynamodb.Attrs.instant;
import static com.orderguard.adapter.dynamodb.Attrs.number;
import static com.orderguard.adapter.dynamodb.Attrs.s;
import static com.orderguard.adapter.dynamodb.Attrs.string;
import static com.orderguard.adapter.dynamodb.TableLayout.DUE_INDEX;
import static com.orderguard.adapter.dynamodb.TableLayout.DUE_PK;
import static com.orderguard.adapter.dynamodb.TableLayout.DUE_SK;
import static com.orderguard.adapter.dynamodb.TableLayout.PK;
import static com.orderguard.adapter.dynamodb.TableLayout.SK;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.orderguard.application.RequestRecord;
import com.orderguard.application.OrderRecord;
import com.orderguard.application.StoredOrder;
import com.orderguard.application.port.OrderStore;
import com.orderguard.config.OrderGuardConfig;
import com.orderguard.domain.HistoryEntry;
import com.orderguard.domain.Marketplace;
import com.orderguard.domain.OrderKey;
import com.orderguard.domain.OrderStatus;
import com.orderguard.domain.SnapshotStamp;
import com.orderguard.domain.TenantId;
import com.orderguard.domain.health.ShopKey;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** The order store on one DynamoDB table (layout in {@link TableLayout} and docs/dynamodb.md). */
@ApplicationScoped
public class DynamoOrderStore implements OrderStore {

    static final String VERSION = OrderUpdate.VERSION;
    static final String TENANT = "tenant";

    private final DynamoDbClient dynamo;
    private final String table;
    private final int shards;
    private final int inboxShards;
    private final int counterShards;
    private final ShopRegistry registry;
    private final ParallelReads parallel;

    public DynamoOrderStore(DynamoDbClient dynamo, OrderGuardConfig config, ShopRegistry registry,
            ParallelReads parallel) {
        this.parallel = parallel;
        this.dynamo = dynamo;
        this.table = config.tableName();
        this.shards = config.dueIndex().shards();
        this.inboxShards = config.inbox().shards();
        this.counterShards = config.health().counterShards();
        this.registry = registry;
    }

    @Override
    public Optional<StoredOrder> find(TenantId tenant, OrderKey key) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Map.of(PK, s(TableLayout.orderPk(tenant, key)), SK, s(TableLayout.ORDER_SK)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(stored(item));
    }

    @Override
    public Optional<String> markerFingerprint(TenantId tenant, OrderKey key, String sortKey) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Map.of(PK, s(TableLayout.orderPk(tenant, key)), SK, s(sortKey)))).item();
        return Optional.ofNullable(item == null ? null : item.get(OrderItems.FINGERPRINT)).map(AttributeValue::s);
    }

    @Override
    public Optional<OrderRecord> load(TenantId tenant, OrderKey key) {
        StoredOrder stored = null;
        List<RequestRecord> requests = new ArrayList<>();
        List<HistoryEntry> history = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder query = QueryRequest.builder().tableName(table).consistentRead(true)
                    .keyConditionExpression("#pk = :pk").expressionAttributeNames(Map.of("#pk", PK))
                    .expressionAttributeValues(Map.of(":pk", s(TableLayout.orderPk(tenant, key))));
            if (start != null) {
                query.exclusiveStartKey(start);
            }
            QueryResponse page = dynamo.query(query.build());
            for (Map<String, AttributeValue> item : page.items()) {
                String sk = string(item, SK);
                if (TableLayout.ORDER_SK.equals(sk)) {
                    stored = stored(item);
                } else if (sk.startsWith(TableLayout.REQUEST_PREFIX)) {
                    requests.add(RequestMapper.fromItem(item));
                } else if (sk.startsWith(TableLayout.HISTORY_PREFIX)) {
                    history.add(new HistoryEntry(instant(item, "at"), string(item, "kind"),
                            string(item, "summary"), string(item, "reference")));
                }
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        requests.sort(Comparator.comparing(RequestRecord::decidedAt));
        return stored == null ? Optional.empty() : Optional.of(new OrderRecord(stored, requests, history));
    }

    @Override
    public SnapshotWriteResult write(SnapshotWrite write) {
        List<TransactWriteItem> items = new ArrayList<>();
        if (write.event() != null) {
            items.add(TransactWriteItem.builder().put(OrderItems.eventPut(table, write.tenant(),
                    write.order().key(), write.event(), write.now())).build());
        }
        items.add(TransactWriteItem.builder().update(orderUpdate(write)).build());
        if (write.history() != null) {
            items.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(
                    OrderItems.historyItem(write.tenant(), write.order().key(), write.history())).build())
                    .build());
        }
        items.addAll(AttentionWrites.items(table, write.tenant(), write.order(), write.timers(),
                write.expectedVersion() == 0 ? Set.of() : null, inboxShards));
        items.addAll(BucketWrites.items(table, write.tenant(), write.counts(), write.now(), shards,
                TableLayout.shardOf(write.tenant(), write.order().key(), counterShards)));
        try {
            OrderItems.write(() -> dynamo.transactWriteItems(r -> r.transactItems(items)),
                    write.tenant(), ShopKey.of(write.order()), registry, parallel);
        } catch (TransactionCanceledException e) {
            return rejected(write, e.cancellationReasons());
        }
        return new SnapshotWriteResult.Written();
    }

    private SnapshotWriteResult rejected(SnapshotWrite write, List<CancellationReason> reasons) {
        if (write.event() != null && !reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.get(0).code())) {
            Map<String, AttributeValue> old = reasons.get(0).item();
            return new SnapshotWriteResult.DuplicateEvent(old == null ? null : string(old, "fingerprint"));
        }
        // the order's version changed, or a concurrent transaction touched the same items: read again
        return new SnapshotWriteResult.VersionConflict();
    }

    private Update orderUpdate(SnapshotWrite write) {
        OrderKey key = write.order().key();
        OrderUpdate order = new OrderUpdate(write.tenant(), key, write.expectedVersion(), write.now())
                .nextDue(write.nextDueAt(), shards);
        TimerMapper.write(write.timers(), order.expression());
        AttentionWrites.orderKeys(order.expression(), write.tenant(), write.order(), inboxShards);
        OrderItems.orderAttributes(order.expression(), write.tenant(), write.order(), write.stamp());
        return order.build(table);
    }

    @Override
    public DuePage due(int shard, Instant now, int limit, String cursor) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(DUE_INDEX)
                .keyConditionExpression("#pk = :shard AND #sk <= :now")
                .expressionAttributeNames(Map.of("#pk", DUE_PK, "#sk", DUE_SK))
                .expressionAttributeValues(Map.of(":shard", s(TableLayout.dueShard(shard)),
                        ":now", s(TableLayout.sortable(now))))
                .limit(limit);
        if (cursor != null) {
            query.exclusiveStartKey(DueCursor.decode(cursor));
        }
        QueryResponse page = dynamo.query(query.build());
        List<StoredOrder> orders = new ArrayList<>();
        List<ShopLook> looks = new ArrayList<>();
        for (Map<String, AttributeValue> item : page.items()) {
            if (TableLayout.isLook(string(item, SK))) {
                looks.add(look(item));
            } else {
                orders.add(stored(item));
            }
        }
        String next = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                ? DueCursor.encode(page.lastEvaluatedKey()) : null;
        return new DuePage(orders, looks, next);
    }

    private static ShopLook look(Map<String, AttributeValue> item) {
        Marketplace marketplace = Marketplace.fromCode(string(item, "marketplace")).orElseThrow(
                () -> new IllegalStateException("look mark " + string(item, PK) + " has an unknown marketplace"));
        return new ShopLook(new TenantId(string(item, TENANT)), new ShopKey(marketplace, string(item, "site"),
                string(item, "shopId")), Map.of(string(item, SK), number(item, BucketWrites.MARKS)));
    }

    static StoredOrder stored(Map<String, AttributeValue> item) {
        SnapshotStamp stamp = new SnapshotStamp(instant(item, "snapshotAt"),
                OrderStatus.valueOf(string(item, "snapshotStatus")), string(item, "snapshotEventId"));
        return new StoredOrder(new TenantId(string(item, TENANT)), OrderMapper.fromAttributes(item),
                number(item, VERSION), stamp, instant(item, "updatedAt"), instant(item, OrderUpdate.NEXT_DUE),
                TimerMapper.read(item), string(item, OrderUpdate.CANCELLED_BY));
    }
}
