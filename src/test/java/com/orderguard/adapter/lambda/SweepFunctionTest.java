package com.orderguard.adapter.lambda;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderguard.application.Cancellations;
import com.orderguard.application.DeadlineService;
import com.orderguard.application.Holds;
import com.orderguard.application.OrderQueries;
import com.orderguard.application.OrderRecord;
import com.orderguard.application.OrderSnapshots;
import com.orderguard.domain.decision.RequestStatus;
import com.orderguard.application.ShopHealthService;
import com.orderguard.application.Sweep;
import com.orderguard.application.SweepReport;
import com.orderguard.application.SnapshotSource;
import com.orderguard.application.port.OrderChangeStore;
import com.orderguard.application.port.Correlation;
import com.orderguard.application.port.OrderStore;
import com.orderguard.application.port.ReadRound;
import com.orderguard.application.port.Telemetry;
import com.orderguard.domain.Marketplace;
import com.orderguard.domain.OrderKey;
import com.orderguard.domain.Order;
import com.orderguard.domain.OrderStatus;
import com.orderguard.domain.TenantId;
import com.orderguard.domain.deadline.Hold;
import com.orderguard.domain.decision.CancelReason;
import com.orderguard.domain.decision.OrderRequest;
import com.orderguard.domain.decision.Channel;
import com.orderguard.domain.decision.Initiator;
import com.orderguard.domain.decision.PolicyCatalog;
import com.orderguard.support.Events;
import com.orderguard.support.LocalDynamo;
import com.orderguard.support.Profiles;
import com.orderguard.support.TestOrders;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The {@code sweep} function applies what the platforms do when deadlines pass, against DynamoDB Local. */
@QuarkusTest
@TestProfile(Profiles.Sweep.class)
class SweepFunctionTest {

    static final TenantId TENANT = new TenantId("tenant-sweep");

    @Inject
    OrderSnapshots snapshots;

    @Inject
    Cancellations cancellations;

    @Inject
    Holds holds;

    @Inject
    OrderQueries queries;

    @Inject
    OrderStore orderStore;

    @Inject
    OrderChangeStore cancellationStore;

    @Inject
    DeadlineService deadlines;

    @Inject
    PolicyCatalog catalog;

    @Inject
    ShopHealthService health;

    LocalDynamo dynamo;

    Order store(String site, OrderStatus status, Instant shipBy) {
        String key = "shopee." + site + ".S" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Instant now = Instant.now();
        Order order = TestOrders.order(key).status(status).placedAt(now.minus(Duration.ofDays(20)))
                .shipBy(shipBy).build();
        snapshots.apply(TENANT, order, new SnapshotSource("e-" + key, now.minusSeconds(5), "test"), now);
        return order;
    }

    static JsonNode sweep() {
        String event = "{\"id\":\"run-" + UUID.randomUUID() + "\",\"detail-type\":\"Scheduled Event\","
                + "\"source\":\"aws.scheduler\",\"time\":\"" + Instant.now() + "\"}";
        return Events.parse(given().contentType("application/json").body(event)
                .post().then().statusCode(200).extract().asString());
    }

    List<String> outbox(Order order, String type) {
        return dynamo.scan().stream()
                .filter(item -> "OUTBOX".equals(item.get("type").s()))
                .filter(item -> item.get("orderKey").s().equals(order.key().toString()))
                .map(item -> item.get("eventType").s()).filter(type::equals).toList();
    }

    OrderRecord view(Order order) {
        return queries.view(TENANT, order.key()).orElseThrow();
    }

    @Test
    void anOrderPastItsAutoCancelTime_isCancelledOnce_asTheRulesSay() {
        Order late = store("MY", OrderStatus.AWAITING_SHIPMENT, Instant.now().minus(Duration.ofDays(10)));

        JsonNode first = sweep();
        JsonNode second = sweep();

        OrderRecord record = view(late);
        assertThat(record.stored().order().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(record.stored().cancelledBy()).isEqualTo("auto-cancel");
        assertThat(record.requests()).singleElement().satisfies(request -> {
            assertThat(request.request().reason()).isEqualTo(CancelReason.LATE_SHIPMENT);
            assertThat(request.decision().countsAgainstSeller()).isTrue();
            assertThat(request.decision().rules().get(0).id()).isEqualTo("shopee.my.auto-cancel-late-shipment");
        });
        assertThat(outbox(late, "OrderAutoCancelled")).hasSize(1);
        assertThat(record.stored().nextDueAt()).isNull();
        assertThat(first.get("complete").asBoolean()).isTrue();
        assertThat(first.findValues("acted").stream().mapToInt(JsonNode::asInt).sum()).isPositive();
        assertThat(second.findValues("acted").stream().mapToInt(JsonNode::asInt).sum()).isZero();
    }

    @Test
    void anOrderFirstSeenThreeHoursBeforeShipBy_getsOneWarning_theMostUrgent() {
        Order soon = store("MY", OrderStatus.SHIPMENT_ARRANGED, Instant.now().plus(Duration.ofHours(3)));
        sweep();
        sweep();
        assertThat(outbox(soon, "ShipByApproaching")).hasSize(1);
        OrderRecord record = view(soon);
        assertThat(record.stored().timers().warned()).containsExactlyInAnyOrder(Duration.ofHours(24),
                Duration.ofHours(4));
        assertThat(record.stored().nextDueAt()).isEqualTo(record.stored().timers().deadlines().shipBy());
        assertThat(record.stored().order().status()).isEqualTo(OrderStatus.SHIPMENT_ARRANGED);
    }

    @Test
    void aHeldOrder_isNotCancelled_andComesBackWhenTheHoldEnds() throws InterruptedException {
        Order held = store("MY", OrderStatus.AWAITING_SHIPMENT, Instant.now().minus(Duration.ofDays(10)));
        Instant until = Instant.now().plus(Duration.ofSeconds(2)).truncatedTo(ChronoUnit.SECONDS);
        holds.hold(TENANT, held.key(), new Hold(until, "ops@seller", "courier strike", Instant.now()),
                Instant.now());
        sweep();
        OrderRecord record = view(held);
        assertThat(record.stored().order().status()).isEqualTo(OrderStatus.AWAITING_SHIPMENT);
        assertThat(record.stored().nextDueAt()).isEqualTo(until);
        assertThat(outbox(held, "OrderAutoCancelled")).isEmpty();

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), until).toMillis()) + 100);
        sweep();
        OrderRecord after = view(held);
        assertThat(after.stored().timers().hold()).isNull();
        assertThat(after.history()).anySatisfy(entry -> assertThat(entry.kind()).isEqualTo("HOLD_ENDED"));
        assertThat(after.stored().order().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(outbox(held, "OrderAutoCancelled")).hasSize(1);
    }

    @Test
    void unansweredRequests_areApprovedOrRejectedAsEachPlatformDoes() {
        Order my = store("MY", OrderStatus.SHIPMENT_ARRANGED, Instant.now().plus(Duration.ofDays(5)));
        Order sg = store("SG", OrderStatus.SHIPMENT_ARRANGED, Instant.now().plus(Duration.ofDays(5)));
        Instant twoDaysAgo = Instant.now().minus(Duration.ofDays(2));
        for (Order order : List.of(my, sg)) {
            cancellations.request(TENANT, order.key(), new OrderRequest("ask-1", Initiator.BUYER,
                    CancelReason.CHANGE_OF_MIND, Channel.PLATFORM_REQUEST, twoDaysAgo, null), Instant.now());
        }

        sweep();

        OrderRecord approved = view(my);
        assertThat(approved.stored().order().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(approved.requests().get(0).status()).isEqualTo(RequestStatus.APPROVED);
        assertThat(outbox(my, "RequestAutoApproved")).hasSize(1);
        OrderRecord rejected = view(sg);
        assertThat(rejected.stored().order().status()).isEqualTo(OrderStatus.SHIPMENT_ARRANGED);
        assertThat(rejected.requests().get(0).status()).isEqualTo(RequestStatus.REJECTED);
        assertThat(rejected.stored().pending()).isNull();
        assertThat(outbox(sg, "CancellationResolved")).hasSize(1);
    }

    @Test
    void aRequestLeftPending_onAnOrderThePlatformCancelled_isClosedAsSupersededAtItsDeadline() {
        Order order = store("MY", OrderStatus.SHIPMENT_ARRANGED, Instant.now().plus(Duration.ofDays(5)));
        cancellations.request(TENANT, order.key(), new OrderRequest("ask-1", Initiator.BUYER,
                CancelReason.CHANGE_OF_MIND, Channel.PLATFORM_REQUEST, Instant.now().minus(Duration.ofDays(2)), null),
                Instant.now());
        // the platform cancelled it (the buyer went to Shopee) before the sweep saw the request's deadline pass
        snapshots.apply(TENANT, order.withStatus(OrderStatus.CANCELLED), new SnapshotSource("e-cancel-"
                + order.key(), Instant.now().minusSeconds(1), "test"), Instant.now());
        assertThat(view(order).requests().get(0).status()).isEqualTo(RequestStatus.PENDING);

        sweep();
        sweep();

        OrderRecord record = view(order);
        assertThat(record.requests().get(0).status()).isEqualTo(RequestStatus.SUPERSEDED);
        assertThat(record.requests().get(0).resolution().by()).isEqualTo("ORDERGUARD");
        assertThat(record.stored().order().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(record.stored().cancelledBy()).as("cancelled by the platform, not by the request").isNull();
        assertThat(record.stored().pending()).isNull();
        assertThat(record.stored().nextDueAt()).isNull();
        assertThat(outbox(order, "CancellationResolved")).hasSize(1);
        assertThat(outbox(order, "RequestAutoApproved")).isEmpty();
    }

    @Test
    void theReport_countsPerShard_andPagesThroughEveryShard() {
        for (int i = 0; i < 30; i++) {
            store("MY", OrderStatus.AWAITING_SHIPMENT, Instant.now().minus(Duration.ofDays(10 + i)));
        }
        JsonNode report = sweep();
        assertThat(report.get("shards")).hasSize(16);
        int acted = 0;
        int pages = 0;
        for (JsonNode shard : report.get("shards")) {
            acted += shard.get("acted").asInt();
            pages += shard.get("pages").asInt();
            assertThat(shard.get("examined").asInt()).isEqualTo(shard.get("acted").asInt()
                    + shard.get("skipped").asInt() + shard.get("failed").asInt());
        }
        assertThat(acted).isGreaterThanOrEqualTo(30);
        assertThat(pages).isGreaterThanOrEqualTo(16);
    }

    @Test
    void sampleScheduleEventOfTheReadme_returnsAReport() throws Exception {
        String event = java.nio.file.Files.readString(java.nio.file.Path.of("events/schedule.json"));
        JsonNode report = Events.parse(given().contentType("application/json").body(event).post()
                .then().statusCode(200).extract().asString());
        assertThat(report.get("runId").asText()).isEqualTo("local-sweep-1");
        assertThat(report.get("shards")).hasSize(16);
    }

    @Test
    void aRun_reportsItsAutoCancelsWarningsAndLag_andNamesEachOrderInTheLog() {
        Order late = store("MY", OrderStatus.AWAITING_SHIPMENT, Instant.now().minus(Duration.ofDays(10)));
        Order soon = store("MY", OrderStatus.SHIPMENT_ARRANGED, Instant.now().plus(Duration.ofHours(3)));
        List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<SweepReport> runs = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<OrderKey> named = new java.util.concurrent.CopyOnWriteArrayList<>();
        Telemetry telemetry = new Telemetry() {
            @Override
            public void autoCancelled(Marketplace marketplace) {
                events.add("autoCancelled " + marketplace);
            }

            @Override
            public void shipByWarned(Marketplace marketplace) {
                events.add("warned " + marketplace);
            }

            @Override
            public void sweepRan(SweepReport report) {
                runs.add(report);
            }
        };
        Correlation correlation = (tenant, key) -> {
            named.add(key);
            return () -> {
            };
        };
        Sweep observed = new Sweep(orderStore, cancellationStore, deadlines, catalog, health,
                java.time.Clock.systemUTC(), 16, 50, telemetry, correlation, ReadRound.SEQUENTIAL);

        observed.run("observed", Instant.now(), Duration.ofSeconds(30), 0);

        assertThat(events).contains("autoCancelled SHOPEE", "warned SHOPEE");
        assertThat(runs).singleElement().satisfies(run -> {
            assertThat(run.maxLagSeconds()).isGreaterThanOrEqualTo(Duration.ofDays(3).toSeconds());
            assertThat(run.acted()).isGreaterThanOrEqualTo(2);
        });
        assertThat(named).contains(late.key(), soon.key());
    }
}
