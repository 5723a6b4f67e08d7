package com.orderguard.adapter.dynamodb;

import static com.orderguard.adapter.dynamodb.Attrs.s;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.orderguard.domain.Marketplace;
import com.orderguard.domain.Order;
import com.orderguard.domain.OrderKey;
import com.orderguard.domain.OrderStatus;
import com.orderguard.domain.TenantId;
import com.orderguard.domain.attention.AttentionItem;
import com.orderguard.domain.attention.AttentionKind;
import com.orderguard.domain.deadline.OrderTimers;
import com.orderguard.domain.decision.Outcome;
import com.orderguard.domain.health.ShopKey;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The inbox's share of an order write, joining the transaction of the change itself: the order's attention items
 * put or deleted as its new state opens or closes them, and the order's own keys in the order-list and shop
 * indexes. The order's version condition in the same transaction makes each land exactly with the change.
 */
final class AttentionWrites {

    static final String KIND = "kind";
    static final String DUE_AT = "dueAt";

    private AttentionWrites() {
    }

    /** The stored kinds open on an order in this state. */
    static Set<AttentionKind> open(Order order, OrderTimers timers) {
        Set<AttentionKind> kinds = EnumSet.noneOf(AttentionKind.class);
        AttentionItem.open(order, timers).forEach(item -> kinds.add(item.kind()));
        return kinds;
    }

    /**
     * A put of every item open after the change, and a delete of every kind that was open before it and is not
     * now ({@code openBefore} null: not known, so every kind not open now).
     */
    static List<TransactWriteItem> items(String table, TenantId tenant, Order order, OrderTimers timers,
            Set<AttentionKind> openBefore, int shards) {
        List<TransactWriteItem> items = new ArrayList<>();
        List<AttentionItem> open = AttentionItem.open(order, timers);
        for (AttentionKind kind : AttentionItem.STORED) {
            AttentionItem item = open.stream().filter(i -> i.kind() == kind).findFirst().orElse(null);
            if (item != null) {
                items.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                        .item(toItem(tenant, item, shards)).build()).build());
            } else if (openBefore == null || openBefore.contains(kind)) {
                items.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(Map.of(
                        TableLayout.PK, s(TableLayout.orderPk(tenant, order.key())),
                        TableLayout.SK, s(InboxLayout.attentionSk(kind)))).build()).build());
            }
        }
        return items;
    }

    /** The order item's keys in the order-list index (always) and the shop index (while the order is open). */
    static void orderKeys(UpdateBuilder update, TenantId tenant, Order order, int shards) {
        int shard = InboxLayout.shard(tenant, order.key(), shards);
        update.set(InboxLayout.ORDERS_PK, s(InboxLayout.ordersPartition(tenant, shard)))
                .set(InboxLayout.ORDERS_SK, s(InboxLayout.placedKey(order.placedAt(), order.key())));
        if (isOpen(order.status())) {
            update.set(InboxLayout.SHOP_PK, s(InboxLayout.shopPartition(tenant, ShopKey.of(order), shard)))
                    .set(InboxLayout.SHOP_SK, s(InboxLayout.OPEN_ORDER_PREFIX + order.key()));
        } else {
            update.remove(InboxLayout.SHOP_PK).remove(InboxLayout.SHOP_SK);
        }
    }

    /** An order is open until it is delivered, returned or cancelled. */
    static boolean isOpen(OrderStatus status) {
        return !status.terminal() && status != OrderStatus.DELIVERED;
    }

    private static Map<String, AttributeValue> toItem(TenantId tenant, AttentionItem item, int shards) {
        int shard = InboxLayout.shard(tenant, item.orderKey(), shards);
        Map<String, AttributeValue> map = new HashMap<>();
        map.put(TableLayout.PK, s(TableLayout.orderPk(tenant, item.orderKey())));
        map.put(TableLayout.SK, s(InboxLayout.attentionSk(item.kind())));
        map.put(TableLayout.TYPE, s("ATTENTION"));
        map.put(DynamoOrderStore.TENANT, s(tenant.value()));
        map.put(KIND, s(item.kind().name()));
        map.put(DUE_AT, Attrs.instant(item.dueAt()));
        map.put("orderKey", s(item.orderKey().toString()));
        map.put(OrderMapper.MARKETPLACE, s(item.shop().marketplace().code()));
        map.put(OrderMapper.SITE, s(item.shop().site()));
        map.put(OrderMapper.SHOP_ID, s(item.shop().shopId()));
        if (item.requestId() != null) {
            map.put("requestId", s(item.requestId()));
            map.put("ifNoResponse", s(item.ifNoResponse().name()));
        }
        if (item.autoCancelAt() != null) {
            map.put("autoCancelAt", Attrs.instant(item.autoCancelAt()));
        }
        map.put(InboxLayout.ATTENTION_PK, s(InboxLayout.attentionPartition(tenant, item.kind(), shard)));
        map.put(InboxLayout.ATTENTION_SK, s(InboxLayout.dueKey(item.dueAt(), item.orderKey())));
        map.put(InboxLayout.SHOP_PK, s(InboxLayout.shopPartition(tenant, item.shop(), shard)));
        map.put(InboxLayout.SHOP_SK, s(InboxLayout.ATTENTION_PREFIX + item.kind() + "#" + item.orderKey()));
        return map;
    }

    /** The shop an attention item or a registry item names. */
    static ShopKey shop(Map<String, AttributeValue> map) {
        return new ShopKey(Marketplace.fromCode(Attrs.string(map, OrderMapper.MARKETPLACE)).orElseThrow(),
                Attrs.string(map, OrderMapper.SITE), Attrs.string(map, OrderMapper.SHOP_ID));
    }

    /** An attention item as stored. */
    static AttentionItem fromItem(Map<String, AttributeValue> map) {
        String requestId = Attrs.string(map, "requestId");
        return new AttentionItem(AttentionKind.valueOf(Attrs.string(map, KIND)), Attrs.instant(map, DUE_AT),
                OrderKey.parse(Attrs.string(map, "orderKey"), "orderKey").valueOrNull(), shop(map), requestId,
                requestId == null ? null : Outcome.valueOf(Attrs.string(map, "ifNoResponse")),
                Attrs.instant(map, "autoCancelAt"));
    }
}
