package com.orderguard.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderguard.support.DynamoSemantics;
import com.orderguard.support.Events;
import com.orderguard.support.FaultProxy;
import com.orderguard.support.LocalDynamo;
import com.orderguard.support.MessageAttempts;
import com.orderguard.support.Profiles;
import com.orderguard.support.QuietAppLogs;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * 11.11 for one shop ({@code ./mvnw verify -Pflashsale}): {@code flashsale.orders} orders (20,000) placed over ten
 * simulated minutes, a quarter of them shipping and 2% cancelled by the seller while new ones arrive, delivered by
 * 32 concurrent ingest invocations through the Invoke API onto DynamoDB with its real semantics (transaction
 * conflicts and per-partition-key throttling, {@link DynamoSemantics}); then a sweep. Prints what it met and checks
 * that nothing was lost, doubled or dead-lettered and that the shop's counters equal the truth exactly.
 */
@QuarkusTest
@TestProfile(Profiles.FlashSale.class)
@ExtendWith(QuietAppLogs.class)
@Tag("flashsale")
class FlashSaleTest {

    static final int ORDERS = Integer.getInteger("flashsale.orders", 20_000);
    static final int WRITERS = 32;
    static final String SHOP = "flash-1";

    FaultProxy proxy;

    LocalDynamo dynamo;

    /** What was sent: the messages in arrival order, and how many of each kind. */
    record Scenario(List<QueueDriver.Message> messages, int orders, int shipments, int cancellations) {
    }

    @Test
    void elevenEleven_oneShop_32ConcurrentWriters_exactCounts_nothingDeadLettered() throws Exception {
        String tenant = "flash-" + System.nanoTime();
        Scenario scenario = scenario(tenant, Instant.now().truncatedTo(ChronoUnit.SECONDS)
                .minus(Duration.ofMinutes(16)));
        proxy.semantics().use(DynamoSemantics.Settings.realistic());
        MessageAttempts.reset();
        QueueDriver.Result run = QueueDriver.drain(scenario.messages(), WRITERS, 10, 5);
        Invoker.Invocation sweep = Invoker.invoke("sweep", "{\"id\":\"flash-sweep\"}");
        long conflicts = proxy.semantics().conflicts();
        long throttles = proxy.semantics().throttles();
        Map<String, Long> contested = proxy.semantics().conflictsByItem();
        proxy.semantics().use(DynamoSemantics.Settings.OFF);

        Map<String, Long> counters = FlashSaleTruth.counters(dynamo, tenant, "shopee.MY." + SHOP);
        Map<String, Long> states = FlashSaleTruth.orderStates(dynamo, tenant);
        Map<String, Long> truth = new LinkedHashMap<>();
        truth.put("orders", (long) scenario.orders());
        truth.put("shipped", (long) scenario.shipments());
        truth.put("shippedTracked", (long) scenario.shipments());
        truth.put("shippedLate", 0L);
        truth.put("cancelledBySeller", (long) scenario.cancellations());
        Map<String, List<Integer>> retries = retriesByKind();

        String table = FlashSaleTruth.table(scenario, run, conflicts + " " + contested, throttles, retries, counters,
                truth, states, sweep);
        System.out.println(table);
        Path out = Path.of("target", "flashsale", "table.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);

        assertThat(sweep.functionError()).as("the sweep after the burst: %s", sweep.payload()).isFalse();
        assertThat(run.deadLettered()).as("dead-lettered messages").isEmpty();
        truth.forEach((counter, expected) -> assertThat(counters.getOrDefault(counter, 0L)).as(counter)
                .isEqualTo(expected));
        assertThat(states).as("orders by final state").containsEntry("ORDER", (long) scenario.orders())
                .containsEntry("IN_TRANSIT", (long) scenario.shipments())
                .containsEntry("CANCELLED", (long) scenario.cancellations())
                .containsEntry("REQUEST", (long) scenario.cancellations())
                .containsEntry("CancellationDecided", (long) scenario.cancellations());
    }

    /** Each message's retries, by kind of message (new order, shipment, cancellation). */
    static Map<String, List<Integer>> retriesByKind() {
        Map<String, List<Integer>> out = new TreeMap<>();
        MessageAttempts.retries().forEach((message, retries) -> out.computeIfAbsent(
                message.substring(0, message.indexOf('-')), kind -> new ArrayList<>()).add(retries));
        out.values().forEach(list -> list.sort(Comparator.naturalOrder()));
        return out;
    }

    /**
     * The orders placed evenly over ten minutes from {@code start}; every fourth ships (with tracking) four
     * minutes after it was placed, every fiftieth is cancelled by the seller (out of stock) a minute after.
     */
    static Scenario scenario(String tenant, Instant start) throws IOException {
        record Timed(Instant at, QueueDriver.Message message) {
        }
        List<Timed> timed = new ArrayList<>();
        int shipments = 0;
        int cancellations = 0;
        for (int i = 0; i < ORDERS; i++) {
            Instant placed = start.plusMillis(600_000L * i / ORDERS);
            String id = "FS" + i;
            timed.add(new Timed(placed, new QueueDriver.Message("new-" + i, Events.snapshot("new-" + id, tenant,
                    placed.toString(), order(id, placed, "AWAITING_SHIPMENT")))));
            if (i % 4 == 0) {
                Instant shipped = placed.plus(Duration.ofMinutes(4));
                ObjectNode order = order(id, placed, "IN_TRANSIT").put("shippedAt", shipped.toString())
                        .put("trackingNumber", "TRK" + i);
                timed.add(new Timed(shipped, new QueueDriver.Message("ship-" + i, Events.snapshot("ship-" + id,
                        tenant, shipped.toString(), order))));
                shipments++;
            } else if (i % 50 == 1) {
                Instant at = placed.plus(Duration.ofMinutes(1));
                ObjectNode message = (ObjectNode) Events.parse(Events.snapshot("cancel-" + id, tenant, at.toString(),
                        order(id, placed, "AWAITING_SHIPMENT")));
                message.put("type", "CANCELLATION_REQUESTED").putObject("request").put("requestId", "oos-" + i)
                        .put("initiator", "SELLER").put("reason", "OUT_OF_STOCK").put("requestedAt", at.toString());
                timed.add(new Timed(at, new QueueDriver.Message("cancel-" + i, message.toString())));
                cancellations++;
            }
        }
        timed.sort(Comparator.comparing(Timed::at));
        return new Scenario(timed.stream().map(Timed::message).toList(), ORDERS, shipments, cancellations);
    }

    static ObjectNode order(String orderId, Instant placed, String status) {
        ObjectNode order = Events.JSON.createObjectNode();
        order.put("marketplace", "shopee").put("site", "MY").put("orderId", orderId).put("shopId", SHOP)
                .put("fulfilment", "SELLER").put("status", status).put("placedAt", placed.toString())
                .put("paidAt", placed.toString()).put("shipBy", placed.plus(Duration.ofDays(2)).toString())
                .put("carrier", "SPX_EXPRESS").put("buyerId", "b-" + orderId);
        order.putArray("items").addObject().put("sku", "FLASH-1").put("quantity", 1).put("unitPrice", "11.11")
                .put("currency", "MYR");
        return order;
    }

}
