package com.orderguard.application;

import com.orderguard.domain.PendingRequest;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.orderguard.domain.Order;
import com.orderguard.domain.OrderStatus;
import com.orderguard.domain.TenantId;
import com.orderguard.domain.decision.CancelReason;
import com.orderguard.domain.decision.OrderRequest;
import com.orderguard.domain.decision.Channel;
import com.orderguard.domain.decision.Initiator;
import com.orderguard.domain.decision.Outcome;
import com.orderguard.domain.decision.RequestStatus;
import com.orderguard.support.Profiles;
import com.orderguard.support.TestOrders;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Races on the same order, against DynamoDB Local: a cancellation against a ship event, two resolutions of one
 * pending request, and one request submitted many times at once. Exactly one side wins each race.
 */
@QuarkusTest
@TestProfile(Profiles.Ingest.class)
class CancellationRaceTest {

    static final TenantId TENANT = new TenantId("tenant-race");
    static ExecutorService pool;

    @Inject
    OrderSnapshots snapshots;

    @Inject
    Cancellations cancellations;

    @Inject
    OrderQueries queries;

    @BeforeAll
    static void start() {
        pool = Executors.newFixedThreadPool(8);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    static String newId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    Order stored(String key, OrderStatus status) {
        Instant now = Instant.now();
        Order order = TestOrders.order(key).status(status).placedAt(now.minus(Duration.ofHours(3)))
                .shipBy(now.plus(Duration.ofDays(1))).build();
        snapshots.apply(TENANT, order, new SnapshotSource("seed-" + key, now.minusSeconds(60), "test"), now);
        return order;
    }

    static OrderRequest request(String id, Initiator initiator, CancelReason reason) {
        return new OrderRequest(id, initiator, reason, Channel.PLATFORM_REQUEST, Instant.now(), null);
    }

    <T> List<T> race(List<Callable<T>> calls) throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(calls.size());
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> call : calls) {
            futures.add(pool.submit(() -> {
                barrier.await();
                return call.call();
            }));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get());
        }
        return results;
    }

    @Test
    void cancellationRacingAShipEvent_neverBothWin() throws Exception {
        int cancelledFirst = 0;
        int shippedFirst = 0;
        for (int round = 0; round < 25; round++) {
            String key = "amazon.US.race-" + newId();
            Order order = stored(key, OrderStatus.AWAITING_SHIPMENT);
            Order shipped = order.withStatus(OrderStatus.IN_TRANSIT);
            OrderRequest cancel = request("cancel-" + round, Initiator.SELLER, CancelReason.OUT_OF_STOCK);
            List<Object> results = race(List.of(
                    () -> cancellations.request(TENANT, order.key(), cancel, Instant.now()),
                    () -> snapshots.apply(TENANT, shipped, new SnapshotSource("ship-" + key, Instant.now(), "test"),
                            Instant.now())));
            RequestOutcome.Recorded decided = (RequestOutcome.Recorded) results.get(0);
            SnapshotOutcome ship = (SnapshotOutcome) results.get(1);
            OrderRecord record = queries.view(TENANT, order.key()).orElseThrow();
            OrderStatus status = record.stored().order().status();
            if (status == OrderStatus.CANCELLED) {
                cancelledFirst++;
                assertThat(decided.record().decision().outcome()).isEqualTo(Outcome.APPROVED);
                assertThat(ship).isInstanceOf(SnapshotOutcome.Conflicting.class);
                assertThat(record.stored().cancelledBy()).isEqualTo("cancel-" + round);
            } else {
                shippedFirst++;
                assertThat(status).isEqualTo(OrderStatus.IN_TRANSIT);
                assertThat(ship).isInstanceOf(SnapshotOutcome.Applied.class);
                assertThat(decided.record().decision().outcome()).isEqualTo(Outcome.REJECTED);
                assertThat(record.stored().cancelledBy()).isNull();
            }
            assertThat(record.requests()).hasSize(1);
        }
        System.out.printf("cancellation vs ship: %d rounds, cancellation won %d, ship won %d, both won 0%n",
                cancelledFirst + shippedFirst, cancelledFirst, shippedFirst);
    }

    @Test
    void twoResolutionsOfOnePendingRequest_exactlyOneWins() throws Exception {
        for (int round = 0; round < 20; round++) {
            String key = "shopee.MY.race-" + newId();
            Order order = stored(key, OrderStatus.SHIPMENT_ARRANGED);
            String requestId = "pending-" + round;
            RequestOutcome first = cancellations.request(TENANT, order.key(),
                    request(requestId, Initiator.BUYER, CancelReason.CHANGE_OF_MIND), Instant.now());
            assertThat(((RequestOutcome.Recorded) first).record().status()).isEqualTo(RequestStatus.PENDING);

            List<RequestOutcome> results = race(List.of(
                    () -> cancellations.resolve(TENANT, order.key(), requestId, true, null, Instant.now()),
                    () -> cancellations.resolve(TENANT, order.key(), requestId, false, null, Instant.now())));

            assertThat(results).filteredOn(r -> r instanceof RequestOutcome.Resolved).hasSize(1);
            assertThat(results).filteredOn(r -> r instanceof RequestOutcome.NotPending).hasSize(1);
            boolean approveWon = results.get(0) instanceof RequestOutcome.Resolved;
            OrderRecord record = queries.view(TENANT, order.key()).orElseThrow();
            assertThat(record.requests().get(0).status())
                    .isEqualTo(approveWon ? RequestStatus.APPROVED : RequestStatus.REJECTED);
            assertThat(record.stored().order().status())
                    .isEqualTo(approveWon ? OrderStatus.CANCELLED : OrderStatus.SHIPMENT_ARRANGED);
            assertThat(record.stored().pending()).isNull();
        }
    }

    @Test
    void theSameRequestSubmittedEightTimesAtOnce_isDecidedOnce() throws Exception {
        String key = "shopee.MY.race-" + newId();
        Order order = stored(key, OrderStatus.AWAITING_SHIPMENT);
        OrderRequest request = request("same-" + newId(), Initiator.BUYER, CancelReason.CHANGE_OF_MIND);
        List<Callable<RequestOutcome>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> cancellations.request(TENANT, order.key(), request, Instant.now()));
        }
        List<RequestOutcome> results = race(calls);
        assertThat(results).filteredOn(r -> r instanceof RequestOutcome.Recorded).hasSize(1);
        assertThat(results).filteredOn(r -> r instanceof RequestOutcome.Replayed).hasSize(7);
        OrderRecord record = queries.view(TENANT, order.key()).orElseThrow();
        assertThat(record.requests()).hasSize(1);
        assertThat(record.history()).filteredOn(h -> h.kind().equals("CANCELLATION_DECIDED")).hasSize(1);
    }
}
