package com.orderguard.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.orderguard.adapter.lambda.queue.MessageHandler;
import com.orderguard.application.port.OrderChangeStore;
import com.orderguard.application.port.OrderStore;
import com.orderguard.application.port.ReadRound;
import com.orderguard.application.port.Telemetry;
import com.orderguard.domain.Order;
import com.orderguard.domain.OrderStatus;
import com.orderguard.domain.TenantId;
import com.orderguard.domain.deadline.Hold;
import com.orderguard.domain.decision.CancelReason;
import com.orderguard.domain.decision.Channel;
import com.orderguard.domain.decision.Initiator;
import com.orderguard.domain.decision.OrderRequest;
import com.orderguard.domain.decision.PolicyCatalog;
import com.orderguard.domain.decision.RequestStatus;
import com.orderguard.domain.health.Defect;
import com.orderguard.domain.health.ShopKey;
import com.orderguard.support.CallCounter;
import com.orderguard.support.Events;
import com.orderguard.support.Messages;
import com.orderguard.support.Profiles;
import com.orderguard.support.TestOrders;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Sequential DynamoDB round trips per operation, counted with every call slowed to a network's pace: an API call or
 * a message reads what it can name together, then commits in one transaction (at most two round trips), and a sweep
 * run with nothing due queries its 16 shards at once (one). A read that slips out of its round fails here.
 */
@QuarkusTest
@TestProfile(Profiles.SweepScale.class)
class RoundTripsTest {

    /** Long enough that calls sent together surely overlap, on a loaded two-core machine too. */
    private static final long LATENCY_MS = 60;

    @Inject
    OrderSnapshots snapshots;

    @Inject
    MessageHandler ingest;

    @Inject
    Cancellations cancellations;

    @Inject
    AddressChanges addresses;

    @Inject
    Holds holds;

    @Inject
    Defects defects;

    @Inject
    OrderQueries queries;

    @Inject
    ShopHealthService health;

    @Inject
    Sweep sweep;

    @Inject
    OrderStore orders;

    @Inject
    OrderChangeStore changes;

    @Inject
    PolicyCatalog catalog;

    @Inject
    DeadlineService deadlines;

    @Inject
    ReadRound round;

    TenantId tenant;
    Instant now;

    @BeforeEach
    void slowCalls() {
        tenant = new TenantId("rounds-" + System.nanoTime());
        now = Instant.now();
        CallCounter.latency(LATENCY_MS);
    }

    @AfterEach
    void fastCalls() {
        CallCounter.latency(0);
    }

    @Test
    void snapshots_readOnce_thenCommit() {
        Order placed = TestOrders.order("amazon.US.R-SNAP").placedAt(now.minusSeconds(3600))
                .shipBy(now.plus(Duration.ofDays(2))).build();
        assertThat(rounds(() -> apply(placed, "placed", 60))).as("a new order").isEqualTo(2);
        Order shipped = TestOrders.order("amazon.US.R-SNAP").status(OrderStatus.IN_TRANSIT)
                .placedAt(now.minusSeconds(3600)).shipBy(now.minus(Duration.ofDays(1))).carrier("UPS").build();
        assertThat(rounds(() -> apply(shipped, "shipped", 30))).as("it ships late: counted, marked").isEqualTo(2);
        assertThat(rounds(() -> apply(shipped, "shipped", 30))).as("a redelivery").isEqualTo(1);
    }

    @Test
    void aRequestFromAMessage_readsOrderBuyerAndShopTogether() {
        Order order = stored("shopee.MY.R-MSG", OrderStatus.SHIPMENT_ARRANGED);
        OrderRequest request = buyerRequest("msg-1");
        assertThat(rounds(() -> cancellations.request(tenant, order.key(), request, order, now)))
                .as("order, buyer and shop in one round, then the transaction").isEqualTo(2);
        assertThat(rounds(() -> cancellations.request(tenant, order.key(), request, order, now)))
                .as("a replay").isEqualTo(1);
    }

    @Test
    void aRequestFromTheApi_onAnOrderThisProcessSaw_readsOrderBuyerAndShopTogether() {
        Order order = stored("shopee.MY.R-API", OrderStatus.SHIPMENT_ARRANGED);
        assertThat(rounds(() -> cancellations.request(tenant, order.key(), buyerRequest("api-1"), now)))
                .as("order, buyer and shop in one round, then the transaction").isEqualTo(2);
    }

    @Test
    void aRequestFromTheApi_onAnOrderThisProcessNeverSaw_readsWhatTheCallersHintNamesTogetherWithTheOrder() {
        Order order = stored("shopee.MY.R-COLD", OrderStatus.SHIPMENT_ARRANGED);
        Cancellations cold = new Cancellations(orders, changes, catalog, deadlines, health, Telemetry.NONE, round,
                new SeenOrders(0));
        OrderHint hint = new OrderHint(order.buyerId(), order.shopId());
        assertThat(rounds(() -> cold.request(tenant, order.key(), buyerRequest("cold-1"), hint, now)))
                .as("hinted: the order, its buyer and its shop in one round, then the transaction").isEqualTo(2);
        assertThat(rounds(() -> cold.request(tenant, order.key(), buyerRequest("cold-2"), (OrderHint) null, now)))
                .as("without a hint: the order, then its buyer and shop together, then the transaction")
                .isEqualTo(3);
        OrderHint wrong = new OrderHint(order.buyerId(), "another-shop");
        assertThat(rounds(() -> cold.request(tenant, order.key(), buyerRequest("cold-3"), wrong, now)))
                .as("a hint the stored order contradicts: its own shop is read after it").isEqualTo(3);
    }

    @Test
    void everyMessageType_readsOnce_thenCommitsOnce_andARedeliveryOnlyReads() {
        Messages.everyType(tenant.value(), "rt").forEach((type, body) -> {
            assertThat(rounds(() -> ingest.handle(Events.parse(body)))).as(type).isEqualTo(2);
            assertThat(rounds(() -> ingest.handle(Events.parse(body)))).as(type + ", delivered again").isEqualTo(1);
        });
    }

    @Test
    void answersHoldsDefectsAndReads_readOnce() {
        Order order = stored("shopee.MY.R-ANSWER", OrderStatus.SHIPMENT_ARRANGED);
        RequestOutcome asked = cancellations.request(tenant, order.key(), buyerRequest("ask-1"), order, now);
        assertThat(((RequestOutcome.Recorded) asked).record().status()).isEqualTo(RequestStatus.PENDING);
        assertThat(rounds(() -> cancellations.resolve(tenant, order.key(), "ask-1", false, null, now)))
                .as("resolve: the request and the order together").isEqualTo(2);
        OrderRequest change = new OrderRequest("addr-1", Initiator.BUYER, CancelReason.OTHER, Channel.PLATFORM_REQUEST,
                now.minusSeconds(10), "new flat");
        assertThat(rounds(() -> addresses.request(tenant, order.key(), change, now))).as("address change")
                .isEqualTo(2);
        Hold hold = new Hold(now.plus(Duration.ofDays(1)), "ops", "checking", now);
        assertThat(rounds(() -> holds.hold(tenant, order.key(), hold, now))).as("hold").isEqualTo(2);
        assertThat(rounds(() -> holds.lift(tenant, order.key(), "ops", now))).as("lift").isEqualTo(2);
        Defect defect = new Defect("d-1", Defect.Type.CHARGEBACK, now);
        assertThat(rounds(() -> defects.record(tenant, order.key(), defect, now))).as("defect").isEqualTo(2);
        assertThat(rounds(() -> queries.view(tenant, order.key(), now))).as("order view: order, then buyer")
                .isEqualTo(2);
        assertThat(rounds(() -> health.report(tenant, ShopKey.of(order), now))).as("shop health").isEqualTo(1);
    }

    @Test
    void aSweepWithNothingDue_queriesEveryShardInOneRound() {
        Instant longAgo = Instant.parse("2001-01-01T00:00:00Z");
        long before = CallCounter.snapshot().getOrDefault("Query", 0L);
        long rounds = rounds(() -> sweep.run("idle", longAgo, Duration.ofSeconds(30), 0));
        assertThat(CallCounter.snapshot().getOrDefault("Query", 0L) - before).as("one Query per shard")
                .isEqualTo(16);
        assertThat(rounds).as("all at once").isEqualTo(1);
    }

    private Object apply(Order order, String eventId, long secondsAgo) {
        return snapshots.apply(tenant, order, new SnapshotSource(eventId, now.minusSeconds(secondsAgo), "test"),
                now);
    }

    private Order stored(String key, OrderStatus status) {
        Order order = TestOrders.order(key).status(status).placedAt(now.minusSeconds(7200))
                .shipBy(now.plus(Duration.ofDays(2))).buyer("buyer-" + tenant.value()).build();
        apply(order, "stored-" + key, 120);
        return order;
    }

    private OrderRequest buyerRequest(String id) {
        return new OrderRequest(id, Initiator.BUYER, CancelReason.CHANGE_OF_MIND, Channel.PLATFORM_REQUEST,
                now.minusSeconds(10), null);
    }

    private static long rounds(Supplier<Object> operation) {
        long before = CallCounter.rounds();
        operation.get();
        return CallCounter.rounds() - before;
    }
}
