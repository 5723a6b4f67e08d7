package com.orderguard.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderguard.application.port.OrderChangeStore;
import com.orderguard.application.port.HealthStore;
import com.orderguard.application.port.OrderStore;
import com.orderguard.domain.Marketplace;
import com.orderguard.domain.Order;
import com.orderguard.domain.OrderKey;
import com.orderguard.domain.OrderStatus;
import com.orderguard.domain.TenantId;
import com.orderguard.domain.decision.PolicyCatalog;
import com.orderguard.domain.health.Counter;
import com.orderguard.domain.health.MetricStatus;
import com.orderguard.domain.health.ShopKey;
import com.orderguard.policy.PolicyLoader;
import com.orderguard.support.LocalDynamo;
import com.orderguard.support.Profiles;
import com.orderguard.support.TestOrders;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A sweep run looks at the metrics of the shops it cancelled for once, at its end. A run killed between an
 * auto-cancel and that look must not lose the look: the auto-cancel's transaction marks the shop in the due-time
 * index, and the next run looks at it, publishes the {@code MetricAtRisk} and clears the mark.
 */
@QuarkusTest
@TestProfile(Profiles.SweepScale.class)
class SweepLookMarkTest {

    @Inject
    OrderSnapshots snapshots;

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
    HealthStore healthStore;

    LocalDynamo dynamo;

    /** An Amazon order 12 days past its ship-by (auto-cancel due after 7 working days) and one placed today. */
    void storeShop(TenantId tenant, String site, Instant now) {
        Order overdue = TestOrders.order(site + "OVERDUE").status(OrderStatus.AWAITING_SHIPMENT)
                .placedAt(now.minus(Duration.ofDays(14))).shipBy(now.minus(Duration.ofDays(12))).build();
        Order fresh = TestOrders.order(site + "FRESH").status(OrderStatus.AWAITING_SHIPMENT)
                .placedAt(now.minus(Duration.ofHours(1))).shipBy(now.plus(Duration.ofDays(2))).build();
        snapshots.apply(tenant, overdue, new SnapshotSource("overdue", now.minusSeconds(60), "test"), now);
        snapshots.apply(tenant, fresh, new SnapshotSource("fresh", now.minusSeconds(60), "test"), now);
    }

    @Test
    void aRunKilledAfterAnAutoCancel_leavesAMark_andTheNextRunPublishesTheMetricAtRisk() {
        TenantId tenant = new TenantId("look-" + System.nanoTime());
        Instant now = Instant.now();
        storeShop(tenant, "amazon.US.", now);

        runKilledAfterItsFirstCountingCommit(now);
        assertThat(order(tenant, "amazon.US.OVERDUE").status()).as("the auto-cancel landed")
                .isEqualTo(OrderStatus.CANCELLED);
        assertThat(items(tenant, "OUTBOX", "MetricAtRisk")).as("no look yet").isEmpty();
        assertThat(items(tenant, "LOOK", null)).as("the shop is marked").hasSize(1);

        Sweep sweep = new Sweep(orders, store, deadlines, catalog, health, Clock.systemUTC(), 16, 50);
        SweepReport next = sweep.run("next", now.plusSeconds(60), Duration.ofMinutes(1), 0);

        assertThat(next.acted()).as("nothing left to cancel").isZero();
        assertThat(next.shopsLooked()).isEqualTo(1);
        List<Map<String, AttributeValue>> risks = items(tenant, "OUTBOX", "MetricAtRisk");
        assertThat(risks).as("the cancel rate, 1 cancel in 2 orders this week").isNotEmpty();
        assertThat(risks).extracting(item -> item.get("detail").s()).anyMatch(d -> d.contains("amazon.cancelRate"));
        assertThat(items(tenant, "LOOK", null)).as("the mark is cleared").isEmpty();

        SweepReport idle = sweep.run("idle", now.plusSeconds(120), Duration.ofMinutes(1), 0);
        assertThat(idle.shopsLooked()).as("no mark, no look").isZero();
        assertThat(items(tenant, "OUTBOX", "MetricAtRisk")).as("announced once").hasSameSizeAs(risks);
    }

    @Test
    void aShopWithoutMetrics_isNotMarked() {
        TenantId tenant = new TenantId("look-none-" + System.nanoTime());
        Instant now = Instant.now();
        storeShop(tenant, "lazada.MY.", now);
        // every shipped pack has metrics now; the packs as they were before Lazada's (test fixtures) have none
        PolicyCatalog withoutMetrics = new PolicyLoader(new ObjectMapper(), getClass().getClassLoader(),
                "legacy-policies/").load();
        Sweep sweep = new Sweep(orders, store, deadlines, withoutMetrics, health, Clock.systemUTC(), 16, 50);

        sweep.run("lazada", now, Duration.ofMinutes(1), 0);

        assertThat(order(tenant, "lazada.MY.OVERDUE").status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(items(tenant, "LOOK", null)).isEmpty();
    }

    @Test
    void aLookClearsTheMark_onlyAtTheCountItRead() {
        TenantId tenant = new TenantId("look-late-" + System.nanoTime());
        Instant now = Instant.now();
        storeShop(tenant, "amazon.US.", now);
        runKilledAfterItsFirstCountingCommit(now);
        Map<String, AttributeValue> mark = items(tenant, "LOOK", null).get(0);
        long marks = Long.parseLong(mark.get("marks").n());
        ShopKey shop = new ShopKey(Marketplace.AMAZON, "US", mark.get("shopId").s());

        // a look that read one mark fewer than the shop has (a change landed after its read) keeps the mark
        healthStore.clearLook(tenant, shop, Map.of(mark.get("sk").s(), marks - 1));
        assertThat(items(tenant, "LOOK", null)).hasSize(1);
        healthStore.clearLook(tenant, shop, Map.of(mark.get("sk").s(), marks));
        assertThat(items(tenant, "LOOK", null)).isEmpty();
    }

    @Test
    void aShopsCountersAndLookMarks_areWrittenInShards_andReadAsOneSum() {
        TenantId tenant = new TenantId("look-shards-" + System.nanoTime());
        Instant now = Instant.now();
        for (int i = 0; i < 12; i++) {
            Order overdue = TestOrders.order("amazon.US.SHARD" + i).status(OrderStatus.AWAITING_SHIPMENT)
                    .placedAt(now.minus(Duration.ofDays(14))).shipBy(now.minus(Duration.ofDays(12))).build();
            snapshots.apply(tenant, overdue, new SnapshotSource("shard-" + i, now.minusSeconds(60), "test"), now);
        }
        // a run whose looks all fail (its Lambda timed out before them): every auto-cancel left its mark
        HealthStore failing = new HealthStore() {
            @Override
            public ShopData load(TenantId t, ShopKey shop, LocalDate from) {
                throw new IllegalStateException("timed out");
            }

            @Override
            public boolean saveStatuses(TenantId t, ShopKey shop, Map<String, MetricStatus.Status> statuses,
                    long version, List<OutboxEvent> events, Instant at) {
                throw new IllegalStateException("timed out");
            }

            @Override
            public void clearLook(TenantId t, ShopKey shop, Map<String, Long> marks) {
                throw new IllegalStateException("timed out");
            }
        };
        new Sweep(orders, store, deadlines, catalog, new ShopHealthService(failing, catalog, 0.8), Clock.systemUTC(),
                16, 50).run("no looks", now, Duration.ofMinutes(1), 0);

        List<Map<String, AttributeValue>> buckets = items(tenant, "BUCKET", null);
        assertThat(buckets).as("one day's counts in several shards").hasSizeGreaterThan(3);
        ShopKey shop = new ShopKey(Marketplace.AMAZON, "US", items(tenant, "LOOK", null).get(0).get("shopId").s());
        HealthStore.ShopData data = healthStore.load(tenant, shop, LocalDate.now().minusDays(30));
        assertThat(data.buckets().stream().mapToLong(b -> b.get(Counter.ORDERS)).sum()).isEqualTo(12);
        assertThat(data.buckets().stream().mapToLong(b -> b.get(Counter.CANCELLED_BY_SELLER)).sum())
                .as("auto-cancels count against the seller on Amazon").isEqualTo(12);
        assertThat(items(tenant, "LOOK", null)).as("the marks, in shards").hasSizeGreaterThan(3);
        assertThat(data.lookMarks().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(12);

        SweepReport next = new Sweep(orders, store, deadlines, catalog, health, Clock.systemUTC(), 16, 50)
                .run("next", now.plusSeconds(60), Duration.ofMinutes(1), 0);
        assertThat(next.shopsLooked()).as("one look for all the shop's marks").isEqualTo(1);
        assertThat(items(tenant, "LOOK", null)).as("every shard's mark cleared").isEmpty();
    }

    /** A sweep run that dies right after its first commit that counts against a shop. */
    void runKilledAfterItsFirstCountingCommit(Instant now) {
        Sweep killed = new Sweep(orders, new DyingStore(store), deadlines, catalog, health, Clock.systemUTC(), 16,
                50);
        assertThatThrownBy(() -> killed.run("killed", now, Duration.ofMinutes(1), 0)).isInstanceOf(Killed.class);
    }

    Order order(TenantId tenant, String key) {
        return orders.find(tenant, OrderKey.parse(key, "key").valueOrNull()).orElseThrow().order();
    }

    /** The tenant's items of one type (and event type, for outbox items). */
    List<Map<String, AttributeValue>> items(TenantId tenant, String type, String eventType) {
        String prefix = "T#" + tenant.value() + "#";
        return dynamo.scan().stream()
                .filter(item -> item.get("pk").s().startsWith(prefix) && type.equals(item.get("type").s()))
                .filter(item -> eventType == null || eventType.equals(item.get("eventType").s()))
                .toList();
    }

    /** The Lambda killed right after the first commit that counted against a shop: no later code runs. */
    static final class Killed extends Error {
        Killed() {
            super("killed after a counting commit");
        }
    }

    /** The store, with a run that dies after its first counting commit. */
    record DyingStore(OrderChangeStore store) implements OrderChangeStore {

        @Override
        public Optional<RequestRecord> findRequest(TenantId tenant, OrderKey key, String requestId) {
            return store.findRequest(tenant, key, requestId);
        }

        @Override
        public BuyerHistory buyerHistory(TenantId tenant, Marketplace marketplace, String buyerId) {
            return store.buyerHistory(tenant, marketplace, buyerId);
        }

        @Override
        public CommitResult commit(OrderChange commit) {
            CommitResult result = store.commit(commit);
            if (result instanceof CommitResult.Committed && !commit.counts().isEmpty()) {
                throw new Killed();
            }
            return result;
        }
    }
}
