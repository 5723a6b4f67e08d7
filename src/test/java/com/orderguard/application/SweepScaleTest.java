package com.orderguard.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.orderguard.application.port.OrderChangeStore;
import com.orderguard.application.port.Correlation;
import com.orderguard.application.port.OrderStore;
import com.orderguard.application.port.ReadRound;
import com.orderguard.application.port.Telemetry;
import com.orderguard.domain.Order;
import com.orderguard.domain.OrderStatus;
import com.orderguard.domain.TenantId;
import com.orderguard.domain.decision.PolicyCatalog;
import com.orderguard.support.CallCounter;
import com.orderguard.support.LocalDynamo;
import com.orderguard.support.Profiles;
import com.orderguard.support.TestOrders;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Ten thousand orders with mixed deadlines, swept by two concurrent sweeps and a third one killed half way, while
 * ship events race the sweeps on some orders; then one more sweep finishes. Every due order must be acted on
 * exactly once, none early, none both shipped and cancelled. Prints the counts and the DynamoDB calls per order.
 * The order count is {@code -Dsweep.scale.orders} (default 10,000).
 */
@QuarkusTest
@TestProfile(Profiles.SweepScale.class)
class SweepScaleTest {

    static final int ORDERS = Integer.getInteger("sweep.scale.orders", 10_000);
    static final TenantId TENANT = new TenantId("tenant-scale");

    @Inject
    OrderSnapshots snapshots;

    @Inject
    Sweep sweep;

    @Inject
    OrderStore orders;

    @Inject
    OrderChangeStore store;

    @Inject
    DeadlineService deadlines;

    @Inject
    PolicyCatalog catalog;

    @Inject
    ShopHealthService health;

    @Inject
    ReadRound round;

    LocalDynamo dynamo;

    /** What each order was set up as. */
    enum Kind { DUE_SHOPEE, DUE_AMAZON, DUE_OZON, RACING_SHIP, FUTURE, SHIPPED }

    static Kind kind(int i) {
        return switch (i % 10) {
            case 0, 1, 2, 3 -> Kind.DUE_SHOPEE;
            case 4, 5 -> Kind.FUTURE;
            case 6 -> Kind.DUE_AMAZON;
            case 7 -> Kind.DUE_OZON;
            case 8 -> Kind.RACING_SHIP;
            default -> Kind.SHIPPED;
        };
    }

    static Order order(int i, Instant now) {
        Kind kind = kind(i);
        String site = switch (kind) {
            case DUE_AMAZON -> "amazon.US.";
            case DUE_OZON -> "ozon.RU.";
            default -> "shopee.MY.";
        };
        Instant shipBy = switch (kind) {
            case FUTURE -> now.plus(Duration.ofDays(10));
            case DUE_AMAZON -> now.minus(Duration.ofDays(30));
            case DUE_OZON -> now.minus(Duration.ofHours(1));
            default -> now.minus(Duration.ofDays(10));
        };
        OrderStatus status = kind == Kind.SHIPPED ? OrderStatus.IN_TRANSIT : OrderStatus.AWAITING_SHIPMENT;
        return TestOrders.order(site + "scale-" + i).status(status).placedAt(now.minus(Duration.ofDays(40)))
                .shipBy(shipBy).build();
    }

    @Test
    void everyDueOrder_isActedOnExactlyOnce_underConcurrentAndInterruptedSweeps() throws Exception {
        Instant now = Instant.now();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        long started = System.nanoTime();
        List<Future<?>> loads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int first = t;
            loads.add(pool.submit(() -> {
                for (int i = first; i < ORDERS; i += 8) {
                    snapshots.apply(TENANT, order(i, now), new SnapshotSource("load-" + i, now.minusSeconds(60),
                            "test"), now);
                }
            }));
        }
        for (Future<?> load : loads) {
            load.get();
        }
        double loadSeconds = (System.nanoTime() - started) / 1e9;

        Map<String, Long> before = CallCounter.snapshot();
        Instant sweepNow = Instant.now();
        // cut short by its budget while its shards run side by side, as the deployed sweep's do
        Sweep killed = new Sweep(orders, store, deadlines, catalog, health, new SteppingClock(), 16, 100,
                Telemetry.NONE, Correlation.NONE, round);
        Future<SweepReport> a = pool.submit(() -> sweep.run("a", sweepNow, Duration.ofMinutes(5), 0));
        Future<SweepReport> b = pool.submit(() -> sweep.run("b", sweepNow, Duration.ofMinutes(5), 8));
        Future<SweepReport> c = pool.submit(() -> killed.run("killed", sweepNow, Duration.ofSeconds(12), 4));
        Future<Integer> ships = pool.submit(() -> {
            int shipped = 0;
            for (int i = 8; i < ORDERS; i += 10) {
                Order racing = order(i, now).withStatus(OrderStatus.IN_TRANSIT);
                snapshots.apply(TENANT, racing, new SnapshotSource("ship-" + i, Instant.now(), "test"), Instant.now());
                shipped++;
            }
            return shipped;
        });
        SweepReport ra = a.get();
        SweepReport rb = b.get();
        SweepReport rc = c.get();
        ships.get();
        SweepReport rd = sweep.run("d", Instant.now(), Duration.ofMinutes(5), 0);
        Map<String, Long> after = CallCounter.snapshot();
        pool.shutdown();

        Map<String, Integer> autoCancels = new HashMap<>();
        Map<String, Integer> outbox = new HashMap<>();
        Map<String, String> status = new HashMap<>();
        Map<String, Instant> decidedAt = new HashMap<>();
        for (Map<String, AttributeValue> item : dynamo.scan()) {
            String type = item.get("type").s();
            if (type.equals("ORDER")) {
                status.put(item.get("orderKey").s(), item.get("status").s());
            } else if (type.equals("REQUEST") && item.get("requestId").s().equals("auto-cancel")) {
                autoCancels.merge(item.get("orderKey").s(), 1, Integer::sum);
                decidedAt.put(item.get("orderKey").s(), Instant.parse(item.get("decidedAt").s()));
            } else if (type.equals("OUTBOX") && item.get("eventType").s().equals("OrderAutoCancelled")) {
                outbox.merge(item.get("orderKey").s(), 1, Integer::sum);
            }
        }
        int due = 0;
        int raceCancelled = 0;
        int raceShipped = 0;
        for (int i = 0; i < ORDERS; i++) {
            Order order = order(i, now);
            String key = order.key().toString();
            Kind kind = kind(i);
            int cancels = autoCancels.getOrDefault(key, 0);
            switch (kind) {
                case DUE_SHOPEE, DUE_AMAZON, DUE_OZON -> {
                    due++;
                    assertThat(status.get(key)).as(key).isEqualTo("CANCELLED");
                    assertThat(cancels).as(key).isEqualTo(1);
                    assertThat(outbox.getOrDefault(key, 0)).as(key).isEqualTo(1);
                    assertThat(decidedAt.get(key)).as("not early: " + key).isAfterOrEqualTo(sweepNow);
                }
                case RACING_SHIP -> {
                    if (status.get(key).equals("CANCELLED")) {
                        raceCancelled++;
                        assertThat(cancels).as(key).isEqualTo(1);
                    } else {
                        raceShipped++;
                        assertThat(status.get(key)).as(key).isEqualTo("IN_TRANSIT");
                        assertThat(cancels).as("shipped and cancelled: " + key).isZero();
                    }
                    assertThat(outbox.getOrDefault(key, 0)).as(key).isEqualTo(cancels);
                }
                default -> {
                    assertThat(cancels).as(key).isZero();
                    assertThat(status.get(key)).as(key).isNotEqualTo("CANCELLED");
                }
            }
        }
        int acted = ra.acted() + rb.acted() + rc.acted() + rd.acted();
        long queries = CallCounter.between(before, after, "Query");
        long transactions = CallCounter.between(before, after, "TransactWriteItems");
        long reads = CallCounter.between(before, after, "GetItem");
        System.out.printf("%nsweep at scale: %d orders loaded in %.1f s; %d due, %d racing a ship event "
                + "(sweep won %d, ship won %d)%n", ORDERS, loadSeconds, due, raceCancelled + raceShipped,
                raceCancelled, raceShipped);
        System.out.printf("  sweeps: a acted %d, b acted %d, killed acted %d (complete=%s), final acted %d; "
                + "failed %d; double effects 0%n", ra.acted(), rb.acted(), rc.acted(), rc.complete(), rd.acted(),
                ra.failed() + rb.failed() + rc.failed() + rd.failed());
        System.out.printf("  DynamoDB calls while sweeping (incl. the racing ship events): Query %d, "
                + "TransactWriteItems %d, GetItem %d; per acted-on order: %.3f query pages, %.3f transactions%n",
                queries, transactions, reads, (double) queries / acted, (double) transactions / acted);
        assertThat(rc.complete()).as("the killed sweep stopped part way").isFalse();
        assertThat(ra.failed() + rb.failed() + rc.failed() + rd.failed()).isZero();
    }

    /** A clock that moves one second each time it is read, so a 12-second budget ends after a few pages. */
    static final class SteppingClock extends Clock {
        private final AtomicLong reads = new AtomicLong();
        private final Instant start = Instant.now();

        @Override
        public Instant instant() {
            return start.plusSeconds(reads.getAndIncrement());
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
