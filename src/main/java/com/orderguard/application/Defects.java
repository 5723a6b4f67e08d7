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

    /** What recording did; {@code DEFECT_ID_REUSED}: the id was recorded before with another type. */
    public enum Result { RECORDED, ALREADY_RECORDED, DEFECT_ID_REUSED, ORDER_NOT_FOUND }

    public Result record(TenantId tenant, OrderKey key, Defect defect, Instant now) {
        return Retry.WRITES.run(attempt -> {
            Optional<StoredOrder> found = orders.find(tenant, key);
            if (found.isEmpty()) {
                return Retry.done(Result.ORDER_NOT_FOUND);
            }
            StoredOrder before = found.get();
            ShopCounts counts = health.counted(ShopKey.of(before.order()), MetricEvents.ofDefect(before.order(),
                    defect.reportedAt(), deadlines.zoneOf(before.order())), now);
            OrderChange commit = OrderChange.of(before, now).history(List.of(new HistoryEntry(now, "DEFECT",
                    defect.type() + " recorded", "defect-" + defect.defectId()))).counts(counts)
                    .marker(marker(defect), Fingerprints.ofDefect(defect)).build();
            CommitResult result = store.commit(commit);
            if (result instanceof CommitResult.Conflict conflict
                    && conflict.reason() == CommitResult.Reason.ALREADY_RECORDED) {
                // a repeat (its first commit left the shop's look mark, if it needed one), or the id reused
                return Retry.done(orders.markerFingerprint(tenant, key, marker(defect))
                        .filter(recorded -> !recorded.equals(Fingerprints.ofDefect(defect))).isPresent()
                        ? Result.DEFECT_ID_REUSED : Result.ALREADY_RECORDED);
            }
            return Retry.committed(result, committed -> Result.RECORDED);
        }, "order " + key + " kept changing while recording a defect");
    }

    private static String marker(Defect defect) {
        return "F#" + defect.defectId();
    }
}
