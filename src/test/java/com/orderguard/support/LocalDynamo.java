package com.orderguard.support;

import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The test's own view of the table the application under test uses. */
public record LocalDynamo(DynamoDbClient client, String table, String endpoint) {

    /** Every item in the table (tests keep tables small). */
    public List<Map<String, AttributeValue>> scan() {
        return client.scanPaginator(r -> r.tableName(table).consistentRead(true)).items().stream().toList();
    }

    /** How many items the table holds. */
    public int count() {
        return scan().size();
    }
}
