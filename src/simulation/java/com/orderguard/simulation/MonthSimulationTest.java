package com.orderguard.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderguard.simulation.Scenario.Fate;
import com.orderguard.simulation.Scenario.Shop;
import com.orderguard.simulation.Scenario.SimOrder;
import com.orderguard.support.Events;
import com.orderguard.support.LocalDynamo;
import com.orderguard.support.Profiles;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The "run the main job locally" command: a seeded month of orders for N shops across Shopee MY, Amazon US and
 * Ozon, driven through the api, ingest and sweep functions over the local Lambda Invoke API on simulated time,
 * against an embedded DynamoDB Local. Prints progress per day and a summary, and writes an HTML report with charts
 * to target/simulation/report.html. Run it with {@code ./mvnw -Psimulate test} (options: -Dsimulate.shops=6,
 * -Dsimulate.days=30, -Dsimulate.orders=12 per shop and day, -Dsimulate.seed=42).
 */
@QuarkusTest
@TestProfile(Profiles.Simulation.class)
@Tag("simulation")
class MonthSimulationTest {

    static final int SHOPS = Integer.getInteger("simulate.shops", 6);
    static final int DAYS = Integer.getInteger("simulate.days", 30);
    static final int PER_DAY = Integer.getInteger("simulate.orders", 12);
    static final long SEED = Long.getLong("simulate.seed", 42);
    static final LocalDate FIRST = LocalDate.parse("2026-10-01");

    @Inject
    SimulatedClock clock;

    LocalDynamo dynamo;

    /** Something that happens at a simulated moment. */
    record Step(Instant at, long order, Runnable action) {
    }

    private final PriorityQueue<Step> steps = new PriorityQueue<>((a, b) -> a.at().equals(b.at())
            ? Long.compare(a.order(), b.order()) : a.at().compareTo(b.at()));
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, Long> counters = new TreeMap<>();
    private InvokeClient client;
    private Random random;

    void at(Instant when, Runnable action) {
        steps.add(new Step(when, sequence.incrementAndGet(), action));
    }

    void count(String name) {
        counters.merge(name, 1L, Long::sum);
    }

    @Test
    void aMonthOfOrders() throws Exception {
        client = new InvokeClient(Profiles.Simulation.INVOKE_PORT, "simulated-seller");
        random = new Random(SEED);
        List<Shop> shops = Scenario.shops(SHOPS);
        List<SimOrder> orders = Scenario.month(shops, FIRST, DAYS, PER_DAY, SEED);
        orders.forEach(order -> at(order.paidAt(), () -> paid(order)));
        Instant start = FIRST.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        Instant end = start.plus(Duration.ofDays(DAYS + 10));
        SimulationReport report = new SimulationReport(shops, FIRST);
        OutboundQueue outbound = new OutboundQueue(dynamo, Integer.getInteger("simulate.sqs.port", 9324));
        long began = System.nanoTime();
        System.out.printf("%nsimulating %d orders of %d shops over %d days (seed %d)%n", orders.size(), shops.size(),
                DAYS, SEED);
        for (Instant hour = start; hour.isBefore(end); hour = hour.plus(Duration.ofHours(1))) {
            Instant next = hour.plus(Duration.ofHours(1));
            while (!steps.isEmpty() && steps.peek().at().isBefore(next)) {
                Step step = steps.poll();
                clock.set(step.at());
                step.action().run();
            }
            clock.set(next);
            JsonNode sweep = client.sweep(next);
            counters.merge("sweep: acted on", sweep.findValues("acted").stream().mapToLong(JsonNode::asLong).sum(),
                    Long::sum);
            if (next.atZone(java.time.ZoneOffset.UTC).getHour() == 0) {
                LocalDate day = next.atZone(java.time.ZoneOffset.UTC).toLocalDate().minusDays(1);
                for (Shop shop : shops) {
                    report.day(shop, day, client.api("GET /v1/shops/{marketplace}/{site}/{shopId}/health",
                            Map.of("marketplace", shop.marketplace(), "site", shop.site(), "shopId", shop.id()), null)
                            .body());
                }
                counters.merge("outbound events forwarded to SQS", outbound.forward(), Long::sum);
                System.out.printf("day %2d: %6d invocations, %s%n", java.time.temporal.ChronoUnit.DAYS.between(FIRST,
                        day) + 1, client.invocations.get(), counters);
            }
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        for (Shop shop : shops) {
            report.health(shop, client.api("GET /v1/shops/{marketplace}/{site}/{shopId}/health",
                    Map.of("marketplace", shop.marketplace(), "site", shop.site(), "shopId", shop.id()), null).body());
        }
        counters.merge("outbound events forwarded to SQS", outbound.forward(), Long::sum);
        report.table(dynamo.scan());
        report.outbound(outbound.drain());
        outbound.close();
        report.counters(counters, orders.size(), client.invocations.get(), seconds);
        Path html = report.write(Path.of("target", "simulation", "report.html"));
        System.out.println(report.summary());
        System.out.println("report: " + html.toAbsolutePath());
        assertThat(report.autoCancels()).isPositive();
        assertThat(report.decisions()).isPositive();
    }

    /** Payment: the order arrives with its snapshot; its fate decides what happens next. */
    void paid(SimOrder order) {
        Shop shop = order.shop();
        Instant shipBy = switch (shop.marketplace()) {
            case "amazon" -> order.paidAt().plus(Duration.ofDays(2));
            case "ozon" -> order.paidAt().plus(Duration.ofHours(30));
            default -> null;
        };
        snapshot(order, "AWAITING_SHIPMENT", shipBy, null, null);
        JsonNode deadlines = view(order).path("deadlines");
        Instant due = Instant.parse(deadlines.path("shipBy").asText(order.paidAt().plus(Duration.ofDays(2))
                .toString()));
        Instant effectiveShipBy = shipBy != null ? shipBy : due;
        Instant arranged = order.paidAt().plus(Duration.ofMinutes(90 + random.nextInt(360)));
        switch (order.fate()) {
            case BUYER_EARLY_CANCEL -> at(order.paidAt().plus(Duration.ofMinutes(3 + random.nextInt(20))),
                    () -> buyerRequest(order, "AWAITING_SHIPMENT", shipBy, "CHANGE_OF_MIND"));
            case SELLER_OUT_OF_STOCK -> at(order.paidAt().plus(Duration.ofHours(1 + random.nextInt(8))),
                    () -> sellerCancel(order));
            case BUYER_LATE_REQUEST -> {
                at(arranged, () -> snapshot(order, "SHIPMENT_ARRANGED", shipBy, null, null));
                at(arranged.plus(Duration.ofMinutes(30 + random.nextInt(120))),
                        () -> buyerRequest(order, "SHIPMENT_ARRANGED", shipBy, "CHANGE_OF_MIND"));
                at(arranged.plus(Duration.ofHours(30)), () -> {
                    if (!"CANCELLED".equals(view(order).at("/order/status").asText())) {
                        ship(order, shipBy, clock.instant());
                    }
                });
            }
            case FORGOTTEN -> at(effectiveShipBy.minus(Duration.ofHours(3)), () -> remember(order, shipBy));
            case LATE -> {
                at(arranged, () -> snapshot(order, "SHIPMENT_ARRANGED", shipBy, null, null));
                at(effectiveShipBy.plus(Duration.ofHours(1 + random.nextInt(20))), () -> ship(order, shipBy,
                        clock.instant()));
            }
            default -> {
                at(arranged, () -> snapshot(order, "SHIPMENT_ARRANGED", shipBy, null, null));
                Instant shipped = arranged.plus(Duration.ofHours(2 + random.nextInt(14)));
                at(shipped.isBefore(effectiveShipBy) ? shipped : effectiveShipBy.minus(Duration.ofMinutes(30)),
                        () -> ship(order, shipBy, clock.instant()));
            }
        }
    }

    /** A seller who forgot the order looks at OrderGuard three hours before ship-by: a warning may save it. */
    void remember(SimOrder order, Instant shipBy) {
        JsonNode warned = view(order).at("/deadlines/warningsSent");
        if (warned.size() > 0 && random.nextInt(10) < 6) {
            count("auto-cancels prevented by a warning");
            ship(order, shipBy, clock.instant().plus(Duration.ofMinutes(30)));
        } else {
            count("orders left to the auto-cancel");
        }
    }

    void ship(SimOrder order, Instant shipBy, Instant at) {
        at(at, () -> {
            snapshot(order, "IN_TRANSIT", shipBy, at, null);
            if (order.fate() == Fate.IN_TRANSIT_CANCEL) {
                at(at.plus(Duration.ofHours(5)), () -> buyerRequest(order, "IN_TRANSIT", shipBy, "WRONG_ADDRESS"));
                return;
            }
            Instant delivered = at.plus(Duration.ofHours(40 + random.nextInt(60)));
            at(delivered, () -> {
                snapshot(order, "DELIVERED", shipBy, at, delivered);
                if (order.fate() == Fate.DEFECT) {
                    at(delivered.plus(Duration.ofDays(2)), () -> defect(order));
                }
            });
        });
    }

    ObjectNode orderJson(SimOrder order, String status, Instant shipBy, Instant shippedAt, Instant deliveredAt) {
        ObjectNode json = Events.JSON.createObjectNode();
        json.put("marketplace", order.shop().marketplace()).put("site", order.shop().site())
                .put("orderId", order.orderId()).put("shopId", order.shop().id()).put("status", status)
                .put("placedAt", order.placedAt().toString()).put("paidAt", order.paidAt().toString())
                .put("buyerId", "buyer-" + (order.orderId().hashCode() & 0x3ff));
        if (shipBy != null) {
            json.put("shipBy", shipBy.toString());
        }
        if (order.shop().marketplace().equals("shopee")) {
            json.put("carrier", order.orderId().hashCode() % 10 < 7 ? "SPX_EXPRESS" : "J_AND_T");
        }
        if (shippedAt != null) {
            json.put("shippedAt", shippedAt.toString());
            if (order.orderId().hashCode() % 29 != 0) {
                json.put("trackingNumber", "TRK" + order.orderId());
            }
        }
        if (deliveredAt != null) {
            json.put("deliveredAt", deliveredAt.toString());
        }
        var item = json.putArray("items").addObject().put("sku", "SKU-" + (order.orderId().hashCode() & 0xff))
                .put("quantity", 1).put("unitPrice", "25.00").put("currency", currency(order.shop()));
        var attributes = item.putArray("attributes");
        if (order.preOrder()) {
            attributes.add("PRE_ORDER");
        }
        if (order.perishable()) {
            attributes.add("PERISHABLE");
        }
        return json;
    }

    static String currency(Shop shop) {
        return switch (shop.marketplace()) {
            case "shopee" -> "MYR";
            case "amazon" -> "USD";
            default -> "RUB";
        };
    }

    void snapshot(SimOrder order, String status, Instant shipBy, Instant shippedAt, Instant deliveredAt) {
        ObjectNode message = (ObjectNode) Events.parse(Events.snapshot(order.orderId() + "-" + status,
                client.tenant(), clock.instant().toString(), orderJson(order, status, shipBy, shippedAt,
                        deliveredAt)));
        expectNoFailures(client.ingest(message));
        count("snapshots");
    }

    void buyerRequest(SimOrder order, String status, Instant shipBy, String reason) {
        ObjectNode message = (ObjectNode) Events.parse(Events.snapshot(order.orderId() + "-ask-" + status,
                client.tenant(), clock.instant().toString(), orderJson(order, status, shipBy, null, null)));
        message.put("type", "CANCELLATION_REQUESTED");
        message.putObject("request").put("initiator", "BUYER").put("reason", reason);
        expectNoFailures(client.ingest(message));
        count("buyer requests");
        if (order.fate() == Fate.BUYER_LATE_REQUEST && order.sellerAnswer() < 6) {
            String answer = order.sellerAnswer() < 4 ? "APPROVE" : "REJECT";
            at(clock.instant().plus(Duration.ofMinutes(90)), () -> {
                JsonNode requests = view(order).path("cancellationRequests");
                for (JsonNode request : requests) {
                    if ("PENDING".equals(request.path("status").asText())) {
                        client.api("POST /v1/orders/{orderKey}/cancellation-requests/{requestId}/resolution",
                                Map.of("orderKey", order.key(), "requestId", request.path("requestId").asText()),
                                "{\"resolution\":\"" + answer + "\"}");
                        count("seller answers");
                    }
                }
            });
        }
    }

    void sellerCancel(SimOrder order) {
        client.api("POST /v1/orders/{orderKey}/cancellation-requests", Map.of("orderKey", order.key()),
                "{\"initiator\":\"SELLER\",\"reason\":\"OUT_OF_STOCK\"}");
        count("seller cancellations");
    }

    void defect(SimOrder order) {
        client.api("POST /v1/orders/{orderKey}/defects", Map.of("orderKey", order.key()),
                "{\"defectId\":\"claim-" + order.orderId() + "\",\"type\":\"A_TO_Z_CLAIM\"}");
        count("defects");
    }

    JsonNode view(SimOrder order) {
        return client.api("GET /v1/orders/{orderKey}", Map.of("orderKey", order.key()), null).body();
    }

    static void expectNoFailures(JsonNode response) {
        if (response.path("batchItemFailures").size() > 0) {
            throw new IllegalStateException("ingest failed a message: " + response);
        }
    }

}
