package com.orderguard.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * What DynamoDB Local does with bare writes from a plain SDK client (no interceptor, no application code): the rate
 * the application's end-to-end figures are compared with. Items are about the size of the application's: the first
 * of a transaction like an order (about 1 KB), the others like history and outbox items (about 200 bytes).
 */
final class DynamoBaseline {

    private static final String ORDER_SIZED = "x".repeat(1000);
    private static final String ENTRY_SIZED = "x".repeat(200);

    private final DynamoDbClient client;
    private final String table;

    DynamoBaseline(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    /** PutItem calls per second, one order-sized item each. */
    double putItems(String run, int count, int threads) {
        return Load.run(count, threads, i -> client.putItem(r -> r.tableName(table)
                .item(item(run, i, 0, ORDER_SIZED))));
    }

    /** TransactWriteItems calls per second, each putting {@code items} new items (conditional puts). */
    double transactions(String run, int count, int threads, int items) {
        return Load.run(count, threads, i -> {
            List<TransactWriteItem> puts = new ArrayList<>();
            for (int n = 0; n < items; n++) {
                puts.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                        .item(item(run, i, n, n == 0 ? ORDER_SIZED : ENTRY_SIZED))
                        // the application's writes are all conditional; so are these
                        .conditionExpression("attribute_not_exists(pk)").build()).build());
            }
            client.transactWriteItems(r -> r.transactItems(puts));
        });
    }

    private static Map<String, AttributeValue> item(String run, int i, int n, String payload) {
        Map<String, AttributeValue> item = new HashMap<>();
        // one partition per item, as the application's items of one transaction mostly are (order, event, shop)
        item.put("pk", AttributeValue.fromS("BENCH#" + run + "#" + i + "#" + n));
        item.put("sk", AttributeValue.fromS("ITEM"));
        item.put("type", AttributeValue.fromS("BENCH"));
        item.put("payload", AttributeValue.fromS(payload));
        return item;
    }
}
