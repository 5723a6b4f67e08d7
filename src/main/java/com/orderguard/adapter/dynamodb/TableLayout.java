package com.orderguard.adapter.dynamodb;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.orderguard.domain.OrderKey;
import com.orderguard.domain.TenantId;
import com.orderguard.domain.health.ShopKey;

import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * The single-table layout (see docs/dynamodb.md): key attribute names, key formats per item type, and the table
 * definition used to create the table locally. infra/template.yaml declares the same table for AWS; a test keeps
 * the two in step.
 */
public final class TableLayout {

    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String DUE_PK = "gsi1pk";
    public static final String DUE_SK = "gsi1sk";
    public static final String DUE_INDEX = "due-index";
    public static final String TTL = "expiresAt";
    public static final String TYPE = "type";

    public static final String ORDER_SK = "ORDER";
    public static final String EVENT_SK = "EVENT";
    public static final String HISTORY_PREFIX = "H#";
    public static final String REQUEST_PREFIX = "R#";
    public static final String BUYER_SK = "BUYER";
    public static final String OUTBOX_SK = "OUTBOX";
    public static final String BUCKET_PREFIX = "D#";
    public static final String HEALTH_SK = "HEALTH";
    /**
     * A shop's mark that its metrics must be looked at, one item per shard ({@code LOOK#{shard}}; a mark written
     * before the shards is plain {@code LOOK}); sorts after HEALTH, so the shop's Query reads it too.
     */
    public static final String LOOK_SK = "LOOK";

    /** Fixed-width UTC timestamps, so that sort keys order like the instants they hold. */
    private static final DateTimeFormatter SORTABLE = DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private TableLayout() {
    }

    /** Partition key of an order and everything that belongs to it (history, requests). */
    public static String orderPk(TenantId tenant, OrderKey key) {
        return tenantPrefix(tenant) + "O#" + key;
    }

    /** Partition key of the record that makes an event idempotent. */
    public static String eventPk(TenantId tenant, String eventId) {
        return tenantPrefix(tenant) + "E#" + escape(eventId);
    }

    /** Every key of a tenant's data starts with this, so no key of one tenant can equal a key of another. */
    public static String tenantPrefix(TenantId tenant) {
        return "T#" + escape(tenant.value()) + "#";
    }

    /** Sort key of one cancellation request (under its order's partition key). */
    public static String requestSk(String requestId) {
        return REQUEST_PREFIX + requestId;
    }

    /** Partition key of a buyer's recent requests on one marketplace. */
    public static String buyerPk(TenantId tenant, String marketplace, String buyerId) {
        return tenantPrefix(tenant) + "B#" + marketplace + "#" + escape(buyerId);
    }

    /** Partition key of a shop's daily metric buckets and its last health statuses. */
    public static String shopPk(TenantId tenant, ShopKey shop) {
        return tenantPrefix(tenant) + "S#" + shop.marketplace().code() + "." + shop.site() + "."
                + escape(shop.shopId());
    }

    /** Where a shop's buckets of {@code day} (site-local date) and later start: every shard sorts from here. */
    public static String bucketSk(LocalDate day) {
        return BUCKET_PREFIX + day;
    }

    /** Sort key of one shard of one day's bucket: the day is summed over its shards on read. */
    public static String bucketSk(LocalDate day, int shard) {
        return BUCKET_PREFIX + day + "#" + shard;
    }

    /** The day of a bucket's sort key, sharded ({@code D#2026-11-11#7}) or not ({@code D#2026-11-11}). */
    public static LocalDate bucketDay(String sk) {
        int end = sk.indexOf('#', BUCKET_PREFIX.length());
        return LocalDate.parse(sk.substring(BUCKET_PREFIX.length(), end < 0 ? sk.length() : end));
    }

    /** Sort key of one shard of a shop's look mark. */
    public static String lookSk(int shard) {
        return LOOK_SK + "#" + shard;
    }

    /** Whether a sort key is a look mark's, sharded or not. */
    public static boolean isLook(String sk) {
        return LOOK_SK.equals(sk) || sk.startsWith(LOOK_SK + "#");
    }

    /** Partition key of one outbox event. */
    public static String outboxPk(TenantId tenant, String eventId) {
        return tenantPrefix(tenant) + "X#" + escape(eventId);
    }

    /** Sort key of one history entry. */
    public static String historySk(Instant at, String reference) {
        return HISTORY_PREFIX + sortable(at) + "#" + reference;
    }

    /** Partition key of one shard of the due-time index. */
    public static String dueShard(int shard) {
        return "DUE#" + shard;
    }

    /**
     * The shard an order's due-time entry (and the shard of its shop's counters that its changes count in) lives
     * in: stable for the order, spread evenly across orders.
     */
    public static int shardOf(TenantId tenant, OrderKey key, int shards) {
        return shardOf(tenant, key.toString(), shards);
    }

    /** The shard of a shop's look mark in the due-time index: stable for the shop, spread across shops. */
    public static int shardOf(TenantId tenant, ShopKey shop, int shards) {
        return shardOf(tenant, "S|" + shop, shards);
    }

    private static int shardOf(TenantId tenant, String key, int shards) {
        int h = (tenant.value() + "|" + key).hashCode();
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return Math.floorMod(h, shards);
    }

    /** An instant as a fixed-width, lexically sortable string. */
    public static String sortable(Instant at) {
        return SORTABLE.format(at);
    }

    /**
     * Percent-escapes everything but letters, digits and {@code . _ - : @ |}, so that a tenant or event id
     * can never contain the '#' that separates key parts.
     */
    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(cp -> {
            if (cp < 128 && (Character.isLetterOrDigit(cp) || ".-_:@|".indexOf(cp) >= 0)) {
                out.append((char) cp);
            } else {
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(String.format("%02X", b & 0xff));
                }
            }
        });
        return out.toString();
    }

    /** The table as local runs and tests create it (on-demand billing, the four indexes, a stream). */
    public static CreateTableRequest createTableRequest(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        attribute(PK), attribute(SK), attribute(DUE_PK), attribute(DUE_SK),
                        attribute(InboxLayout.ATTENTION_PK), attribute(InboxLayout.ATTENTION_SK),
                        attribute(InboxLayout.ORDERS_PK), attribute(InboxLayout.ORDERS_SK),
                        attribute(InboxLayout.SHOP_PK), attribute(InboxLayout.SHOP_SK))
                .keySchema(key(PK, KeyType.HASH), key(SK, KeyType.RANGE))
                .globalSecondaryIndexes(index(DUE_INDEX, DUE_PK, DUE_SK),
                        index(InboxLayout.ATTENTION_INDEX, InboxLayout.ATTENTION_PK, InboxLayout.ATTENTION_SK),
                        index(InboxLayout.ORDERS_INDEX, InboxLayout.ORDERS_PK, InboxLayout.ORDERS_SK),
                        index(InboxLayout.SHOP_INDEX, InboxLayout.SHOP_PK, InboxLayout.SHOP_SK))
                .streamSpecification(StreamSpecification.builder()
                        .streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE).build())
                .build();
    }

    /** An index with every attribute projected, so its reads need no second call. */
    private static GlobalSecondaryIndex index(String name, String pk, String sk) {
        return GlobalSecondaryIndex.builder().indexName(name)
                .keySchema(key(pk, KeyType.HASH), key(sk, KeyType.RANGE))
                .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                .build();
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
