package com.orderguard.reliability;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.orderguard.support.LocalDynamo;
import com.orderguard.support.TableChanges;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Every item of a tenant, without reading the rest of the table: the keys come from the table's stream since a
 * mark (each of the suite's tenants is named anew in each run, so all its items were written after a mark taken
 * before its first delivery), the items from reading those keys, consistently. What a scan of the tenant's
 * partitions would return, at the cost of what was written since the mark rather than of everything other tests
 * left in the table (in the large run, about a million items).
 */
final class TenantItems {

    private final LocalDynamo dynamo;
    private final TableChanges changes;
    /** Every key ({@code pk}, {@code sk}) changed since the mark, in the order first seen. */
    private final Set<List<String>> keys = new LinkedHashSet<>();

    private TenantItems(LocalDynamo dynamo) {
        this.dynamo = dynamo;
        this.changes = TableChanges.mark(dynamo);
    }

    /** Marks the table now: only tenants whose first item is written after this can be read. */
    static TenantItems since(LocalDynamo dynamo) {
        return new TenantItems(dynamo);
    }

    /** The items of {@code tenant} as they are now (an item removed since is not among them). */
    List<Map<String, AttributeValue>> of(String tenant) {
        changes.since().forEach(change -> keys.add(List.of(change.pk(), change.sk())));
        String prefix = "T#" + tenant + "#";
        List<Map<String, AttributeValue>> wanted = new ArrayList<>();
        for (List<String> key : keys) {
            if (key.get(0).startsWith(prefix)) {
                wanted.add(Map.of("pk", AttributeValue.fromS(key.get(0)), "sk", AttributeValue.fromS(key.get(1))));
            }
        }
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int from = 0; from < wanted.size(); from += 100) {
            read(wanted.subList(from, Math.min(from + 100, wanted.size())), items);
        }
        return items;
    }

    /** Reads up to 100 keys with BatchGetItem, again for the keys it leaves unprocessed. */
    private void read(List<Map<String, AttributeValue>> batch, List<Map<String, AttributeValue>> into) {
        Map<String, KeysAndAttributes> request = Map.of(dynamo.table(), KeysAndAttributes.builder().keys(batch)
                .consistentRead(true).build());
        while (!request.isEmpty()) {
            Map<String, KeysAndAttributes> asked = request;
            var page = dynamo.client().batchGetItem(builder -> builder.requestItems(asked));
            into.addAll(page.responses().getOrDefault(dynamo.table(), List.of()));
            request = page.hasUnprocessedKeys() ? page.unprocessedKeys() : Map.of();
        }
    }
}
