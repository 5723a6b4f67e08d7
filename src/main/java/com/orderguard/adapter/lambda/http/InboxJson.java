package com.orderguard.adapter.lambda.http;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderguard.application.Inbox;
import com.orderguard.application.StoredOrder;
import com.orderguard.application.port.InboxStore.OrderPage;
import com.orderguard.domain.Order;
import com.orderguard.domain.OrderStatus;
import com.orderguard.domain.attention.AttentionItem;
import com.orderguard.domain.health.MetricStatus;
import com.orderguard.domain.health.ShopKey;

/** The JSON of the attention inbox, the shop list and the order list (infra/openapi.yaml). */
final class InboxJson {

    private InboxJson() {
    }

    static ObjectNode attention(Inbox.Attention page, String next) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("asOf", page.asOf().toString());
        ArrayNode items = json.putArray("items");
        for (AttentionItem item : page.items()) {
            ObjectNode node = items.addObject().put("kind", item.kind().name()).put("dueAt", item.dueAt().toString())
                    .put("orderKey", item.orderKey().toString());
            shop(node.putObject("shop"), item.shop());
            if (item.requestId() != null) {
                node.put("requestId", item.requestId()).put("ifNoResponse", item.ifNoResponse().name());
            }
            if (item.autoCancelAt() != null) {
                node.put("autoCancelAt", item.autoCancelAt().toString());
            }
        }
        json.put("next", next);
        ArrayNode metrics = json.putArray("metricsAtRisk");
        for (Inbox.MetricAtRisk risk : page.metricsAtRisk()) {
            MetricStatus metric = risk.metric();
            ObjectNode node = metrics.addObject();
            shop(node.putObject("shop"), risk.shop());
            node.put("metric", metric.definition().id()).put("window", metric.definition().window())
                    .put("value", metric.value()).put("threshold", metric.definition().threshold())
                    .put("status", metric.status().name());
        }
        return json;
    }

    static ObjectNode shops(List<Inbox.ShopOverview> shops) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        ArrayNode list = json.putArray("shops");
        for (Inbox.ShopOverview shop : shops) {
            ObjectNode node = list.addObject();
            shop(node.putObject("shop"), shop.shop());
            ObjectNode open = node.putObject("openOrders");
            for (Map.Entry<OrderStatus, Long> count : shop.openOrders().entrySet()) {
                open.put(count.getKey().name(), count.getValue());
            }
            node.put("attention", shop.attention()).put("worstMetricStatus", shop.worstMetricStatus().name());
        }
        return json;
    }

    static ObjectNode orders(OrderPage page, String next) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        ArrayNode items = json.putArray("items");
        for (StoredOrder stored : page.orders()) {
            Order order = stored.order();
            ObjectNode node = items.addObject().put("orderKey", order.key().toString());
            shop(node.putObject("shop"), ShopKey.of(order));
            node.put("status", order.status().name());
            putInstant(node, "placedAt", order.placedAt());
            node.put("updatedAt", stored.updatedAt().toString());
            putInstant(node, "shipBy", stored.timers().deadlines().shipBy());
            putInstant(node, "autoCancelAt", stored.timers().deadlines().autoCancelAt());
            if (stored.timers().pending() != null) {
                node.put("pendingRequestId", stored.timers().pending().requestId());
            }
        }
        json.put("next", next);
        return json;
    }

    private static void shop(ObjectNode node, ShopKey shop) {
        node.put("marketplace", shop.marketplace().code()).put("site", shop.site()).put("shopId", shop.shopId());
    }

    private static void putInstant(ObjectNode node, String field, Instant value) {
        if (value != null) {
            node.put(field, value.toString());
        }
    }
}
