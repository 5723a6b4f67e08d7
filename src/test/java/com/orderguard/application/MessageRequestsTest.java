package com.orderguard.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.orderguard.application.MessageRequests.Handled;
import com.orderguard.application.MessageRequests.RequestMessage;
import com.orderguard.application.port.HealthStore;
import com.orderguard.application.port.OrderChangeStore;
import com.orderguard.application.port.OrderStore;
import com.orderguard.application.port.ReadRound;
import com.orderguard.application.port.Telemetry;
import com.orderguard.config.OrderGuardConfig;
import com.orderguard.domain.Order;
import com.orderguard.domain.OrderStatus;
import com.orderguard.domain.TenantId;
import com.orderguard.domain.decision.CancelReason;
import com.orderguard.domain.decision.Channel;
import com.orderguard.domain.decision.Initiator;
import com.orderguard.domain.decision.OrderRequest;
import com.orderguard.domain.decision.PolicyCatalog;
import com.orderguard.domain.decision.RequestType;
import com.orderguard.domain.health.Counter;
import com.orderguard.domain.health.DailyBucket;
import com.orderguard.domain.health.ShopKey;
import com.orderguard.support.CallCounter;
import com.orderguard.support.Profiles;
import com.orderguard.support.TestOrders;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A message's snapshot and the request on it in one transaction, against DynamoDB Local: each case ends exactly as
 * applying the snapshot and then recording the request one after the other ends (the order, its requests, its
 * history, the shop's buckets), in one {@code TransactWriteItems}; a redelivery writes nothing, a reused id writes
 * nothing, and a commit that loses to a concurrent request reads again and decides on the order as it then is.
 */
@QuarkusTest
@TestProfile(Profiles.SweepScale.class)
class MessageRequestsTest {

    @Inject
    MessageRequests messages;

    @Inject
    OrderSnapshots snapshots;

    @Inject
    Cancellations cancellations;

    @Inject
    OrderStore orders;

    @Inject
    OrderChangeStore changes;

    @Inject
    HealthStore healthStore;

    @Inject
    PolicyCatalog catalog;

    @Inject
    DeadlineService deadlines;

    @Inject
    ShopHealthService health;

    @Inject
    ReadRound round;

    @Inject
    OrderGuardConfig config;

    Instant now;
    String run;

    @BeforeEach
    void setUp() {
        now = Instant.now();
        run = Long.toString(System.nanoTime());
    }

    @Test
    void aNewOrderWithARequest_isStoredAndDecidedInOneTransaction_asInTwoSteps() {
        Order order = order("NEW", OrderStatus.SHIPMENT_ARRANGED, now.plus(Duration.ofDays(2))).build();
        Handled handled = sameAsInTwoSteps(List.of(), order, buyer("new-1"), null);
        assertThat(handled.snapshots()).singleElement().isInstanceOfSatisfying(SnapshotOutcome.Applied.class,
                applied -> assertThat(applied.created()).isTrue());
        assertThat(handled.request()).isInstanceOf(RequestOutcome.Recorded.class);
    }

    @Test
    void aSellerCancellationOnANewOrder_countsTheOrderAndTheCancellationInTheSameBucket() {
        Order order = order("SELLER", OrderStatus.AWAITING_SHIPMENT, now.plus(Duration.ofDays(2))).build();
        TenantId tenant = tenant("a");
        sameAsInTwoSteps(List.of(), order, seller("seller-1"), null);
        Map<Counter, Long> today = buckets(tenant, order).get(now.atZone(ZoneOffset.UTC).toLocalDate().toString());
        assertThat(today).containsEntry(Counter.ORDERS, 1L).containsEntry(Counter.CANCELLED_BY_SELLER, 1L);
    }

    @Test
    void anOlderSnapshot_isNotApplied_andTheRequestIsDecidedOnTheStoredOrder() {
        Order shipped = order("OLDER", OrderStatus.IN_TRANSIT, now.plus(Duration.ofDays(2))).carrier("UPS").build();
        Order older = order("OLDER", OrderStatus.SHIPMENT_ARRANGED, now.plus(Duration.ofDays(2))).build();
        Handled handled = sameAsInTwoSteps(List.of(shipped), older, buyer("older-1"), null, 300);
        assertThat(handled.snapshots()).singleElement().isInstanceOf(SnapshotOutcome.Stale.class);
        assertThat(stored(tenant("a"), older).order().status()).isEqualTo(OrderStatus.IN_TRANSIT);
    }

    @Test
    void aSnapshotThatShipsTheOrderLate_isCountedOnce_andTheRequestIsDecidedOnTheShippedOrder() {
        Instant late = now.minus(Duration.ofHours(1));
        Order arranged = order("SHIPS", OrderStatus.SHIPMENT_ARRANGED, late).build();
        Order shipped = order("SHIPS", OrderStatus.IN_TRANSIT, late).carrier("UPS").build();
        Handled handled = sameAsInTwoSteps(List.of(arranged), shipped, buyer("ships-1"), null);
        assertThat(handled.snapshots()).singleElement().isInstanceOf(SnapshotOutcome.Applied.class);
        assertThat(total(tenant("a"), shipped, Counter.SHIPPED)).isEqualTo(1);
        assertThat(total(tenant("a"), shipped, Counter.SHIPPED_LATE)).isEqualTo(1);
    }

    @Test
    void aSnapshotThatCancelsTheOrder_withASellerRequestOnIt() {
        Order waiting = order("CANCELS", OrderStatus.AWAITING_SHIPMENT, now.plus(Duration.ofDays(1))).build();
        Order cancelled = order("CANCELS", OrderStatus.CANCELLED, now.plus(Duration.ofDays(1))).build();
        sameAsInTwoSteps(List.of(waiting), cancelled, seller("cancels-1"), null);
        assertThat(stored(tenant("a"), cancelled).order().status()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void aRequestThePlatformCarriedOut_isRecordedThenTheSettledOrderApplied_inOneTransaction() {
        Order waiting = order("SETTLED", OrderStatus.AWAITING_SHIPMENT, now.plus(Duration.ofDays(1))).build();
        Order cancelled = order("SETTLED", OrderStatus.CANCELLED, now.plus(Duration.ofDays(1))).build();
        Handled handled = sameAsInTwoSteps(List.of(), waiting, seller("settled-1"), cancelled);
        assertThat(handled.snapshots()).hasSize(2).allMatch(s -> s instanceof SnapshotOutcome.Applied);
        assertThat(stored(tenant("a"), cancelled).order().status()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void theSameMessageAgain_writesNothing_andAnswersWithTheFirstDecision() {
        Order order = order("DUP", OrderStatus.SHIPMENT_ARRANGED, now.plus(Duration.ofDays(2))).build();
        RequestMessage message = message(tenant("a"), order, "dup-event", 60, buyer("dup-1"), null);
        RequestOutcome.Recorded first = (RequestOutcome.Recorded) messages.handle(message, now).request();
        long transactions = transactions();
        Handled again = messages.handle(message, now.plusSeconds(5));
        assertThat(transactions()).as("nothing written").isEqualTo(transactions);
        assertThat(again.snapshots()).singleElement().isInstanceOf(SnapshotOutcome.Duplicate.class);
        assertThat(again.request()).isEqualTo(new RequestOutcome.Replayed(first.record()));
        assertThat(stored(tenant("a"), order).version()).isEqualTo(1);
    }

    @Test
    void anEventIdUsedForAnotherOrder_isRejected_andNothingIsWritten() {
        TenantId tenant = tenant("a");
        Order other = order("OTHER", OrderStatus.SHIPMENT_ARRANGED, now.plus(Duration.ofDays(2))).build();
        snapshots.apply(tenant, other, new SnapshotSource("reused-event", now.minusSeconds(60), "test"), now);
        Order order = order("REUSED-EVENT", OrderStatus.SHIPMENT_ARRANGED, now.plus(Duration.ofDays(2))).build();
        Handled handled = messages.handle(message(tenant, order, "reused-event", 30, buyer("re-1"), null), now);
        assertThat(handled.snapshots()).singleElement().isInstanceOf(SnapshotOutcome.EventIdReused.class);
        assertThat(handled.request()).isNull();
        assertThat(orders.load(tenant, order.key())).as("no order, no request").isEmpty();
    }

    @Test
    void aRequestIdUsedForAnotherRequest_isRejected_andTheNewerSnapshotIsNotWrittenEither() {
        TenantId tenant = tenant("a");
        Order arranged = order("REUSED-REQ", OrderStatus.SHIPMENT_ARRANGED, now.plus(Duration.ofDays(2))).build();
        messages.handle(message(tenant, arranged, "first", 60, buyer("same-id"), null), now);
        Order shipped = order("REUSED-REQ", OrderStatus.IN_TRANSIT, now.plus(Duration.ofDays(2))).carrier("UPS")
                .build();
        OrderRequest other = new OrderRequest("same-id", Initiator.BUYER, CancelReason.OTHER,
                Channel.PLATFORM_REQUEST, now.minusSeconds(5), "another request");
        Handled handled = messages.handle(message(tenant, shipped, "second", 30, other, null), now);
        assertThat(handled.request()).isInstanceOf(RequestOutcome.RequestIdReused.class);
        assertThat(handled.snapshots()).isEmpty();
        StoredOrder stored = stored(tenant, arranged);
        assertThat(stored.order().status()).isEqualTo(OrderStatus.SHIPMENT_ARRANGED);
        assertThat(stored.stamp().eventId()).isEqualTo("first");
        assertThat(stored.version()).isEqualTo(1);
    }

    @Test
    void aMessageThatLosesToAConcurrentRequest_readsAgain_andDecidesOnTheOrderAsItThenIs() {
        TenantId tenant = tenant("a");
        Order waiting = order("RACE", OrderStatus.AWAITING_SHIPMENT, now.plus(Duration.ofDays(2))).build();
        snapshots.apply(tenant, waiting, new SnapshotSource("race-0", now.minusSeconds(120), "test"), now);
        AtomicInteger reads = new AtomicInteger();
        ReadRound racing = racing(round, reads, () -> cancellations.request(tenant, waiting.key(),
                seller("race-seller"), now));
        MessageRequests racer = new MessageRequests(orders, changes, catalog, deadlines, health, Telemetry.NONE,
                racing, new SeenOrders(0), config.eventRetention());
        Handled handled = racer.handle(message(tenant, waiting, "race-1", 60, buyer("race-buyer"), null), now);

        assertThat(reads).as("the first commit lost, and the order was read again").hasValue(2);
        assertThat(handled.snapshots()).as("the seller's cancellation stands against a snapshot that says waiting")
                .singleElement().isInstanceOf(SnapshotOutcome.Conflicting.class);
        OrderRecord record = orders.load(tenant, waiting.key()).orElseThrow();
        assertThat(record.stored().order().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(record.stored().cancelledBy()).isEqualTo("race-seller");
        assertThat(record.requests()).extracting(RequestRecord::requestId)
                .containsExactlyInAnyOrder("race-seller", "race-buyer");
        assertThat(total(tenant, waiting, Counter.CANCELLED_BY_SELLER)).isEqualTo(1);
        assertThat(total(tenant, waiting, Counter.ORDERS)).isEqualTo(1);
    }

    /**
     * Runs the message on tenant "a" in one transaction, and the same as two steps on tenant "b" (the snapshot,
     * then the request on it, then any settled order), after the same {@code before} snapshots; both must end
     * alike. The message was observed {@code secondsAgo} (the {@code before} snapshots about two minutes ago).
     */
    private Handled sameAsInTwoSteps(List<Order> before, Order order, OrderRequest request, Order settled) {
        return sameAsInTwoSteps(before, order, request, settled, 60);
    }

    private Handled sameAsInTwoSteps(List<Order> before, Order order, OrderRequest request, Order settled,
            long secondsAgo) {
        TenantId combined = tenant("a");
        TenantId stepwise = tenant("b");
        for (int i = 0; i < before.size(); i++) {
            SnapshotSource source = new SnapshotSource("before-" + i, now.minusSeconds(120 - i), "test");
            snapshots.apply(combined, before.get(i), source, now);
            snapshots.apply(stepwise, before.get(i), source, now);
        }
        long transactions = transactions();
        RequestMessage message = message(combined, order, "message", secondsAgo, request, settled);
        Handled handled = messages.handle(message, now);
        assertThat(transactions()).as("one transaction").isEqualTo(transactions + 1);
        snapshots.apply(stepwise, order, message.source(), now);
        cancellations.request(stepwise, order.key(), request, order, now);
        if (settled != null) {
            snapshots.apply(stepwise, settled, message.settledSource(), now);
        }
        assertThat(state(combined, order)).isEqualTo(state(stepwise, order));
        assertThat(buckets(combined, order)).as("the shop's buckets").isEqualTo(buckets(stepwise, order))
                .isNotEmpty();
        return handled;
    }

    /** What both ways must agree on: the order with its timers and stamp, its requests, its history. */
    private List<Object> state(TenantId tenant, Order order) {
        OrderRecord record = orders.load(tenant, order.key()).orElseThrow();
        StoredOrder stored = record.stored();
        List<Object> state = new ArrayList<>(List.of(stored.order(), stored.timers(), stored.stamp(),
                Optional.ofNullable(stored.cancelledBy()), Optional.ofNullable(stored.nextDueAt())));
        record.requests().forEach(r -> state.add(List.of(r.requestId(), r.status(), r.decision().outcome(),
                r.decision().kind())));
        record.history().stream().sorted(Comparator.comparing(h -> h.at().toString() + h.reference()))
                .forEach(h -> state.add(List.of(h.kind(), h.summary(), h.reference())));
        return state;
    }

    /** The shop's counts per day. */
    private Map<String, Map<Counter, Long>> buckets(TenantId tenant, Order order) {
        Map<String, Map<Counter, Long>> days = new TreeMap<>();
        for (DailyBucket bucket : healthStore.load(tenant, ShopKey.of(order),
                now.minus(Duration.ofDays(30)).atZone(ZoneOffset.UTC).toLocalDate()).buckets()) {
            Map<Counter, Long> counts = new TreeMap<>();
            bucket.counts().forEach((counter, n) -> {
                if (n != 0) {
                    counts.put(counter, n);
                }
            });
            days.merge(bucket.day().toString(), counts, (a, b) -> {
                Map<Counter, Long> sum = new TreeMap<>(a);
                b.forEach((counter, n) -> sum.merge(counter, n, Long::sum));
                return sum;
            });
        }
        return days;
    }

    private long total(TenantId tenant, Order order, Counter counter) {
        return buckets(tenant, order).values().stream().mapToLong(day -> day.getOrDefault(counter, 0L)).sum();
    }

    private StoredOrder stored(TenantId tenant, Order order) {
        return orders.find(tenant, order.key()).orElseThrow();
    }

    private RequestMessage message(TenantId tenant, Order order, String eventId, long secondsAgo,
            OrderRequest request, Order settled) {
        return new RequestMessage(tenant, order, new SnapshotSource(eventId, now.minusSeconds(secondsAgo), "test"),
                request, RequestType.CANCELLATION, settled);
    }

    private TestOrders order(String id, OrderStatus status, Instant shipBy) {
        return TestOrders.order("shopee.MY." + id).status(status).placedAt(now.minus(Duration.ofHours(3)))
                .shipBy(shipBy).buyer("buyer-" + run);
    }

    private TenantId tenant(String side) {
        return new TenantId("msg-" + side + "-" + run);
    }

    private OrderRequest buyer(String id) {
        return new OrderRequest(id, Initiator.BUYER, CancelReason.CHANGE_OF_MIND, Channel.PLATFORM_REQUEST,
                now.minusSeconds(10), null);
    }

    private OrderRequest seller(String id) {
        return new OrderRequest(id, Initiator.SELLER, CancelReason.OUT_OF_STOCK, Channel.PLATFORM_REQUEST,
                now.minusSeconds(10), null);
    }

    private static long transactions() {
        return CallCounter.snapshot().getOrDefault("TransactWriteItems", 0L);
    }

    /** The reads of {@code round}; after the first round, {@code concurrent} changes the order just read. */
    private static ReadRound racing(ReadRound round, AtomicInteger rounds, Runnable concurrent) {
        return new ReadRound() {
            @Override
            public <T> List<T> all(List<Callable<T>> reads) {
                List<T> results = round.all(reads);
                if (rounds.incrementAndGet() == 1) {
                    concurrent.run();
                }
                return results;
            }
        };
    }
}
