package com.orderguard.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.orderguard.application.port.OrderChangeStore;
import com.orderguard.application.port.OrderChangeStore.CommitResult;
import com.orderguard.application.port.OrderChangeStore.OrderChange;
import com.orderguard.application.port.OrderStore;
import com.orderguard.domain.HistoryEntry;
import com.orderguard.domain.OrderKey;
import com.orderguard.domain.TenantId;
import com.orderguard.domain.health.Defect;
import com.orderguard.domain.health.MetricEvents;
import com.orderguard.domain.health.ShopKey;

/** Records order defects (ODR): each defect id counts once, on the order's date, in the shop's buckets. */
public class Defects {

    private static final int MAX_ATTEMPTS = 8;

    private final OrderStore orders;
    private final OrderChangeStore store;
    private final DeadlineService deadlines;
    private final ShopHealthService health;

    public Defects(OrderStore orders, OrderChangeStore store, DeadlineService deadlines, ShopHealthService health) {
        this.orders = orders;
        this.store = store;
        this.deadlines = deadlines;
        this.health = health;
    }

    /** What recording did. */
    public enum Result { RECORDED, ALREADY_RECORDED, ORDER_NOT_FOUND }

    public Result record(TenantId tenant, OrderKey key, Defect defect, Instant now) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Optional<StoredOrder> found = orders.find(tenant, key);
            if (found.isEmpty()) {
                return Result.ORDER_NOT_FOUND;
            }
            StoredOrder before = found.get();
            ShopCounts counts = new ShopCounts(ShopKey.of(before.order()), MetricEvents.ofDefect(before.order(),
                    defect.reportedAt(), deadlines.zoneOf(before.order())));
            OrderChange commit = new OrderChange(before, before.order(), before.timers(), before.cancelledBy(),
                    before.nextDueAt(), List.of(), List.of(), List.of(new HistoryEntry(now, "DEFECT",
                            defect.type() + " recorded", "defect-" + defect.defectId())), List.of(), null, counts,
                    "F#" + defect.defectId(), now);
            CommitResult result = store.commit(commit);
            if (result instanceof CommitResult.Committed) {
                health.afterCounting(tenant, counts, now);
                return Result.RECORDED;
            }
            if (result instanceof CommitResult.Conflict conflict
                    && conflict.reason() == CommitResult.Reason.ALREADY_RECORDED) {
                // a repeat: the first attempt may have failed after its commit, before the metrics were looked at
                health.watch(tenant, counts.shop(), now);
                return Result.ALREADY_RECORDED;
            }
            Backoff.pause(attempt);
        }
        throw new ConcurrentUpdateException("order " + key + " kept changing while recording a defect");
    }
}
