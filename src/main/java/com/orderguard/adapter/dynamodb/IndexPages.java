package com.orderguard.adapter.dynamodb;

import static com.orderguard.adapter.dynamodb.Attrs.s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.orderguard.application.ShopFilter;
import com.orderguard.domain.OrderStatus;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** Reading an index partition in pages, and the filter expressions of the list filters. */
final class IndexPages {

    private IndexPages() {
    }

    /**
     * Runs the query page after page until it has {@code want} items or the partition has no more. Without a
     * filter that is one call (the query's Limit is {@code want}); a filter may make a call return fewer.
     */
    static List<Map<String, AttributeValue>> upTo(DynamoDbClient dynamo, QueryRequest query, int want) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = dynamo.query(start == null ? query : query.toBuilder().exclusiveStartKey(start)
                    .build());
            items.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && items.size() < want);
        return items;
    }

    /**
     * The filter expression for the shop filter and a status (either may be empty), adding its names and values;
     * null when it filters nothing.
     */
    static String filter(ShopFilter shops, OrderStatus status, Map<String, String> names,
            Map<String, AttributeValue> values) {
        List<String> terms = new ArrayList<>();
        if (shops.marketplace() != null) {
            terms.add(term("#fm", OrderMapper.MARKETPLACE, ":fm", shops.marketplace().code(), names, values));
        }
        if (shops.site() != null) {
            terms.add(term("#fs", OrderMapper.SITE, ":fs", shops.site(), names, values));
        }
        if (shops.shopId() != null) {
            terms.add(term("#fi", OrderMapper.SHOP_ID, ":fi", shops.shopId(), names, values));
        }
        if (status != null) {
            terms.add(term("#ft", OrderMapper.STATUS, ":ft", status.name(), names, values));
        }
        return terms.isEmpty() ? null : String.join(" AND ", terms);
    }

    private static String term(String name, String attribute, String value, String text, Map<String, String> names,
            Map<String, AttributeValue> values) {
        names.put(name, attribute);
        values.put(value, s(text));
        return name + " = " + value;
    }
}
