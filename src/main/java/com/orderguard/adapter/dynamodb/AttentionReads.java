package com.orderguard.adapter.dynamodb;

import static com.orderguard.adapter.dynamodb.Attrs.s;
import static com.orderguard.adapter.dynamodb.Attrs.string;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.orderguard.application.port.InboxStore.AttentionQuery;
import com.orderguard.domain.TenantId;
import com.orderguard.domain.attention.AttentionItem;
import com.orderguard.domain.attention.AttentionKind;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * One page of the attention inbox: a Query per stored kind asked for and write shard, each reading its partition
 * of the attention index in due order from the page's position, merged by (due time, order, kind). The position
 * is the last item's index sort key and kind, so the next page starts right after it in every partition.
 */
final class AttentionReads {

    /** A range of the attention index's sort key; either end may be open (null). */
    record Range(String lower, String upper) {
    }

    private final DynamoDbClient dynamo;
    private final String table;
    private final int shards;

    AttentionReads(DynamoDbClient dynamo, String table, int shards) {
        this.dynamo = dynamo;
        this.table = table;
        this.shards = shards;
    }

    /** The page's reads, one per stored kind asked for and shard. */
    List<Callable<List<Map<String, AttributeValue>>>> reads(TenantId tenant, AttentionQuery query) {
        String from = query.after() == null ? null : query.after().get(0);
        // one item per partition may equal the position and be dropped, and one more tells that a next page exists
        int want = query.limit() + 2;
        List<Callable<List<Map<String, AttributeValue>>>> reads = new ArrayList<>();
        for (AttentionKind stored : AttentionItem.STORED) {
            Range range = range(stored, query, from);
            for (int shard = 0; range != null && shard < shards; shard++) {
                QueryRequest request = request(tenant, stored, shard, range, query, want);
                reads.add(() -> IndexPages.upTo(dynamo, request, want));
            }
        }
        return reads;
    }

    /**
     * The sort-key range a stored kind is read in: from the position; a pending request whatever its due time,
     * the others up to {@code now + within}; a ship-by only before {@code now} when only OVERDUE is asked, and
     * only from {@code now} when only SHIP_BY is. Null when the kind is not asked for or the range is empty.
     */
    static Range range(AttentionKind stored, AttentionQuery query, String from) {
        if (query.kinds().stream().noneMatch(kind -> kind.stored() == stored)) {
            return null;
        }
        String lower = from;
        String upper = stored == AttentionKind.REQUEST_PENDING ? null
                : TableLayout.sortable(query.now().plus(query.within())) + "$";
        if (stored == AttentionKind.SHIP_BY && !query.kinds().contains(AttentionKind.SHIP_BY)) {
            upper = TableLayout.sortable(query.now());
        }
        if (stored == AttentionKind.SHIP_BY && !query.kinds().contains(AttentionKind.OVERDUE)) {
            String now = TableLayout.sortable(query.now());
            lower = lower == null || lower.compareTo(now) < 0 ? now : lower;
        }
        return lower != null && upper != null && lower.compareTo(upper) > 0 ? null : new Range(lower, upper);
    }

    private QueryRequest request(TenantId tenant, AttentionKind stored, int shard, Range range, AttentionQuery query,
            int want) {
        Map<String, String> names = new HashMap<>(Map.of("#pk", InboxLayout.ATTENTION_PK));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk",
                s(InboxLayout.attentionPartition(tenant, stored, shard))));
        String condition = "#pk = :pk";
        if (range.lower() != null || range.upper() != null) {
            names.put("#sk", InboxLayout.ATTENTION_SK);
        }
        if (range.lower() != null) {
            values.put(":lo", s(range.lower()));
        }
        if (range.upper() != null) {
            values.put(":hi", s(range.upper()));
        }
        if (range.lower() != null && range.upper() != null) {
            condition += " AND #sk BETWEEN :lo AND :hi";
        } else if (range.lower() != null) {
            condition += " AND #sk >= :lo";
        } else if (range.upper() != null) {
            condition += " AND #sk <= :hi";
        }
        String filter = IndexPages.filter(query.shops(), null, names, values);
        QueryRequest.Builder request = QueryRequest.builder().tableName(table)
                .indexName(InboxLayout.ATTENTION_INDEX).keyConditionExpression(condition).limit(want)
                .expressionAttributeNames(names).expressionAttributeValues(values);
        return (filter == null ? request : request.filterExpression(filter)).build();
    }

    /** The merged page: items after the position in inbox order, the first {@code limit}, and the next position. */
    static Page merge(List<List<Map<String, AttributeValue>>> results, AttentionQuery query) {
        String from = query.after() == null ? null : query.after().get(0);
        int fromRank = query.after() == null ? -1 : Integer.parseInt(query.after().get(1));
        Comparator<Map<String, AttributeValue>> order = Comparator
                .<Map<String, AttributeValue>, String>comparing(item -> string(item, InboxLayout.ATTENTION_SK))
                .thenComparingInt(AttentionReads::rank);
        List<Map<String, AttributeValue>> after = new ArrayList<>();
        results.forEach(result -> result.stream().filter(item -> from == null
                || string(item, InboxLayout.ATTENTION_SK).compareTo(from) > 0
                || string(item, InboxLayout.ATTENTION_SK).equals(from) && rank(item) > fromRank)
                .forEach(after::add));
        after.sort(order);
        List<Map<String, AttributeValue>> page = after.subList(0, Math.min(query.limit(), after.size()));
        Map<String, AttributeValue> last = page.isEmpty() ? null : page.get(page.size() - 1);
        List<String> next = after.size() > query.limit()
                ? List.of(string(last, InboxLayout.ATTENTION_SK), Integer.toString(rank(last))) : null;
        return new Page(page.stream().map(AttentionWrites::fromItem).toList(), next);
    }

    private static int rank(Map<String, AttributeValue> item) {
        return AttentionItem.STORED.indexOf(AttentionKind.valueOf(string(item, AttentionWrites.KIND)));
    }

    /** A merged page of stored items and the position after its last. */
    record Page(List<AttentionItem> items, List<String> next) {
    }
}
