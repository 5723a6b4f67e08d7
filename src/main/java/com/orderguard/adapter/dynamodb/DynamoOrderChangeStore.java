package com.orderguard.adapter.dynamodb;

import static com.orderguard.adapter.dynamodb.Attrs.instant;
import static com.orderguard.adapter.dynamodb.Attrs.n;
import static com.orderguard.adapter.dynamodb.Attrs.number;
import static com.orderguard.adapter.dynamodb.Attrs.s;
import static com.orderguard.adapter.dynamodb.Attrs.string;
import static com.orderguard.adapter.dynamodb.TableLayout.PK;
import static com.orderguard.adapter.dynamodb.TableLayout.SK;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.orderguard.adapter.json.EventJson;
import com.orderguard.application.RequestRecord;
import com.orderguard.application.OutboxEvent;
import com.orderguard.application.StoredOrder;
import com.orderguard.application.port.OrderChangeStore;
import com.orderguard.application.port.OrderStore.EventRecord;
import com.orderguard.config.OrderGuardConfig;
import com.orderguard.domain.HistoryEntry;
import com.orderguard.domain.Marketplace;
import com.orderguard.domain.OrderKey;
import com.orderguard.domain.TenantId;
import com.orderguard.domain.decision.DecisionKind;
import com.orderguard.domain.decision.Initiator;
import com.orderguard.domain.decision.Outcome;
import com.orderguard.domain.decision.PriorRequest;
import com.orderguard.domain.decision.RequestTransition;
import com.orderguard.domain.health.ShopKey;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** Cancellation requests on the single table: each decision is one TransactWriteItems with a condition per item. */
@ApplicationScoped
public class DynamoOrderChangeStore implements OrderChangeStore {

    /** Outbox items only need to live until the stream has forwarded them. */
    static final Duration OUTBOX_RETENTION = Duration.ofDays(7);

    private final DynamoDbClient dynamo;
    private final String table;
    private final int shards;
    private final int counterShards;
    private final int inboxShards;
    private final ShopRegistry registry;
    private final ParallelReads parallel;

    public DynamoOrderChangeStore(DynamoDbClient dynamo, OrderGuardConfig config, ShopRegistry registry,
            ParallelReads parallel) {
        this.dynamo = dynamo;
        this.registry = registry;
        this.parallel = parallel;
        this.table = config.tableName();
        this.shards = config.dueIndex().shards();
        this.counterShards = config.health().counterShards();
        this.inboxShards = config.inbox().shards();
    }

    @Override
    public Optional<RequestRecord> findRequest(TenantId tenant, OrderKey key, String requestId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Map.of(PK, s(TableLayout.orderPk(tenant, key)), SK, s(TableLayout.requestSk(requestId)))))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(RequestMapper.fromItem(item));
    }

    @Override
    public BuyerHistory buyerHistory(TenantId tenant, Marketplace marketplace, String buyerId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Map.of(PK, s(TableLayout.buyerPk(tenant, marketplace.code(), buyerId)),
                        SK, s(TableLayout.BUYER_SK)))).item();
        if (item == null || item.isEmpty()) {
            return BuyerHistory.NONE;
        }
        List<PriorRequest> requests = item.get("requests").l().stream().map(AttributeValue::m)
                .map(m -> new PriorRequest(instant(m, "at"), Initiator.valueOf(string(m, "initiator")),
                        DecisionKind.valueOf(string(m, "kind")), Outcome.valueOf(string(m, "outcome"))))
                .toList();
        return new BuyerHistory(requests, number(item, "version"));
    }

    @Override
    public CommitResult commit(OrderChange commit) {
        StoredOrder before = commit.before();
        Writes writes = writes(commit);
        SnapshotPart snapshot = commit.snapshot();
        try {
            OrderItems.write(() -> dynamo.transactWriteItems(r -> r.transactItems(writes.items())),
                    before.tenant(), ShopKey.of(commit.order()), registry, parallel);
        } catch (TransactionCanceledException e) {
            return new CommitResult.Conflict(reason(e.cancellationReasons(), writes.reasons()));
        }
        return new CommitResult.Committed(new StoredOrder(before.tenant(), commit.order(), before.version() + 1,
                snapshot == null ? before.stamp() : snapshot.stamp(), commit.now(), commit.nextDueAt(),
                commit.timers(), commit.cancelledBy()));
    }

    /** The items of one change's transaction, each with the reason its condition failing means. */
    private record Writes(List<TransactWriteItem> items, List<CommitResult.Reason> reasons) {
        void add(TransactWriteItem item, CommitResult.Reason reason) {
            items.add(item);
            reasons.add(reason);
        }
    }

    private Writes writes(OrderChange commit) {
        TenantId tenant = commit.before().tenant();
        OrderKey key = commit.before().order().key();
        Writes writes = new Writes(new ArrayList<>(), new ArrayList<>());
        orderWrites(writes, commit, tenant, key);
        for (RequestRecord created : commit.created()) {
            writes.add(put(requestItem(tenant, key, created), "attribute_not_exists(#pk)", Map.of("#pk", PK), null),
                    CommitResult.Reason.REQUEST_EXISTS);
        }
        for (RequestTransition transition : commit.transitions()) {
            writes.add(TransactWriteItem.builder().update(transition(tenant, key, transition)).build(),
                    CommitResult.Reason.REQUEST_STATE_CHANGED);
        }
        for (HistoryEntry entry : commit.history()) {
            writes.add(put(OrderItems.historyItem(tenant, key, entry), null, null, null),
                    CommitResult.Reason.ORDER_CHANGED);
        }
        for (OutboxEvent event : commit.events()) {
            writes.add(put(outboxItem(event), null, null, null), CommitResult.Reason.ORDER_CHANGED);
        }
        if (commit.buyer() != null) {
            writes.add(buyerPut(tenant, commit.buyer()), CommitResult.Reason.BUYER_CHANGED);
        }
        if (commit.marker() != null) {
            writes.add(put(OrderItems.markerItem(tenant, key, commit.marker()), "attribute_not_exists(#pk)",
                    Map.of("#pk", PK), null), CommitResult.Reason.ALREADY_RECORDED);
        }
        writes.items().addAll(BucketWrites.items(table, tenant, commit.counts(), commit.now(), shards,
                TableLayout.shardOf(tenant, key, counterShards)));
        return writes;
    }

    /** The snapshots' event records (if the change applies any), the order item, and its attention items. */
    private void orderWrites(Writes writes, OrderChange commit, TenantId tenant, OrderKey key) {
        SnapshotPart snapshot = commit.snapshot();
        for (EventRecord event : snapshot == null ? List.<EventRecord>of() : snapshot.events()) {
            writes.add(TransactWriteItem.builder().put(OrderItems.eventPut(table, tenant, key, event,
                    commit.now())).build(), CommitResult.Reason.EVENT_RECORDED);
        }
        OrderUpdate order = new OrderUpdate(tenant, key, commit.before().version(), commit.now())
                .nextDue(commit.nextDueAt(), shards).timers(commit.timers(), commit.cancelledBy());
        if (snapshot == null) {
            order.expression().set(OrderMapper.STATUS, s(commit.order().status().name()));
        } else {
            OrderItems.orderAttributes(order.expression(), tenant, commit.order(), snapshot.stamp());
        }
        AttentionWrites.orderKeys(order.expression(), tenant, commit.order(), inboxShards);
        writes.add(TransactWriteItem.builder().update(order.build(table)).build(), CommitResult.Reason.ORDER_CHANGED);
        // the kinds open before the change: on the order as stored, which a snapshot in the change may not be
        StoredOrder stored = snapshot == null ? commit.before() : snapshot.stored();
        AttentionWrites.items(table, tenant, commit.order(), commit.timers(), stored == null ? Set.of()
                : AttentionWrites.open(stored.order(), stored.timers()), inboxShards)
                .forEach(item -> writes.add(item, CommitResult.Reason.ORDER_CHANGED));
    }

    /** A request's new status and resolution, if it still has the status the change was decided on. */
    private Update transition(TenantId tenant, OrderKey key, RequestTransition transition) {
        UpdateBuilder update = new UpdateBuilder()
                .set(RequestMapper.STATUS, s(transition.status().name()))
                .set("resolution", AttributeValue.fromM(RequestMapper.resolution(transition.resolution())));
        String condition = update.name(RequestMapper.STATUS) + " = " + update.value(s(transition.expected().name()));
        return Update.builder().tableName(table)
                .key(Map.of(PK, s(TableLayout.orderPk(tenant, key)), SK, s(TableLayout.requestSk(
                        transition.requestId()))))
                .updateExpression(update.expression()).conditionExpression(condition)
                .expressionAttributeNames(update.names()).expressionAttributeValues(update.values()).build();
    }

    /** The first item whose condition failed names the conflict; a transaction conflict means "read again". */
    private static CommitResult.Reason reason(List<CancellationReason> cancellations, List<CommitResult.Reason> map) {
        for (int i = 0; i < cancellations.size() && i < map.size(); i++) {
            if ("ConditionalCheckFailed".equals(cancellations.get(i).code())) {
                return map.get(i);
            }
        }
        return CommitResult.Reason.ORDER_CHANGED;
    }

    private Map<String, AttributeValue> requestItem(TenantId tenant, OrderKey key, RequestRecord record) {
        Map<String, AttributeValue> item = new HashMap<>(RequestMapper.toAttributes(record));
        item.put(PK, s(TableLayout.orderPk(tenant, key)));
        item.put(SK, s(TableLayout.requestSk(record.requestId())));
        item.put("orderKey", s(key.toString()));
        return item;
    }

    static Map<String, AttributeValue> outboxItem(OutboxEvent event) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(TableLayout.outboxPk(event.tenant(), event.eventId())));
        item.put(SK, s(TableLayout.OUTBOX_SK));
        item.put(TableLayout.TYPE, s("OUTBOX"));
        item.put("eventType", s(event.type()));
        item.put("eventId", s(event.eventId()));
        item.put("tenant", s(event.tenant().value()));
        if (event.orderKey() != null) {
            item.put("orderKey", s(event.orderKey().toString()));
        }
        item.put("occurredAt", Attrs.instant(event.occurredAt()));
        item.put("detail", s(EventJson.detail(event).toString()));
        item.put(TableLayout.TTL, n(event.occurredAt().plus(OUTBOX_RETENTION).getEpochSecond()));
        return item;
    }

    private TransactWriteItem buyerPut(TenantId tenant, BuyerUpdate buyer) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(TableLayout.buyerPk(tenant, buyer.marketplace().code(), buyer.buyerId())));
        item.put(SK, s(TableLayout.BUYER_SK));
        item.put(TableLayout.TYPE, s("BUYER"));
        item.put("version", n(buyer.expectedVersion() + 1));
        item.put("requests", AttributeValue.fromL(buyer.requests().stream().map(p -> AttributeValue.fromM(Map.of(
                "at", Attrs.instant(p.requestedAt()), "initiator", s(p.initiator().name()),
                "kind", s(p.kind().name()), "outcome", s(p.outcome().name())))).toList()));
        return buyer.expectedVersion() == 0
                ? put(item, "attribute_not_exists(#pk)", Map.of("#pk", PK), null)
                : put(item, "#v = :v", Map.of("#v", "version"), Map.of(":v", n(buyer.expectedVersion())));
    }

    private TransactWriteItem put(Map<String, AttributeValue> item, String condition, Map<String, String> names,
            Map<String, AttributeValue> values) {
        Put.Builder put = Put.builder().tableName(table).item(item);
        if (condition != null) {
            put.conditionExpression(condition).expressionAttributeNames(names);
            if (values != null) {
                put.expressionAttributeValues(values);
            }
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }
}
