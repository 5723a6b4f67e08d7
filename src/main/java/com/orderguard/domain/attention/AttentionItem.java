package com.orderguard.domain.attention;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.orderguard.domain.Order;
import com.orderguard.domain.OrderKey;
import com.orderguard.domain.PendingRequest;
import com.orderguard.domain.deadline.OrderTimers;
import com.orderguard.domain.deadline.Timers;
import com.orderguard.domain.decision.Outcome;
import com.orderguard.domain.health.ShopKey;

/**
 * One thing on an order that needs the seller: what (the kind), by when ({@code dueAt}), on which order and shop,
 * and what the kind adds ({@code requestId} and {@code ifNoResponse} of a pending request, {@code autoCancelAt} of a
 * ship-by). Derived from the order's state alone, so the stored items can be rewritten with every change of the
 * order and never drift from it.
 */
public record AttentionItem(AttentionKind kind, Instant dueAt, OrderKey orderKey, ShopKey shop, String requestId,
        Outcome ifNoResponse, Instant autoCancelAt) {

    /** The kinds an order can be stored under, one item each at most. */
    public static final List<AttentionKind> STORED = List.of(AttentionKind.REQUEST_PENDING, AttentionKind.SHIP_BY,
            AttentionKind.HOLD_ENDS);

    /**
     * The open items of an order in this state, as stored: a pending request while the order goes on; a ship-by
     * while its ship-by clock runs; a hold's end while the order is neither shipped nor ended.
     */
    public static List<AttentionItem> open(Order order, OrderTimers timers) {
        List<AttentionItem> open = new ArrayList<>();
        ShopKey shop = ShopKey.of(order);
        PendingRequest pending = timers.pending();
        if (pending != null && !order.status().terminal()) {
            open.add(new AttentionItem(AttentionKind.REQUEST_PENDING, pending.respondBy(), order.key(), shop,
                    pending.requestId(), pending.ifNoResponse(), null));
        }
        Instant shipBy = timers.deadlines().shipBy();
        if (shipBy != null && Timers.shipClockRuns(order)) {
            open.add(new AttentionItem(AttentionKind.SHIP_BY, shipBy, order.key(), shop, null, null,
                    timers.deadlines().autoCancelAt()));
        }
        if (timers.hold() != null && !order.status().terminal() && !order.status().shipped()) {
            open.add(new AttentionItem(AttentionKind.HOLD_ENDS, timers.hold().until(), order.key(), shop, null, null,
                    null));
        }
        return open;
    }

    /** The item as the inbox shows it at {@code now}: a ship-by that has passed is OVERDUE. */
    public AttentionItem at(Instant now) {
        boolean overdue = kind.stored() == AttentionKind.SHIP_BY && dueAt.isBefore(now);
        AttentionKind shown = kind.stored() == AttentionKind.SHIP_BY
                ? (overdue ? AttentionKind.OVERDUE : AttentionKind.SHIP_BY) : kind;
        return shown == kind ? this
                : new AttentionItem(shown, dueAt, orderKey, shop, requestId, ifNoResponse, autoCancelAt);
    }

    /**
     * Whether the inbox lists the item at {@code now}: a pending request whatever its due time, anything else when
     * due within {@code within} (an overdue ship-by always).
     */
    public boolean listedAt(Instant now, Duration within) {
        return kind == AttentionKind.REQUEST_PENDING || !dueAt.isAfter(now.plus(within));
    }
}
