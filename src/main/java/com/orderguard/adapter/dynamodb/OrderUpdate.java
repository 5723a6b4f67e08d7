package com.orderguard.adapter.dynamodb;

import static com.orderguard.adapter.dynamodb.Attrs.n;
import static com.orderguard.adapter.dynamodb.Attrs.s;

import java.time.Instant;
import java.util.Map;

import com.orderguard.domain.deadline.OrderTimers;
import com.orderguard.domain.OrderKey;
import com.orderguard.domain.TenantId;

import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The conditional update of an ORDER item that every writer shares: the order must still be at the version that
 * was read (or not exist), the version goes up by one, and the due-time index entry moves with the next deadline.
 */
final class OrderUpdate {

    static final String VERSION = "version";
    static final String NEXT_DUE = "nextDueAt";
    static final String CANCELLED_BY = "cancelledBy";

    private final UpdateBuilder update = new UpdateBuilder();
    private final TenantId tenant;
    private final OrderKey key;
    private final long expectedVersion;

    OrderUpdate(TenantId tenant, OrderKey key, long expectedVersion, Instant now) {
        this.tenant = tenant;
        this.key = key;
        this.expectedVersion = expectedVersion;
        update.set(VERSION, n(expectedVersion + 1)).set("updatedAt", Attrs.instant(now));
    }

    UpdateBuilder expression() {
        return update;
    }

    /** Moves the order's due-time index entry to {@code nextDue}, or removes it. */
    OrderUpdate nextDue(Instant nextDue, int shards) {
        if (nextDue != null) {
            update.set(NEXT_DUE, Attrs.instant(nextDue))
                    .set(TableLayout.DUE_PK, s(TableLayout.dueShard(TableLayout.shardOf(tenant, key, shards))))
                    .set(TableLayout.DUE_SK, s(TableLayout.sortable(nextDue)));
        } else {
            update.remove(NEXT_DUE).remove(TableLayout.DUE_PK).remove(TableLayout.DUE_SK);
        }
        return this;
    }

    /** Sets the order's timers (deadlines, warnings, hold, pending request) and who cancelled it. */
    OrderUpdate timers(OrderTimers timers, String cancelledBy) {
        TimerMapper.write(timers, update);
        if (cancelledBy != null) {
            update.set(CANCELLED_BY, s(cancelledBy));
        } else {
            update.remove(CANCELLED_BY);
        }
        return this;
    }

    Update build(String table) {
        String condition = expectedVersion == 0 ? "attribute_not_exists(" + update.name(TableLayout.PK) + ")"
                : update.name(VERSION) + " = " + update.value(n(expectedVersion));
        return Update.builder().tableName(table)
                .key(Map.of(TableLayout.PK, s(TableLayout.orderPk(tenant, key)),
                        TableLayout.SK, s(TableLayout.ORDER_SK)))
                .updateExpression(update.expression())
                .conditionExpression(condition)
                .expressionAttributeNames(update.names())
                .expressionAttributeValues(update.values())
                .build();
    }
}
