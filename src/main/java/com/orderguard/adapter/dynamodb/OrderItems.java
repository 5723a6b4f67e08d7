package com.orderguard.adapter.dynamodb;

import static com.orderguard.adapter.dynamodb.Attrs.n;
import static com.orderguard.adapter.dynamodb.Attrs.s;
import static com.orderguard.adapter.dynamodb.TableLayout.PK;
import static com.orderguard.adapter.dynamodb.TableLayout.SK;
import static com.orderguard.adapter.dynamodb.TableLayout.TTL;
import static com.orderguard.adapter.dynamodb.TableLayout.TYPE;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.orderguard.application.port.OrderChangeStore.Marker;
import com.orderguard.application.port.OrderStore.EventRecord;
import com.orderguard.domain.HistoryEntry;
import com.orderguard.domain.Order;
import com.orderguard.domain.OrderKey;
import com.orderguard.domain.SnapshotStamp;
import com.orderguard.domain.TenantId;
import com.orderguard.domain.health.ShopKey;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Items written with an order, shared by the snapshot write and the order change (which may apply snapshots in its
 * own transaction): the event's idempotency record, the order item written whole, a history entry; and the
 * transaction of a new order, which registers its shop beside it.
 */
final class OrderItems {

    /** The attribute of an event record or a marker that holds the fingerprint of what it recorded. */
    static final String FINGERPRINT = "fingerprint";

    private OrderItems() {
    }

    /**
     * The event's record, put only if the id was never recorded (or its record expired: TTL may not have deleted
     * it yet); a failed condition returns the record, whose fingerprint tells a redelivery from a reuse.
     */
    static Put eventPut(String table, TenantId tenant, OrderKey key, EventRecord event, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(TableLayout.eventPk(tenant, event.eventId())));
        item.put(SK, s(TableLayout.EVENT_SK));
        item.put(TYPE, s("EVENT"));
        item.put("orderKey", s(key.toString()));
        item.put(FINGERPRINT, s(event.fingerprint()));
        item.put(TTL, n(event.expiresAt().getEpochSecond()));
        return Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(#pk) OR #ttl < :now")
                .expressionAttributeNames(Map.of("#pk", PK, "#ttl", TTL))
                .expressionAttributeValues(Map.of(":now", n(now.getEpochSecond())))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
    }

    /** Every attribute of the order (its status too) and the stamp of the snapshot it came from. */
    static void orderAttributes(UpdateBuilder update, TenantId tenant, Order order, SnapshotStamp stamp) {
        update.set(TYPE, s("ORDER"))
                .set(DynamoOrderStore.TENANT, s(tenant.value()))
                .set("orderKey", s(order.key().toString()))
                .setAll(OrderMapper.toAttributes(order))
                .set("snapshotAt", Attrs.instant(stamp.occurredAt()))
                .set("snapshotStatus", s(stamp.status().name()))
                .set("snapshotEventId", s(stamp.eventId()));
        OrderMapper.absentOptionals(order).forEach(update::remove);
    }

    /**
     * Runs the transaction that writes an order; its shop is registered (put if absent) beside it, in the same round
     * trip, unless this process registered it before. Not only a new order's: a registration that failed after its
     * order's transaction committed (the message is redelivered, finds its event recorded and writes nothing) is
     * made by the shop's next write. The transaction's failure is thrown as it was thrown.
     */
    static void write(Runnable transaction, TenantId tenant, ShopKey shop, ShopRegistry registry,
            ParallelReads parallel) {
        List<Callable<Object>> calls = new ArrayList<>();
        calls.add(() -> {
            transaction.run();
            return Boolean.TRUE; // a round's results are never null
        });
        if (!registry.remembers(tenant, shop)) {
            calls.add(() -> {
                registry.register(tenant, shop);
                return Boolean.TRUE;
            });
        }
        parallel.all(calls);
    }

    /** A line of the order's history. */
    static Map<String, AttributeValue> historyItem(TenantId tenant, OrderKey key, HistoryEntry entry) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(TableLayout.orderPk(tenant, key)));
        item.put(SK, s(TableLayout.historySk(entry.at(), entry.reference())));
        item.put(TableLayout.TYPE, s("HISTORY"));
        item.put("at", Attrs.instant(entry.at()));
        item.put("kind", s(entry.kind()));
        item.put("summary", s(entry.summary()));
        item.put("reference", s(entry.reference()));
        return item;
    }

    /** A one-off fact under the order, with the fingerprint that tells a repeat from a reuse of its id. */
    static Map<String, AttributeValue> markerItem(TenantId tenant, OrderKey key, Marker marker) {
        return Map.of(PK, s(TableLayout.orderPk(tenant, key)), SK, s(marker.sortKey()), TYPE, s("MARKER"),
                FINGERPRINT, s(marker.fingerprint()));
    }
}
