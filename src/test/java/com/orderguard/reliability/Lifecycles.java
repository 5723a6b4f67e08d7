package com.orderguard.reliability;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderguard.support.Events;

/**
 * Random but reproducible order lifecycles as the marketplaces report them: a run of full snapshots through the
 * statuses, each carrying every time reached so far, sometimes two at the same instant, sometimes ending in a
 * cancellation; optionally a buyer's or seller's cancellation request on the last pre-shipment state.
 */
final class Lifecycles {

    /** Marketplace sites with a pack and a calendar: {marketplace, site, currency}. */
    static final String[][] SITES = {{"shopee", "MY", "MYR"}, {"amazon", "US", "USD"}, {"tiktok", "TH", "THB"},
        {"lazada", "MY", "MYR"}, {"ozon", "RU", "RUB"}};
    static final String[] FORWARD = {"UNPAID", "AWAITING_SHIPMENT", "SHIPMENT_ARRANGED", "IN_TRANSIT", "DELIVERED",
        "RETURNED"};

    /** One event of a stream: a snapshot, or a snapshot with a cancellation request (the tenant is added later). */
    record Event(String eventId, Instant occurredAt, ObjectNode order, ObjectNode request) {

        /** The queue message body for {@code tenant}. */
        String message(String tenant) {
            ObjectNode message = Events.JSON.createObjectNode();
            message.put("eventId", eventId);
            message.put("tenantId", tenant);
            message.put("type", request == null ? "ORDER_SNAPSHOT" : "CANCELLATION_REQUESTED");
            message.put("occurredAt", occurredAt.toString());
            message.set("order", order);
            if (request != null) {
                message.set("request", request);
            }
            return message.toString();
        }

        String orderKey() {
            return order.get("marketplace").asText() + "." + order.get("site").asText() + "."
                    + order.get("orderId").asText();
        }
    }

    private Lifecycles() {
    }

    /**
     * The events of one order placed at {@code placed}: 1-6 snapshots, and with {@code request} a cancellation
     * request after them (then the order never ships in the stream, so the decision cannot depend on delivery order).
     */
    static List<Event> order(Random random, String orderId, Instant placed, boolean request) {
        String[] site = SITES[random.nextInt(SITES.length)];
        int stages = request ? 1 + random.nextInt(3) : 1 + random.nextInt(FORWARD.length);
        boolean cancels = !request && stages <= 3 && random.nextInt(3) == 0;
        boolean givenShipBy = random.nextBoolean();
        boolean tracked = random.nextInt(4) > 0;
        // the tracking number may come with the arrangement, the shipment or only the delivery snapshot
        int trackedFrom = 2 + random.nextInt(3);
        Instant shipBy = placed.plus(Duration.ofHours(24 + random.nextInt(48)));
        List<Event> events = new ArrayList<>();
        Instant at = placed;
        Instant[] reached = new Instant[FORWARD.length];
        for (int stage = 0; stage < stages + (cancels ? 1 : 0); stage++) {
            if (stage > 0 && random.nextInt(5) > 0) {
                // one in five follows at the same instant: the further status must win the tie
                at = at.plus(Duration.ofMinutes(30 + random.nextInt(24 * 60)));
            }
            String status = stage < stages ? FORWARD[stage] : "CANCELLED";
            if (stage < stages) {
                reached[stage] = at;
            }
            ObjectNode order = snapshot(site, orderId, status, placed, reached, givenShipBy ? shipBy : null,
                    tracked && reached[trackedFrom] != null ? "TRK" + orderId : null);
            events.add(new Event(orderId + "-e" + stage, at, order, null));
        }
        if (request) {
            at = at.plus(Duration.ofMinutes(5 + random.nextInt(600)));
            ObjectNode last = events.get(events.size() - 1).order().deepCopy();
            ObjectNode cancellation = Events.JSON.createObjectNode();
            cancellation.put("requestId", "rq-" + orderId);
            boolean buyer = random.nextBoolean();
            cancellation.put("initiator", buyer ? "BUYER" : "SELLER");
            cancellation.put("reason", buyer ? "CHANGE_OF_MIND" : "OUT_OF_STOCK");
            cancellation.put("requestedAt", at.toString());
            events.add(new Event(orderId + "-rq", at, last, cancellation));
        }
        return events;
    }

    /** A full snapshot with every time reached up to {@code status} ({@code shipBy}, {@code tracking}: optional). */
    static ObjectNode snapshot(String[] site, String orderId, String status, Instant placed, Instant[] reached,
            Instant shipBy, String tracking) {
        ObjectNode order = Events.JSON.createObjectNode();
        order.put("marketplace", site[0]);
        order.put("site", site[1]);
        order.put("orderId", orderId);
        order.put("shopId", "shop-" + site[0]);
        order.put("status", status);
        order.put("placedAt", placed.toString());
        put(order, "paidAt", reached[1]);
        put(order, "shipmentArrangedAt", reached[2]);
        put(order, "shippedAt", reached[3]);
        put(order, "deliveredAt", reached[4]);
        if (shipBy != null) {
            order.put("shipBy", shipBy.toString());
        }
        if (tracking != null) {
            order.put("trackingNumber", tracking);
        }
        // every order has its own buyer: a buyer's earlier requests must not make decisions depend on order
        order.put("buyerId", "buyer-" + orderId);
        ObjectNode item = order.putArray("items").addObject();
        item.put("sku", "SKU-" + orderId.length());
        item.put("quantity", 1 + orderId.length() % 3);
        item.put("unitPrice", "19.90");
        item.put("currency", site[2]);
        item.putArray("attributes");
        return order;
    }

    private static void put(ObjectNode order, String field, Instant value) {
        if (value != null) {
            order.put(field, value.toString());
        }
    }
}
