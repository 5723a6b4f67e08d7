package com.orderguard.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.orderguard.application.port.OrderChangeStore;
import com.orderguard.application.port.OrderChangeStore.OrderChange;
import com.orderguard.application.port.OrderStore;
import com.orderguard.domain.HistoryEntry;
import com.orderguard.domain.OrderKey;
import com.orderguard.domain.OrderState;
import com.orderguard.domain.TenantId;
import com.orderguard.domain.deadline.Hold;

/**
 * The manual override "do not auto-cancel this order": who set it, until when and why. While it stands, the sweep
 * neither auto-cancels the order nor auto-approves a request that would cancel it; the due-time index entry moves
 * to the hold's end.
 */
public class Holds {

    private final OrderStore orders;
    private final OrderChangeStore store;
    private final DeadlineService deadlines;

    public Holds(OrderStore orders, OrderChangeStore store, DeadlineService deadlines) {
        this.orders = orders;
        this.store = store;
        this.deadlines = deadlines;
    }

    /** Sets (or replaces) the hold; empty when the tenant has no such order. */
    public Optional<StoredOrder> hold(TenantId tenant, OrderKey key, Hold hold, Instant now) {
        return change(tenant, key, hold, "AUTO_CANCEL_HOLD", "auto-cancel held until " + hold.until() + " by "
                + hold.by(), Optional.empty(), now);
    }

    /** Lifts the hold, if any; empty when the tenant has no such order. */
    public Optional<StoredOrder> lift(TenantId tenant, OrderKey key, String by, Instant now) {
        Optional<StoredOrder> current = orders.find(tenant, key);
        if (current.isEmpty() || current.get().timers().hold() == null) {
            return current;
        }
        return change(tenant, key, null, "AUTO_CANCEL_HOLD_LIFTED", "auto-cancel hold lifted by " + by, current,
                now);
    }

    /** @param read the order as just read (its first attempt then needs no second read), or empty */
    private Optional<StoredOrder> change(TenantId tenant, OrderKey key, Hold hold, String kind, String summary,
            Optional<StoredOrder> read, Instant now) {
        return Retry.WRITES.run(attempt -> {
            Optional<StoredOrder> found = attempt == 1 && read.isPresent() ? read : orders.find(tenant, key);
            if (found.isEmpty()) {
                return Retry.done(Optional.empty());
            }
            StoredOrder before = found.get();
            OrderState held = before.state().withTimers(before.timers().withHold(hold));
            OrderChange commit = OrderChange.of(before, now)
                    .state(held, deadlines.next(held.order(), held.timers()))
                    .history(List.of(new HistoryEntry(now, kind, summary, "hold-" + now.toEpochMilli()))).build();
            return Retry.committed(store.commit(commit), Optional::of);
        }, "order " + key + " kept changing while setting its hold");
    }
}
