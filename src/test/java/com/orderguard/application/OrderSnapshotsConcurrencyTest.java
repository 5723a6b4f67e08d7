package com.orderguard.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.orderguard.adapter.json.OrderJson;
import com.orderguard.domain.FieldErrors;
import com.orderguard.domain.Order;
import com.orderguard.domain.OrderStatus;
import com.orderguard.domain.OrderValidator;
import com.orderguard.domain.TenantId;
import com.orderguard.support.Orders;
import com.orderguard.support.Profiles;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Concurrent writers of one order, against DynamoDB Local: the newest snapshot wins, every event lands once. */
@QuarkusTest
@TestProfile(Profiles.Ingest.class)
class OrderSnapshotsConcurrencyTest {

    static final Instant BASE = Instant.parse("2024-11-20T10:00:00Z");

    @Inject
    OrderSnapshots snapshots;

    @Inject
    OrderQueries queries;

    static Order order(String id, OrderStatus status) {
        return OrderValidator.validate(OrderJson.read(Orders.shopee(id, status.name()), "", new FieldErrors()), "")
                .valueOrNull();
    }

    @Test
    void concurrentSnapshotsAndDuplicates_leaveTheNewest_withOneHistoryEntryPerAppliedChange() throws Exception {
        String id = "C" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        TenantId tenant = new TenantId("tenant-race");
        OrderStatus[] statuses = OrderStatus.values();
        List<Callable<SnapshotOutcome>> calls = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            int n = i % 12;
            OrderStatus status = statuses[n % statuses.length];
            SnapshotSource source = new SnapshotSource("evt-" + n, BASE.plusSeconds(n), "test");
            calls.add(() -> snapshots.apply(tenant, order(id, status), source, Instant.now()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<SnapshotOutcome> outcomes = new ArrayList<>();
        try {
            for (Future<SnapshotOutcome> future : pool.invokeAll(calls)) {
                outcomes.add(future.get());
            }
        } finally {
            pool.shutdown();
        }

        OrderRecord stored = queries.view(tenant, order(id, OrderStatus.UNPAID).key()).orElseThrow();
        assertThat(stored.stored().stamp().eventId()).isEqualTo("evt-11");
        assertThat(stored.stored().stamp().occurredAt()).isEqualTo(BASE.plusSeconds(11));
        long applied = outcomes.stream().filter(o -> o instanceof SnapshotOutcome.Applied).count();
        assertThat(stored.stored().version()).isEqualTo(applied);
        assertThat(applied).isBetween(1L, 12L);
        assertThat(stored.history()).hasSizeLessThanOrEqualTo((int) applied);
        assertThat(outcomes).noneMatch(o -> o instanceof SnapshotOutcome.EventIdReused);
    }
}
