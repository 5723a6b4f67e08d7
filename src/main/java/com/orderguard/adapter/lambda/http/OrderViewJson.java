package com.orderguard.adapter.lambda.http;

import static com.orderguard.adapter.json.OrderJson.putIfPresent;

import java.util.Set;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderguard.adapter.json.DecisionJson;
import com.orderguard.adapter.json.OrderJson;
import com.orderguard.application.OrderQueries;
import com.orderguard.application.OrderRecord;
import com.orderguard.application.StoredOrder;
import com.orderguard.domain.HistoryEntry;
import com.orderguard.domain.decision.RequestType;
import com.orderguard.domain.deadline.OrderTimers;

/** The order view: the order, its computed deadlines, its cancellation requests and its history. */
final class OrderViewJson {

    /** The history kinds of the after-sales timeline: requests, decisions, resolutions and the platform's actions. */
    static final Set<String> AFTER_SALES = Set.of("CANCELLATION_DECIDED",
            "CANCELLATION_RESOLVED", "ADDRESS_CHANGE_DECIDED", "ADDRESS_CHANGE_RESOLVED", "ORDER_AUTO_CANCELLED",
            "REQUEST_EXPIRED", "REQUEST_SUPERSEDED");

    private OrderViewJson() {
    }

    static ObjectNode write(OrderQueries.OrderView view) {
        ObjectNode json = write(view.record());
        if (view.buyer() != null) {
            json.putObject("buyer").put("buyerId", view.buyer().buyerId())
                    .put("cancellationRequestsLast30Days", view.buyer().requestsLast30Days())
                    .put("frequentCanceller", view.buyer().frequentCanceller());
        }
        return json;
    }

    static ObjectNode write(OrderRecord record) {
        StoredOrder stored = record.stored();
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("orderKey", stored.order().key().toString());
        json.put("version", stored.version());
        putIfPresent(json, "updatedAt", stored.updatedAt());
        putIfPresent(json, "snapshotAt", stored.stamp().occurredAt());
        json.set("order", OrderJson.write(stored.order()));
        deadlines(json.putObject("deadlines"), stored);
        ArrayNode requests = json.putArray("cancellationRequests");
        ArrayNode addressChanges = json.putArray("addressChangeRequests");
        record.requests().forEach(request -> (request.type() == RequestType.ADDRESS_CHANGE ? addressChanges
                : requests).add(DecisionJson.write(request)));
        putIfPresent(json, "cancelledBy", stored.cancelledBy());
        ArrayNode timeline = json.putArray("timeline");
        record.history().stream().filter(entry -> AFTER_SALES.contains(entry.kind()))
                .forEach(entry -> line(timeline, entry, "requestId"));
        ArrayNode history = json.putArray("history");
        record.history().forEach(entry -> line(history, entry, "reference"));
        return json;
    }

    private static void deadlines(ObjectNode deadlines, StoredOrder stored) {
        OrderTimers timers = stored.timers();
        putIfPresent(deadlines, "shipBy", timers.deadlines().shipBy());
        if (timers.deadlines().shipBy() != null) {
            deadlines.put("shipBySource", timers.deadlines().shipByComputed() ? "POLICY" : "ORDER");
        }
        putIfPresent(deadlines, "autoCancelAt", timers.deadlines().autoCancelAt());
        putIfPresent(deadlines, "overdueSince", timers.overdueSince());
        ArrayNode warned = deadlines.putArray("warningsSent");
        timers.warned().stream().sorted().forEach(lead -> warned.add(lead.toString()));
        if (timers.hold() != null) {
            ObjectNode hold = deadlines.putObject("autoCancelHold");
            hold.put("until", timers.hold().until().toString());
            hold.put("by", timers.hold().by());
            putIfPresent(hold, "note", timers.hold().note());
            hold.put("setAt", timers.hold().setAt().toString());
        }
        putIfPresent(deadlines, "nextDueAt", stored.nextDueAt());
        if (stored.pending() != null) {
            ObjectNode pending = deadlines.putObject("pendingRequest");
            pending.put("requestId", stored.pending().requestId());
            pending.put("respondBy", stored.pending().respondBy().toString());
            pending.put("ifNoResponse", stored.pending().ifNoResponse().name());
        }
    }

    /** One history entry as a line of {@code lines}; {@code referenceName} names its reference. */
    private static void line(ArrayNode lines, HistoryEntry entry, String referenceName) {
        ObjectNode line = lines.addObject();
        putIfPresent(line, "at", entry.at());
        line.put("kind", entry.kind());
        line.put("summary", entry.summary());
        putIfPresent(line, referenceName, entry.reference());
    }
}
