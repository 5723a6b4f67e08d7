package com.orderguard.adapter.json;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderguard.application.OutboxEvent;

/** The {@code detail} of each outbound event, as consumers of the event bus receive it. */
public final class EventJson {

    private EventJson() {
    }

    public static ObjectNode detail(OutboxEvent event) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("eventId", event.eventId());
        json.put("type", event.type());
        json.put("tenantId", event.tenant().value());
        if (event.orderKey() != null) {
            json.put("orderKey", event.orderKey().toString());
        }
        json.put("occurredAt", event.occurredAt().toString());
        if (event instanceof OutboxEvent.CancellationDecided decided) {
            json.set("request", DecisionJson.write(decided.request()));
        } else if (event instanceof OutboxEvent.AddressChangeDecided decided) {
            json.set("request", DecisionJson.write(decided.request()));
        } else if (event instanceof OutboxEvent.AddressChangeResolved resolved) {
            json.put("requestId", resolved.requestId());
            json.put("status", resolved.status().name());
            json.put("resolution", resolved.resolution().resolution());
        } else if (event instanceof OutboxEvent.OrderAutoCancelled cancelled) {
            json.set("request", DecisionJson.write(cancelled.request()));
        } else if (event instanceof OutboxEvent.CancellationResolved resolved) {
            json.put("requestId", resolved.requestId());
            json.put("status", resolved.status().name());
            json.put("resolvedBy", resolved.resolution().by());
            json.put("resolution", resolved.resolution().resolution());
        } else if (event instanceof OutboxEvent.RequestAutoApproved approved) {
            json.put("requestId", approved.requestId());
        } else if (event instanceof OutboxEvent.MetricAtRisk risk) {
            json.put("shop", risk.shop().toString());
            json.put("metric", risk.metric());
            json.put("window", risk.window());
            json.put("value", risk.value());
            json.put("threshold", risk.threshold());
            json.put("status", risk.status());
        } else if (event instanceof OutboxEvent.ShipByApproaching approaching) {
            json.put("shipBy", approaching.shipBy().toString());
            json.put("lead", approaching.lead().toString());
        }
        return json;
    }
}
