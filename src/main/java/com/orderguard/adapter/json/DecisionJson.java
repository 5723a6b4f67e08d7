package com.orderguard.adapter.json;

import static com.orderguard.adapter.json.OrderJson.putIfPresent;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderguard.application.RequestRecord;
import com.orderguard.domain.FieldErrors;
import com.orderguard.domain.decision.Cost;
import com.orderguard.domain.decision.Decision;
import com.orderguard.domain.decision.MetricImpact;
import com.orderguard.domain.decision.RequestDraft;
import com.orderguard.domain.decision.RuleRef;

/** The contract's Decision and Cancellation request JSON (API.md), plus the recorded request view. */
public final class DecisionJson {

    private static final Set<String> REQUEST_FIELDS = Set.of("requestId", "initiator", "reason", "via",
            "requestedAt", "note");
    /** A request recorded on a stored order: a request's fields, and the caller's hints of the order's names. */
    private static final Set<String> ORDER_REQUEST_FIELDS = Set.of("requestId", "initiator", "reason", "via",
            "requestedAt", "note", "buyerId", "shopId");

    private DecisionJson() {
    }

    /** Reads a cancellation request object at {@code at}; null when it is not an object (the error is recorded). */
    public static RequestDraft readRequest(JsonNode node, String at, FieldErrors errors) {
        JsonReader json = JsonReader.of(node, at, REQUEST_FIELDS, errors);
        return json == null ? null : draft(json);
    }

    /**
     * A cancellation request on a stored order, with the caller's optional hints of the order's buyer and shop
     * (as read, not validated; null when absent).
     */
    public record OrderRequestDraft(RequestDraft request, String buyerId, String shopId) {
    }

    /** Reads the body of a request on a stored order; null when it is not an object (the error is recorded). */
    public static OrderRequestDraft readOrderRequest(JsonNode node, FieldErrors errors) {
        JsonReader json = JsonReader.of(node, "", ORDER_REQUEST_FIELDS, errors);
        return json == null ? null : new OrderRequestDraft(draft(json), json.string("buyerId"),
                json.string("shopId"));
    }

    private static RequestDraft draft(JsonReader json) {
        return new RequestDraft(json.string("requestId"), json.string("initiator"), json.string("reason"),
                json.string("via"), json.string("requestedAt"), json.string("note"));
    }

    /** A decision as the contract shows it; {@code alternative}, {@code respondBy} and the like are null if unset. */
    public static ObjectNode write(Decision decision) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("outcome", decision.outcome().name());
        json.put("kind", decision.kind().name());
        nullable(json, "respondBy", decision.respondBy());
        nullable(json, "ifNoResponse", decision.ifNoResponse());
        json.put("countsAgainstSeller", decision.countsAgainstSeller());
        nullable(json, "alternative", decision.alternative());
        ArrayNode impacts = json.putArray("metricImpact");
        for (MetricImpact impact : decision.metricImpact()) {
            impacts.addObject().put("metric", impact.metric()).put("window", impact.window())
                    .put("before", impact.before()).put("after", impact.after()).put("threshold", impact.threshold())
                    .put("breaches", impact.breaches());
        }
        ArrayNode actions = json.putArray("actions");
        decision.actions().forEach(actions::add);
        ArrayNode rules = json.putArray("rules");
        for (RuleRef rule : decision.rules()) {
            rules.addObject().put("id", rule.id()).put("pack", rule.pack()).put("source", rule.source())
                    .put("basis", rule.basis().name());
        }
        json.put("basis", decision.basis().name());
        json.put("explanation", decision.explanation());
        ArrayNode costs = json.putArray("costs");
        for (Cost cost : decision.costs()) {
            ObjectNode item = costs.addObject().put("kind", cost.kind()).put("borneBy", cost.borneBy());
            if (cost.percentOfReferralFee() != null) {
                item.put("percentOfReferralFee", cost.percentOfReferralFee());
            }
        }
        nullable(json, "platformReason", decision.platformReason());
        if (decision.returnBy() != null) {
            json.put("returnBy", decision.returnBy().toString());
        }
        return json;
    }

    /** A recorded request: its decision's fields, plus request id, status, the request itself and its resolution. */
    public static ObjectNode write(RequestRecord record) {
        ObjectNode json = write(record.decision());
        json.put("requestId", record.requestId());
        json.put("requestType", record.type().name());
        json.put("status", record.status().name());
        json.put("pack", record.packRef());
        putIfPresent(json, "decidedAt", record.decidedAt());
        ObjectNode request = json.putObject("request");
        request.put("requestId", record.requestId());
        request.put("initiator", record.request().initiator().name());
        request.put("reason", record.request().reason().name());
        request.put("via", record.request().via().name());
        putIfPresent(request, "requestedAt", record.request().requestedAt());
        putIfPresent(request, "note", record.request().note());
        if (record.resolution() == null) {
            json.putNull("resolution");
        } else {
            ObjectNode resolution = json.putObject("resolution");
            resolution.put("by", record.resolution().by());
            resolution.put("resolution", record.resolution().resolution());
            putIfPresent(resolution, "at", record.resolution().at());
            putIfPresent(resolution, "note", record.resolution().note());
        }
        return json;
    }

    private static void nullable(ObjectNode json, String name, Object value) {
        if (value == null) {
            json.putNull(name);
        } else {
            json.put(name, value.toString());
        }
    }
}
