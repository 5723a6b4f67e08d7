package com.orderguard.adapter.dynamodb;

import static com.orderguard.adapter.dynamodb.Attrs.n;
import static com.orderguard.adapter.dynamodb.Attrs.s;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.orderguard.application.ShopCounts;
import com.orderguard.domain.TenantId;
import com.orderguard.domain.health.Counter;

import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The increments of a shop's daily buckets, as unconditional {@code ADD} updates that join the transaction of the
 * change that caused them (which is itself conditional and idempotent, so each increment lands exactly once).
 */
final class BucketWrites {

    /** Buckets live longer than the longest window plus a quarter of penalty points. */
    static final int RETENTION_DAYS = 130;

    private BucketWrites() {
    }

    static List<TransactWriteItem> items(String table, TenantId tenant, ShopCounts counts) {
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
            items.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
                    .key(Map.of(TableLayout.PK, s(TableLayout.shopPk(tenant, counts.shop())),
                            TableLayout.SK, s(TableLayout.bucketSk(day.getKey()))))
                    .updateExpression(update.expression())
                    .expressionAttributeNames(update.names())
                    .expressionAttributeValues(update.values()).build()).build());
        }
        return items;
    }
}
