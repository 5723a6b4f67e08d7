package com.orderguard.adapter.dynamodb;

import static com.orderguard.adapter.dynamodb.Attrs.s;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.orderguard.config.OrderGuardConfig;
import com.orderguard.domain.TenantId;
import com.orderguard.domain.health.MetricStatus;
import com.orderguard.domain.health.ShopKey;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The tenant's shop registry: one item per shop, written when an order first names the shop (or, should that put
 * fail, by the shop's next order write), by a put that only succeeds while the item is absent. Not part of the
 * order's transaction (a transaction cannot "put if absent, else do nothing"), and not a counter: once the item is
 * there, a shop's orders never change it. A process remembers the shops it registered, so it asks at most once per
 * shop.
 */
@ApplicationScoped
public class ShopRegistry {

    static final String STATUSES = "statuses";

    /** Past this many, the remembered shops are forgotten (a repeated put is harmless, only a wasted call). */
    private static final int REMEMBERED = 10_000;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Set<String> registered = ConcurrentHashMap.newKeySet();

    public ShopRegistry(DynamoDbClient dynamo, OrderGuardConfig config) {
        this.dynamo = dynamo;
        this.table = config.tableName();
    }

    /** Whether this process registered the shop (or found it registered) and still remembers it. */
    public boolean remembers(TenantId tenant, ShopKey shop) {
        return registered.contains(id(tenant, shop));
    }

    /** Registers the shop unless this process already did, or the registry has it. */
    public void register(TenantId tenant, ShopKey shop) {
        String id = id(tenant, shop);
        if (registered.contains(id)) {
            return;
        }
        try {
            dynamo.putItem(r -> r.tableName(table).item(item(tenant, shop))
                    .conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk",
                            TableLayout.PK)));
        } catch (ConditionalCheckFailedException alreadyThere) {
            // another process registered it first
        } catch (TransactionConflictException beingWritten) {
            // a look is saving the shop's statuses onto it, which creates it; not remembered: the next new order
            // of the shop asks again, in case that save fails
            return;
        }
        if (registered.size() >= REMEMBERED) {
            registered.clear();
        }
        registered.add(id);
    }

    /**
     * The update that copies a shop's metric statuses onto its registry item (creating it if absent), for the
     * transaction that saves them on the shop's HEALTH item: so one Query of the registry gives every shop's
     * worst status.
     */
    static TransactWriteItem statuses(String table, TenantId tenant, ShopKey shop,
            Map<String, MetricStatus.Status> statuses) {
        Map<String, AttributeValue> map = new HashMap<>();
        statuses.forEach((metric, status) -> map.put(metric, s(status.name())));
        UpdateBuilder update = new UpdateBuilder().set(TableLayout.TYPE, s("SHOP"))
                .set(OrderMapper.MARKETPLACE, s(shop.marketplace().code())).set(OrderMapper.SITE, s(shop.site()))
                .set(OrderMapper.SHOP_ID, s(shop.shopId())).set(STATUSES, AttributeValue.fromM(map));
        return TransactWriteItem.builder().update(Update.builder().tableName(table).key(key(tenant, shop))
                .updateExpression(update.expression()).expressionAttributeNames(update.names())
                .expressionAttributeValues(update.values()).build()).build();
    }

    private static String id(TenantId tenant, ShopKey shop) {
        return TableLayout.tenantPrefix(tenant) + InboxLayout.registrySk(shop);
    }

    private static Map<String, AttributeValue> item(TenantId tenant, ShopKey shop) {
        Map<String, AttributeValue> item = new HashMap<>(key(tenant, shop));
        item.put(TableLayout.TYPE, s("SHOP"));
        item.put(OrderMapper.MARKETPLACE, s(shop.marketplace().code()));
        item.put(OrderMapper.SITE, s(shop.site()));
        item.put(OrderMapper.SHOP_ID, s(shop.shopId()));
        return item;
    }

    private static Map<String, AttributeValue> key(TenantId tenant, ShopKey shop) {
        return Map.of(TableLayout.PK, s(InboxLayout.registryPk(tenant)), TableLayout.SK,
                s(InboxLayout.registrySk(shop)));
    }
}
