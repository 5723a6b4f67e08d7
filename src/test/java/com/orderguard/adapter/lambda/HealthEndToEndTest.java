package com.orderguard.adapter.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderguard.adapter.lambda.queue.MessageHandler;
import com.orderguard.application.Sweep;
import com.orderguard.support.Events;
import com.orderguard.support.LocalDynamo;
import com.orderguard.support.Profiles;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * 200 orders of one Amazon US shop go through the real ingest path (ORDER_SNAPSHOT and CANCELLATION_REQUESTED
 * messages), seller cancellations and defects through the API, and shipments (some late, some without tracking)
 * as snapshots; the health route must then agree with an independent recount of the same events.
 */
@QuarkusTest
@TestProfile(Profiles.Api.class)
class HealthEndToEndTest {

    static final String TENANT = "tenant-health";
    static final String SHOP = "shop-e2e";
    static final ZoneId LA = ZoneId.of("America/Los_Angeles");

    @Inject
    MessageHandler ingest;

    @Inject
    Sweep sweep;

    LocalDynamo dynamo;

    /** The events the test made, to recount from. */
    record Recount(Map<LocalDate, long[]> days) {
        void add(Instant at, int counter) {
            days.computeIfAbsent(at.atZone(LA).toLocalDate(), d -> new long[6])[counter]++;
        }

        long sum(int counter, LocalDate from, LocalDate to) {
            return days.entrySet().stream().filter(e -> !e.getKey().isBefore(from) && !e.getKey().isAfter(to))
                    .mapToLong(e -> e.getValue()[counter]).sum();
        }
    }

    static final int ORDERS = 0;
    static final int CANCELLED = 1;
    static final int SHIPPED = 2;
    static final int LATE = 3;
    static final int TRACKED = 4;
    static final int DEFECTS = 5;

    static ObjectNode order(String id, String status, Instant placedAt, Instant shipBy) {
        ObjectNode order = Events.JSON.createObjectNode();
        order.put("marketplace", "amazon").put("site", "US").put("orderId", id).put("shopId", SHOP)
                .put("status", status).put("placedAt", placedAt.toString()).put("paidAt", placedAt.toString())
                .put("shipBy", shipBy.toString()).put("buyerId", "buyer-" + id);
        order.putArray("items").addObject().put("sku", "SKU-" + id).put("quantity", 1).put("unitPrice", "19.99")
                .put("currency", "USD");
        return order;
    }

    long metricsAtRisk() {
        return dynamo.scan().stream().filter(item -> "OUTBOX".equals(item.get("type").s()))
                .filter(item -> item.get("eventType").s().equals("MetricAtRisk")).count();
    }

    void snapshot(String eventId, Instant occurredAt, ObjectNode order) {
        ingest.handle(Events.parse(Events.snapshot(eventId, TENANT, occurredAt.toString(), order)));
    }

    @Test
    void theHealthRoute_agreesWithAnIndependentRecount() {
        Random random = new Random(7);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Recount recount = new Recount(new HashMap<>());
        List<String> open = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String id = "E2E-" + i;
            Instant placed = now.minus(Duration.ofMinutes(random.nextInt(60 * 24 * 25)));
            Instant shipBy = placed.plus(Duration.ofDays(2));
            snapshot("placed-" + i, placed, order(id, "AWAITING_SHIPMENT", placed, shipBy));
            recount.add(placed, ORDERS);
            int fate = i % 10;
            if (fate < 4 && shipBy.isBefore(now)) {
                boolean late = fate == 0;
                boolean tracked = fate != 3;
                Instant shipped = late ? shipBy.plus(Duration.ofHours(5)) : placed.plus(Duration.ofHours(20));
                ObjectNode order = order(id, "IN_TRANSIT", placed, shipBy).put("shippedAt", shipped.toString());
                if (tracked) {
                    order.put("trackingNumber", "1Z" + i);
                }
                snapshot("shipped-" + i, shipped, order);
                recount.add(shipped, SHIPPED);
                if (late) {
                    recount.add(shipped, LATE);
                }
                if (tracked) {
                    recount.add(shipped, TRACKED);
                }
                if (i % 40 == 1) {
                    JsonNode defect = CancellationApiTest.call("POST /v1/orders/{orderKey}/defects",
                            Map.of("orderKey", "amazon.US." + id), TENANT,
                            "{\"defectId\":\"claim-" + i + "\",\"type\":\"A_TO_Z_CLAIM\"}");
                    assertThat(defect.get("statusCode").asInt()).isEqualTo(201);
                    recount.add(placed, DEFECTS);
                }
            } else if (fate < 4) {
                open.add(id);
            } else if (fate == 4 || fate == 5) {
                // a seller cancellation: counts against the seller
                JsonNode response = CancellationApiTest.request(TENANT, "amazon.US." + id,
                        "{\"initiator\":\"SELLER\",\"reason\":\"OUT_OF_STOCK\"}");
                assertThat(CancellationApiTest.body(response).get("outcome").asText()).isEqualTo("APPROVED");
                recount.add(Instant.now(), CANCELLED);
            } else if (fate == 6) {
                // a buyer's request through the queue: decided, never counted
                ObjectNode message = (ObjectNode) Events.parse(Events.snapshot("ask-" + i, TENANT,
                        now.toString(), order(id, "AWAITING_SHIPMENT", placed, shipBy)));
                message.put("type", "CANCELLATION_REQUESTED");
                message.putObject("request").put("initiator", "BUYER").put("reason", "CHANGE_OF_MIND");
                ingest.handle(message);
            }
        }
        // a repeated defect counts once; its id with another type is refused and counts nothing
        JsonNode repeated = CancellationApiTest.call("POST /v1/orders/{orderKey}/defects",
                Map.of("orderKey", "amazon.US.E2E-1"), TENANT, "{\"defectId\":\"claim-1\",\"type\":\"A_TO_Z_CLAIM\"}");
        assertThat(repeated.get("statusCode").asInt()).isEqualTo(200);
        assertThat(CancellationApiTest.body(repeated).get("counted").asBoolean()).isFalse();
        JsonNode reused = CancellationApiTest.call("POST /v1/orders/{orderKey}/defects",
                Map.of("orderKey", "amazon.US.E2E-1"), TENANT, "{\"defectId\":\"claim-1\",\"type\":\"CHARGEBACK\"}");
        assertThat(reused.get("statusCode").asInt()).as(reused.toString()).isEqualTo(409);
        assertThat(CancellationApiTest.body(reused).get("detail").asText()).contains("claim-1", "another type");

        JsonNode health = CancellationApiTest.body(CancellationApiTest.call(
                "GET /v1/shops/{marketplace}/{site}/{shopId}/health",
                Map.of("marketplace", "amazon", "site", "US", "shopId", SHOP), TENANT, null));

        LocalDate today = Instant.now().atZone(LA).toLocalDate();
        assertThat(health.get("pack").asText()).isEqualTo("amazon-US@2020-09-30");
        assertThat(health.get("basis").asText()).isEqualTo("SITE");
        Map<String, long[]> expected = Map.of(
                "amazon.cancelRate P7D", new long[] {CANCELLED, ORDERS, 7},
                "amazon.lateShipmentRate P10D", new long[] {LATE, SHIPPED, 10},
                "amazon.lateShipmentRate P30D", new long[] {LATE, SHIPPED, 30},
                "amazon.orderDefectRate P60D", new long[] {DEFECTS, ORDERS, 60},
                "amazon.validTrackingRate P30D", new long[] {TRACKED, SHIPPED, 30});
        assertThat(health.get("metrics")).hasSize(expected.size());
        for (JsonNode metric : health.get("metrics")) {
            long[] spec = expected.get(metric.get("metric").asText() + " " + metric.get("window").asText());
            LocalDate from = today.minusDays(spec[2] - 1);
            long numerator = recount.sum((int) spec[0], from, today);
            long denominator = recount.sum((int) spec[1], from, today);
            assertThat(metric.get("numerator").asLong()).as(metric.toString()).isEqualTo(numerator);
            assertThat(metric.get("denominator").asLong()).as(metric.toString()).isEqualTo(denominator);
            assertThat(metric.get("value").asDouble())
                    .isEqualTo(denominator == 0 ? 0 : (double) numerator / denominator);
        }
        JsonNode cancelRate = health.get("metrics").get(0);
        assertThat(cancelRate.get("status").asText()).isEqualTo("BREACHED");

        JsonNode whatIf = CancellationApiTest.body(CancellationApiTest.request(TENANT, "amazon.US." + open.get(0),
                "{\"initiator\":\"SELLER\",\"reason\":\"OUT_OF_STOCK\"}"));
        JsonNode impact = whatIf.get("metricImpact").get(0);
        assertThat(impact.get("metric").asText()).isEqualTo("amazon.cancelRate");
        double before = cancelRate.get("value").asDouble();
        assertThat(impact.get("before").asDouble()).isEqualTo(before);
        assertThat(impact.get("after").asDouble()).isEqualTo((cancelRate.get("numerator").asDouble() + 1)
                / cancelRate.get("denominator").asDouble());
        assertThat(impact.get("breaches").asBoolean()).isTrue();

        // the API and the queue leave the shop's look mark; the next sweep run looks and announces
        assertThat(metricsAtRisk()).as("not announced by the calls themselves").isZero();
        assertThat(sweep.run("look", Instant.now(), Duration.ofSeconds(30), 0).shopsLooked()).isPositive();
        assertThat(metricsAtRisk()).as("announced by the sweep").isPositive();
    }

    @Test
    void aBuyerWhoCancelsOften_isFlaggedOnTheOrderView() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String last = null;
        for (int i = 0; i < 3; i++) {
            String id = "FLAG-" + i;
            ObjectNode order = order(id, "AWAITING_SHIPMENT", now.minus(Duration.ofMinutes(5)),
                    now.plus(Duration.ofDays(2))).put("buyerId", "serial-canceller");
            snapshot("flag-" + i, now.minus(Duration.ofMinutes(4)), order);
            CancellationApiTest.request(TENANT, "amazon.US." + id,
                    "{\"initiator\":\"BUYER\",\"reason\":\"CHANGE_OF_MIND\"}");
            last = "amazon.US." + id;
        }
        JsonNode view = CancellationApiTest.body(CancellationApiTest.call("GET /v1/orders/{orderKey}",
                Map.of("orderKey", last), TENANT, null));
        assertThat(view.at("/buyer/cancellationRequestsLast30Days").asInt()).isEqualTo(3);
        assertThat(view.at("/buyer/frequentCanceller").asBoolean()).isTrue();
    }
}
