package com.orderguard.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.orderguard.application.RequestOutcome;
import com.orderguard.application.RequestRecord;
import com.orderguard.application.Cancellations;
import com.orderguard.application.DeadlineService;
import com.orderguard.application.Holds;
import com.orderguard.application.OrderQueries;
import com.orderguard.application.OrderRecord;
import com.orderguard.application.OrderSnapshots;
import com.orderguard.domain.decision.RequestStatus;
import com.orderguard.application.ShopHealthService;
import com.orderguard.application.SnapshotOutcome;
import com.orderguard.application.SnapshotSource;
import com.orderguard.application.StoredOrder;
import com.orderguard.application.Sweep;
import com.orderguard.application.port.OrderChangeStore;
import com.orderguard.application.port.OrderStore;
import com.orderguard.config.OrderGuardConfig;
import com.orderguard.domain.Order;
import com.orderguard.domain.OrderKey;
import com.orderguard.domain.OrderStatus;
import com.orderguard.domain.TenantId;
import com.orderguard.domain.deadline.Hold;
import com.orderguard.domain.decision.CancelReason;
import com.orderguard.domain.decision.OrderRequest;
import com.orderguard.domain.decision.Channel;
import com.orderguard.domain.decision.DecisionKind;
import com.orderguard.domain.decision.Initiator;
import com.orderguard.domain.decision.PolicyCatalog;
import com.orderguard.support.FaultProxy;
import com.orderguard.support.LocalDynamo;
import com.orderguard.support.Profiles;
import com.orderguard.support.QuietAppLogs;
import com.orderguard.support.TestOrders;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Everything that can change an order at once, released together, round after round: a buyer's and a seller's
 * cancellation request, the ship event, the seller approving and rejecting a pending request, an auto-cancel hold,
 * and two sweeps for which the order is overdue or its request has expired. DynamoDB answers some calls late, to
 * widen the windows. After each round every order must satisfy, read straight from the table:
 * <ul>
 * <li>no double effect: at most one approved request; the shop bucket counts one seller-fault cancellation only
 * if the approved request counted, one shipment only if the ship event was applied; exactly one
 * {@code OrderAutoCancelled} when (and only when) the platform's auto-cancel cancelled it;</li>
 * <li>no cancelled-after-shipped: an applied ship event and an approved plain {@code CANCELLATION} never both
 * stand; a ship event that was refused met a cancelled order; a CANCELLED order names its approved request;</li>
 * <li>request statuses agree with the order: the one pending request is the one the order waits on, every
 * recorded or resolved outcome returned to a caller is what the store holds;</li>
 * <li>no lost update: the order's version equals the number of writes that reported success.</li>
 * </ul>
 * {@code -Dreliability.seed=N} replays a run; {@code -Dreliability.race.rounds=N} sets its length.
 */
@QuarkusTest
@TestProfile(Profiles.Reliability.class)
@ExtendWith(QuietAppLogs.class)
@Tag("reliability")
class RaceInvariantsTest {

    static final long SEED = Long.getLong("reliability.seed", System.currentTimeMillis());
    static final int ROUNDS = Scale.of("reliability.race.rounds", 12, 167);
    static final int ORDERS = 6;

    @Inject
    OrderSnapshots snapshots;

    @Inject
    Cancellations cancellations;

    @Inject
    Holds holds;

    @Inject
    OrderQueries queries;

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
    OrderGuardConfig config;

    LocalDynamo dynamo;
    FaultProxy proxy;

    /** Who takes part in a race on one order. */
    enum Actor { BUYER_REQUEST, SELLER_REQUEST, SHIP, APPROVE, REJECT, HOLD }

    /** One order of a round: its key, setup, who races on it and what each got back. */
    static final class Race {
        final String tenant;
        final OrderKey key;
        final String pendingId;
        final EnumSet<Actor> actors;
        final Map<Actor, Object> results = new java.util.concurrent.ConcurrentHashMap<>();
        long writes;

        Race(String tenant, OrderKey key, String pendingId, EnumSet<Actor> actors) {
            this.tenant = tenant;
            this.key = key;
            this.pendingId = pendingId;
            this.actors = actors;
        }
    }

    @Test
    void everythingAtOnce_leavesEveryOrderConsistent() throws Exception {
        System.out.printf("races: %d rounds of %d orders from seed %d (-Dreliability.seed=%d to replay)%n", ROUNDS,
                ORDERS, SEED, SEED);
        CountingStore counting = new CountingStore(store);
        int shards = config.dueIndex().shards();
        Sweep sweepA = new Sweep(orders, counting, deadlines, catalog, health, Clock.systemUTC(), shards, 25);
        Sweep sweepB = new Sweep(orders, counting, deadlines, catalog, health, Clock.systemUTC(), shards, 25);
        ExecutorService pool = Executors.newCachedThreadPool();
        Map<String, Integer> tally = new java.util.TreeMap<>();
        long calls = 0;
        try {
            proxy.faults(SEED, 0.15, 0, EnumSet.of(FaultProxy.Fault.DELAY));
            for (int round = 0; round < ROUNDS; round++) {
                long seed = SEED + round;
                Random random = new Random(seed);
                String tenant = "race-" + seed;
                List<Race> races = new ArrayList<>();
                for (int i = 0; i < ORDERS; i++) {
                    races.add(setUp(random, tenant, "R" + Long.toString(seed, 36).toUpperCase() + "x" + i));
                }
                List<Callable<Object>> tasks = new ArrayList<>();
                for (Race race : races) {
                    for (Actor actor : race.actors) {
                        tasks.add(() -> race.results.put(actor, act(race, actor)));
                    }
                }
                tasks.add(() -> sweepA.run("race-a-" + seed, Instant.now(), Duration.ofSeconds(30),
                        random.nextInt(shards)));
                tasks.add(() -> sweepB.run("race-b-" + seed, Instant.now(), Duration.ofSeconds(30),
                        random.nextInt(shards)));
                calls += tasks.size();
                runTogether(pool, tasks);
                for (Race race : races) {
                    try {
                        tally.merge(check(race, counting.commits(race.tenant, race.key)), 1, Integer::sum);
                    } catch (AssertionError e) {
                        Ledger.add(Ledger.VIOLATIONS, 1);
                        throw new AssertionError("round seed " + seed + ", order " + race.key + ", actors "
                                + race.actors + ", results " + race.results + ": " + e.getMessage(), e);
                    }
                }
            }
        } finally {
            proxy.off();
            pool.shutdownNow();
        }
        System.out.println("races: how the orders ended: " + tally);
        Ledger.add(Ledger.RACES, (long) ROUNDS * ORDERS);
        Ledger.add(Ledger.RACE_CALLS, calls);
    }

    /** Stores the order (overdue or not), maybe with a buyer request already pending, and picks who races. */
    Race setUp(Random random, String tenant, String orderId) {
        Instant now = Instant.now();
        String site = List.of("shopee.MY.", "amazon.US.", "tiktok.TH.").get(random.nextInt(3));
        boolean overdue = random.nextBoolean();
        boolean arranged = site.startsWith("shopee") || random.nextBoolean();
        Instant placed = now.minus(Duration.ofDays(overdue ? 25 : 3));
        Order order = TestOrders.order(site + orderId).placedAt(placed).buyer("b-" + orderId)
                .shipBy(overdue ? now.minus(Duration.ofDays(20)) : now.plus(Duration.ofDays(2)))
                .status(arranged ? OrderStatus.SHIPMENT_ARRANGED : OrderStatus.AWAITING_SHIPMENT).build();
        order = new Order(order.key(), "shop-" + orderId, order.fulfilment(), order.status(), order.placedAt(),
                order.paidAt(), null, order.shipBy(), null, null, order.carrier(), null, order.buyerId(),
                order.items(), null);
        TenantId id = new TenantId(tenant);
        snapshots.apply(id, order, new SnapshotSource("setup-" + orderId, now.minusSeconds(120), "test"), now);
        String pendingId = null;
        long writes = 1;
        if (random.nextBoolean()) {
            // made two days ago: its one-day answer window has passed, so the sweep expires it in the race
            RequestOutcome outcome = cancellations.request(id, order.key(), new OrderRequest("pending-"
                    + orderId, Initiator.BUYER, CancelReason.CHANGE_OF_MIND, Channel.PLATFORM_REQUEST,
                    now.minus(Duration.ofDays(overdue ? 0 : 2)).minusSeconds(60), null), now);
            writes++;
            if (outcome instanceof RequestOutcome.Recorded recorded
                    && recorded.record().status() == RequestStatus.PENDING) {
                pendingId = recorded.record().requestId();
            }
        }
        EnumSet<Actor> actors = EnumSet.noneOf(Actor.class);
        for (Actor actor : Actor.values()) {
            if (random.nextInt(3) > 0) {
                actors.add(actor);
            }
        }
        Race race = new Race(tenant, order.key(), pendingId, actors);
        race.writes = writes;
        return race;
    }

    Object act(Race race, Actor actor) {
        TenantId tenant = new TenantId(race.tenant);
        Instant now = Instant.now();
        return switch (actor) {
            case BUYER_REQUEST -> cancellations.request(tenant, race.key, new OrderRequest("buyer-race",
                    Initiator.BUYER, CancelReason.CHANGE_OF_MIND, Channel.PLATFORM_REQUEST, now, null), now);
            case SELLER_REQUEST -> cancellations.request(tenant, race.key, new OrderRequest("seller-race",
                    Initiator.SELLER, CancelReason.OUT_OF_STOCK, Channel.PLATFORM_REQUEST, now, null), now);
            case SHIP -> {
                StoredOrder stored = orders.find(tenant, race.key).orElseThrow();
                Order shipped = stored.order().withStatus(OrderStatus.IN_TRANSIT);
                yield snapshots.apply(tenant, shipped, new SnapshotSource("ship-" + race.key.orderId(), now, "test"),
                        now);
            }
            case APPROVE -> race.pendingId == null ? "no pending request"
                    : cancellations.resolve(tenant, race.key, race.pendingId, true, null, now);
            case REJECT -> race.pendingId == null ? "no pending request"
                    : cancellations.resolve(tenant, race.key, race.pendingId, false, null, now);
            case HOLD -> holds.hold(tenant, race.key, new Hold(now.plus(Duration.ofDays(3)), "race", "hold", now),
                    now);
        };
    }

    static void runTogether(ExecutorService pool, List<Callable<Object>> tasks) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Object>> futures = new ArrayList<>();
        for (Callable<Object> task : tasks) {
            futures.add(pool.submit(() -> {
                start.await();
                return task.call();
            }));
        }
        start.countDown();
        for (Future<Object> future : futures) {
            future.get();
        }
    }

    /** Checks the invariants of one raced order, read back from the table; says how the race ended. */
    String check(Race race, long sweepCommits) {
        TenantId tenant = new TenantId(race.tenant);
        OrderRecord record = queries.view(tenant, race.key).orElseThrow();
        StoredOrder stored = record.stored();
        OrderStatus status = stored.order().status();
        List<RequestRecord> approved = record.requests().stream()
                .filter(r -> r.status() == RequestStatus.APPROVED).toList();
        List<RequestRecord> pending = record.requests().stream()
                .filter(r -> r.status() == RequestStatus.PENDING).toList();

        // no double effect
        assertThat(approved).as("approved requests").hasSizeLessThanOrEqualTo(1);
        long autoCancelled = outbox(race, "OrderAutoCancelled", "auto-cancel");
        assertThat(autoCancelled).as("OrderAutoCancelled events")
                .isEqualTo("auto-cancel".equals(stored.cancelledBy()) ? 1 : 0);
        Map<String, Long> counters = counters(race, stored.order().shopId());
        boolean countedCancel = approved.size() == 1 && approved.get(0).decision().countsAgainstSeller();
        assertThat(counters.getOrDefault("cancelledBySeller", 0L)).as("seller-fault cancellations counted")
                .isEqualTo(countedCancel ? 1 : 0);
        Object ship = race.results.get(Actor.SHIP);
        boolean shipApplied = ship instanceof SnapshotOutcome.Applied;
        assertThat(counters.getOrDefault("shipped", 0L)).as("shipments counted").isEqualTo(shipApplied ? 1 : 0);
        assertThat(counters.getOrDefault("orders", 0L)).as("orders counted").isEqualTo(1);

        // no cancelled-after-shipped
        if (shipApplied) {
            assertThat(approved).as("approved plain cancellations of a shipped order")
                    .noneMatch(r -> r.decision().kind() == DecisionKind.CANCELLATION);
        } else if (ship != null) {
            assertThat(ship).as("a refused ship event").isInstanceOf(SnapshotOutcome.Conflicting.class);
            assertThat(status).isEqualTo(OrderStatus.CANCELLED);
        }
        if (status == OrderStatus.IN_TRANSIT) {
            assertThat(approved).as("approved requests of an order in transit").isEmpty();
        }
        if (status == OrderStatus.CANCELLED) {
            assertThat(approved).as("the request that cancelled it").hasSize(1);
            assertThat(stored.cancelledBy()).isEqualTo(approved.get(0).requestId());
        } else {
            assertThat(approved).as("approved requests of an order that is not cancelled").isEmpty();
            assertThat(stored.cancelledBy()).isNull();
        }

        // request statuses agree with the order and with what callers were told
        assertThat(pending).as("pending requests").hasSizeLessThanOrEqualTo(1);
        assertThat(stored.pending() == null ? List.of() : List.of(stored.pending().requestId()))
                .isEqualTo(pending.stream().map(RequestRecord::requestId).toList());
        if (status == OrderStatus.CANCELLED) {
            assertThat(pending).as("pending requests of a cancelled order").isEmpty();
        }
        long writes = race.writes + sweepCommits + (shipApplied ? 1 : 0);
        for (Map.Entry<Actor, Object> result : race.results.entrySet()) {
            Object outcome = result.getValue();
            if (outcome instanceof RequestOutcome.Recorded recorded) {
                writes++;
                RequestRecord now = find(record, recorded.record().requestId());
                assertThat(now.decision().outcome()).isEqualTo(recorded.record().decision().outcome());
                assertThat(outbox(race, "CancellationDecided", now.requestId())).isEqualTo(1);
                if (recorded.record().status() != RequestStatus.PENDING) {
                    assertThat(now.status()).as("a decided request keeps its status")
                            .isEqualTo(recorded.record().status());
                }
            } else if (outcome instanceof RequestOutcome.Resolved resolved) {
                writes++;
                assertThat(find(record, race.pendingId).status()).isEqualTo(resolved.record().status());
                assertThat(outbox(race, "CancellationResolved", race.pendingId)).isEqualTo(1);
            } else if (outcome instanceof java.util.Optional<?> held && held.isPresent()) {
                writes++;
            }
        }
        boolean approvedBySeller = race.results.get(Actor.APPROVE) instanceof RequestOutcome.Resolved;
        boolean rejectedBySeller = race.results.get(Actor.REJECT) instanceof RequestOutcome.Resolved;
        assertThat(approvedBySeller && rejectedBySeller).as("approved and rejected by the seller").isFalse();
        if (race.pendingId != null && "auto".equalsIgnoreCase(resolvedBy(record, race.pendingId))
                && find(record, race.pendingId).status() == RequestStatus.APPROVED) {
            assertThat(outbox(race, "RequestAutoApproved", race.pendingId)).isEqualTo(1);
        }

        // no lost update: every write that reported success moved the version by one
        assertThat(stored.version()).as("version vs successful writes").isEqualTo(writes);
        return status == OrderStatus.CANCELLED ? "cancelled by " + (stored.cancelledBy().equals(race.pendingId)
                ? (approvedBySeller ? "seller approval" : "auto-approval") : stored.cancelledBy().replace("-race", ""))
                + (ship == null ? "" : ", ship refused") : status + (shipApplied ? " (ship won)" : "");
    }

    static RequestRecord find(OrderRecord record, String requestId) {
        return record.requests().stream().filter(r -> r.requestId().equals(requestId)).findFirst().orElseThrow(
                () -> new AssertionError("request " + requestId + " was reported recorded but is not stored"));
    }

    static String resolvedBy(OrderRecord record, String requestId) {
        RequestRecord request = find(record, requestId);
        return request.resolution() == null ? null : request.resolution().by();
    }

    /** Whether the outbox holds the event with this stable id (1) or not (0). */
    long outbox(Race race, String type, String unique) {
        String eventId = type + ":" + race.tenant + ":" + race.key + ":" + unique;
        Map<String, AttributeValue> item = dynamo.client().getItem(r -> r.tableName(dynamo.table())
                .consistentRead(true).key(Map.of("pk", AttributeValue.fromS("T#" + race.tenant + "#X#"
                        + eventId), "sk", AttributeValue.fromS("OUTBOX")))).item();
        return item == null || item.isEmpty() ? 0 : 1;
    }

    /** The shop's counters, summed over its day buckets. */
    Map<String, Long> counters(Race race, String shopId) {
        String pk = "T#" + race.tenant + "#S#" + race.key.marketplace().code() + "." + race.key.site() + "." + shopId;
        Map<String, Long> sums = new java.util.TreeMap<>();
        dynamo.client().queryPaginator(r -> r.tableName(dynamo.table()).consistentRead(true)
                .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk",
                        AttributeValue.fromS(pk)))).items().forEach(item -> {
                            if (item.get("sk").s().startsWith("D#")) {
                                item.forEach((name, value) -> {
                                    if (value.n() != null && !name.equals("expiresAt")) {
                                        sums.merge(name, Long.parseLong(value.n()), Long::sum);
                                    }
                                });
                            }
                        });
        return sums;
    }
}
