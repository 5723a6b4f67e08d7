package com.orderguard.adapter.dynamodb;

import java.time.Instant;

import com.orderguard.domain.OrderKey;
import com.orderguard.domain.TenantId;
import com.orderguard.domain.attention.AttentionKind;
import com.orderguard.domain.health.ShopKey;

/**
 * The keys of the inbox's items and indexes (docs/dynamodb.md, "The inbox indexes"): attention items under their
 * order's partition, the shop registry, and the three sparse indexes that the attention inbox, the order list and
 * the shop list read. Every index partition key starts with the tenant's prefix, so no tenant reads another's.
 */
public final class InboxLayout {

    public static final String ATTENTION_INDEX = "attention-index";
    public static final String ATTENTION_PK = "gsi2pk";
    public static final String ATTENTION_SK = "gsi2sk";
    public static final String ORDERS_INDEX = "orders-index";
    public static final String ORDERS_PK = "gsi3pk";
    public static final String ORDERS_SK = "gsi3sk";
    public static final String SHOP_INDEX = "shop-index";
    public static final String SHOP_PK = "gsi4pk";
    public static final String SHOP_SK = "gsi4sk";

    static final String ATTENTION_PREFIX = "A#";
    static final String OPEN_ORDER_PREFIX = "O#";

    private InboxLayout() {
    }

    /** Sort key of an order's attention item of one kind (under the order's partition key). */
    static String attentionSk(AttentionKind stored) {
        return ATTENTION_PREFIX + stored.name();
    }

    /** Partition of the attention index: one per tenant, kind and write shard. */
    static String attentionPartition(TenantId tenant, AttentionKind stored, int shard) {
        return TableLayout.tenantPrefix(tenant) + "A#" + stored.name() + "#" + shard;
    }

    /** Sort key in the attention index: due time first, then the order, so a Query reads in inbox order. */
    static String dueKey(Instant dueAt, OrderKey key) {
        return TableLayout.sortable(dueAt) + "#" + key;
    }

    /** Partition of the order-list index: one per tenant and write shard. */
    static String ordersPartition(TenantId tenant, int shard) {
        return TableLayout.tenantPrefix(tenant) + "L#" + shard;
    }

    /** Sort key in the order-list index: placement time, then the order. */
    static String placedKey(Instant placedAt, OrderKey key) {
        return TableLayout.sortable(placedAt != null ? placedAt : Instant.EPOCH) + "#" + key;
    }

    /** Partition of the shop index (open orders and attention items of one shop): one per shop and shard. */
    static String shopPartition(TenantId tenant, ShopKey shop, int shard) {
        return TableLayout.shopPk(tenant, shop) + "#" + shard;
    }

    /** Partition of the tenant's shop registry: one item per shop. */
    static String registryPk(TenantId tenant) {
        return TableLayout.tenantPrefix(tenant) + "SHOPS";
    }

    /** Sort key of one shop in the registry. */
    static String registrySk(ShopKey shop) {
        return shop.marketplace().code() + "." + shop.site() + "." + TableLayout.escape(shop.shopId());
    }

    /** The write shard of an order in the inbox indexes: stable for the order, spread across orders. */
    static int shard(TenantId tenant, OrderKey key, int shards) {
        return TableLayout.shardOf(tenant, key, shards);
    }
}
