package com.orderguard.adapter.dynamodb;

import static com.orderguard.adapter.dynamodb.Attrs.n;
import static com.orderguard.adapter.dynamodb.Attrs.s;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.orderguard.application.ShopCounts;
import com.orderguard.domain.TenantId;
import com.orderguard.domain.health.Counter;
import com.orderguard.domain.health.ShopKey;

import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The increments of a shop's daily buckets, as unconditional {@code ADD} updates that join the transaction of the
 * change that caused them (which is itself conditional and idempotent, so each increment lands exactly once); and,
 * when the counts ask for it, the shop's look mark. Both are written to one of the shop's shards, the one of the
 * order that changed: no item is touched by every change of a shop, so concurrent changes of one shop rarely meet
 * on an item (a transaction conflict) and the reads sum the shards.
 */
final class BucketWrites {

    /** Buckets live longer than the longest window plus a quarter of penalty points. */
    static final int RETENTION_DAYS = 130;

    /** The look mark's counter: the look that read a value may delete the mark only while it still has it. */
    static final String MARKS = "marks";

    private BucketWrites() {
    }

    /** The writes for {@code counts}, in counter shard {@code shard}; {@code dueShards} places the look mark. */
    static List<TransactWriteItem> items(String table, TenantId tenant, ShopCounts counts, Instant now, int dueShards,
            int shard) {
        List<TransactWriteItem> items = new ArrayList<>();
        if (counts == null || counts.isEmpty()) {
            return items;
        }
        for (Map.Entry<LocalDate, Map<Counter, Long>> day : counts.counts().byDay().entrySet()) {
            UpdateBuilder update = new UpdateBuilder()
                    .set(TableLayout.TYPE, s("BUCKET"))
                    .set("day", s(day.getKey().toString()))
                    .set(TableLayout.TTL, n(day.getKey().plusDays(RETENTION_DAYS).atStartOfDay()
                            .toEpochSecond(ZoneOffset.UTC)));
            day.getValue().forEach((counter, increment) -> update.add(counter.attribute(), n(increment)));
            items.add(update(table, tenant, counts.shop(), TableLayout.bucketSk(day.getKey(), shard), update));
        }
        if (counts.lookLater()) {
            items.add(lookMark(table, tenant, counts.shop(), now, dueShards, shard));
        }
        return items;
    }

    /**
     * The mark that the shop's metrics must be looked at: an entry in the due-time index, due now, whose counter
     * goes up with every change that marks it. The look that clears it deletes it only at the count it read, so a
     * change that lands after that read keeps the mark for the next sweep run.
     */
    private static TransactWriteItem lookMark(String table, TenantId tenant, ShopKey shop, Instant now, int dueShards,
            int shard) {
        UpdateBuilder update = new UpdateBuilder()
                .set(TableLayout.TYPE, s("LOOK"))
                .set(DynamoOrderStore.TENANT, s(tenant.value()))
                .set("marketplace", s(shop.marketplace().code()))
                .set("site", s(shop.site()))
                .set("shopId", s(shop.shopId()))
                .set(TableLayout.DUE_PK, s(TableLayout.dueShard(TableLayout.shardOf(tenant, shop, dueShards))))
                .set(TableLayout.DUE_SK, s(TableLayout.sortable(now)))
                .add(MARKS, n(1));
        return update(table, tenant, shop, TableLayout.lookSk(shard), update);
    }

    private static TransactWriteItem update(String table, TenantId tenant, ShopKey shop, String sk,
            UpdateBuilder update) {
        return TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(Map.of(TableLayout.PK, s(TableLayout.shopPk(tenant, shop)), TableLayout.SK, s(sk)))
                .updateExpression(update.expression())
                .expressionAttributeNames(update.names())
                .expressionAttributeValues(update.values()).build()).build();
    }
}
