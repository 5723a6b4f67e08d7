package com.orderguard.support;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderguard.adapter.marketplace.Payloads;

/** One queue message body of every type the ingest function takes, each about a new order. */
public final class Messages {

    private static final String AT = "2024-11-20T14:06:00Z";

    private Messages() {
    }

    /**
     * The bodies by type, for {@code tenant}; {@code id} (letters and digits) makes the event and order ids, so
     * that each call's messages are about orders not stored yet.
     */
    public static Map<String, String> everyType(String tenant, String id) {
        ObjectNode plain = Payloads.object("shopee", "ready-to-ship").put("order_sn", "P" + id);
        ObjectNode requested = Payloads.object("shopee", "in-cancel-after-arranged");
        ((ObjectNode) requested.get("response").get("order_list").get(0)).put("order_sn", "R" + id);
        ObjectNode settled = Payloads.object("ozon", "cancelled-by-seller");
        ((ObjectNode) settled.get("result")).put("posting_number", "S" + id);
        Map<String, String> messages = new LinkedHashMap<>();
        messages.put("ORDER_SNAPSHOT", Events.snapshot("snap-" + id, tenant, AT, Orders.shopee("O" + id,
                "SHIPMENT_ARRANGED")));
        messages.put("CANCELLATION_REQUESTED", withRequest(tenant, "cancel-" + id, "C" + id,
                "CANCELLATION_REQUESTED"));
        messages.put("ADDRESS_CHANGE_REQUESTED", withRequest(tenant, "address-" + id, "A" + id,
                "ADDRESS_CHANGE_REQUESTED"));
        messages.put("MARKETPLACE_PAYLOAD without a request", Events.marketplace("plain-" + id, tenant, AT,
                "shopee", "shop-9", plain));
        messages.put("MARKETPLACE_PAYLOAD with a request", Events.marketplace("requested-" + id, tenant, AT,
                "shopee", "shop-9", requested));
        messages.put("MARKETPLACE_PAYLOAD with a request the platform carried out", Events.marketplace(
                "settled-" + id, tenant, "2024-11-20T12:00:00Z", "ozon", null, settled));
        return messages;
    }

    private static String withRequest(String tenant, String eventId, String orderId, String type) {
        ObjectNode message = (ObjectNode) Events.parse(Events.snapshot(eventId, tenant, AT,
                Orders.shopee(orderId, "SHIPMENT_ARRANGED")));
        message.put("type", type);
        message.putObject("request").put("initiator", "BUYER").put("reason", "CHANGE_OF_MIND");
        return message.toString();
    }
}
