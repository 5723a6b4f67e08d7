package com.orderguard.adapter.dynamodb;

import static com.orderguard.adapter.dynamodb.Attrs.s;
import static com.orderguard.adapter.dynamodb.Attrs.string;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import jakarta.enterprise.context.ApplicationScoped;

import com.orderguard.application.port.InboxStore;
import com.orderguard.config.OrderGuardConfig;
import com.orderguard.domain.OrderStatus;
import com.orderguard.domain.TenantId;
import com.orderguard.domain.attention.AttentionKind;
import com.orderguard.domain.health.MetricStatus;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The inbox's reads on the single table (docs/dynamodb.md, "The inbox indexes"): each page is one round of
 * parallel Queries over the write shards of an index, merged here; no per-item reads.
 */
@ApplicationScoped
public class DynamoInboxStore implements InboxStore {

    private final DynamoDbClient dynamo;
    private final String table;
    private final int shards;
    private final ParallelReads parallel;
    private final AttentionReads attention;

    public DynamoInboxStore(DynamoDbClient dynamo, OrderGuardConfig config, ParallelReads parallel) {
        this.dynamo = dynamo;
        this.table = config.tableName();
        this.shards = config.inbox().shards();
        this.parallel = parallel;
        this.attention = new AttentionReads(dynamo, table, shards);
    }

    @Override
    public AttentionPage attention(TenantId tenant, AttentionQuery query) {
        List<Callable<List<Map<String, AttributeValue>>>> reads = new ArrayList<>(attention.reads(tenant, query));
        // the registry is read in the same round: the metrics at risk start from it
        reads.add(() -> IndexPages.upTo(dynamo, registryQuery(tenant), Integer.MAX_VALUE));
        List<List<Map<String, AttributeValue>>> results = parallel.all(reads);
        AttentionReads.Page page = AttentionReads.merge(results.subList(0, results.size() - 1), query);
        return new AttentionPage(page.items(), page.next(), shops(results.get(results.size() - 1)));
    }

    @Override
    public OrderPage orders(TenantId tenant, OrderQuery query) {
        String from = query.after() == null ? null : query.after().get(0);
        int want = query.limit() + 1;
        List<Callable<List<Map<String, AttributeValue>>>> reads = new ArrayList<>();
        for (int shard = 0; shard < shards; shard++) {
            Map<String, String> names = new HashMap<>(Map.of("#pk", InboxLayout.ORDERS_PK));
            Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk",
                    s(InboxLayout.ordersPartition(tenant, shard))));
            String condition = "#pk = :pk";
            if (from != null) {
                names.put("#sk", InboxLayout.ORDERS_SK);
                values.put(":from", s(from));
                condition += " AND #sk < :from";
            }
            String filter = IndexPages.filter(query.shops(), query.status(), names, values);
            QueryRequest.Builder request = QueryRequest.builder().tableName(table)
                    .indexName(InboxLayout.ORDERS_INDEX).keyConditionExpression(condition).scanIndexForward(false)
                    .limit(want).expressionAttributeNames(names).expressionAttributeValues(values);
            QueryRequest built = (filter == null ? request : request.filterExpression(filter)).build();
            reads.add(() -> IndexPages.upTo(dynamo, built, want));
        }
        List<Map<String, AttributeValue>> all = new ArrayList<>();
        parallel.all(reads).forEach(all::addAll);
        all.sort(Comparator.<Map<String, AttributeValue>, String>comparing(
                item -> string(item, InboxLayout.ORDERS_SK)).reversed());
        List<Map<String, AttributeValue>> page = all.subList(0, Math.min(query.limit(), all.size()));
        List<String> next = all.size() > query.limit()
                ? List.of(string(page.get(page.size() - 1), InboxLayout.ORDERS_SK)) : null;
        return new OrderPage(page.stream().map(DynamoOrderStore::stored).toList(), next);
    }

    @Override
    public List<ShopCounts> shops(TenantId tenant, Instant now, Duration within) {
        List<RegisteredShop> shops = shops(IndexPages.upTo(dynamo, registryQuery(tenant), Integer.MAX_VALUE));
        List<Callable<List<Map<String, AttributeValue>>>> reads = new ArrayList<>();
        for (RegisteredShop shop : shops) {
            for (int shard = 0; shard < shards; shard++) {
                QueryRequest request = QueryRequest.builder().tableName(table).indexName(InboxLayout.SHOP_INDEX)
                        .keyConditionExpression("#pk = :pk").projectionExpression("#sk, #st, #k, #d")
                        .expressionAttributeNames(Map.of("#pk", InboxLayout.SHOP_PK, "#sk", InboxLayout.SHOP_SK,
                                "#st", OrderMapper.STATUS, "#k", AttentionWrites.KIND, "#d", AttentionWrites.DUE_AT))
                        .expressionAttributeValues(Map.of(":pk",
                                s(InboxLayout.shopPartition(tenant, shop.shop(), shard))))
                        .build();
                reads.add(() -> IndexPages.upTo(dynamo, request, Integer.MAX_VALUE));
            }
        }
        List<List<Map<String, AttributeValue>>> results = parallel.all(reads);
        List<ShopCounts> counts = new ArrayList<>();
        for (int i = 0; i < shops.size(); i++) {
            List<Map<String, AttributeValue>> items = new ArrayList<>();
            results.subList(i * shards, (i + 1) * shards).forEach(items::addAll);
            counts.add(count(shops.get(i), items, now.plus(within)));
        }
        return counts;
    }

    private static ShopCounts count(RegisteredShop shop, List<Map<String, AttributeValue>> items, Instant until) {
        Map<OrderStatus, Long> open = new EnumMap<>(OrderStatus.class);
        long attention = 0;
        for (Map<String, AttributeValue> item : items) {
            if (string(item, InboxLayout.SHOP_SK).startsWith(InboxLayout.OPEN_ORDER_PREFIX)) {
                open.merge(OrderStatus.valueOf(string(item, OrderMapper.STATUS)), 1L, Long::sum);
            } else if (AttentionKind.REQUEST_PENDING.name().equals(string(item, AttentionWrites.KIND))
                    || !Attrs.instant(item, AttentionWrites.DUE_AT).isAfter(until)) {
                attention++;
            }
        }
        return new ShopCounts(shop, open, attention);
    }

    private QueryRequest registryQuery(TenantId tenant) {
        return QueryRequest.builder().tableName(table).keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", TableLayout.PK))
                .expressionAttributeValues(Map.of(":pk", s(InboxLayout.registryPk(tenant)))).build();
    }

    private static List<RegisteredShop> shops(List<Map<String, AttributeValue>> items) {
        return items.stream().map(item -> {
            Map<String, MetricStatus.Status> statuses = new HashMap<>();
            if (item.containsKey(ShopRegistry.STATUSES)) {
                item.get(ShopRegistry.STATUSES).m().forEach((metric, status) -> statuses.put(metric,
                        MetricStatus.Status.valueOf(status.s())));
            }
            return new RegisteredShop(AttentionWrites.shop(item), statuses);
        }).toList();
    }
}
