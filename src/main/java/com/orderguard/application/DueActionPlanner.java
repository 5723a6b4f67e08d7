package com.orderguard.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.orderguard.application.port.OrderChangeStore.OrderChange;
import com.orderguard.domain.Order;
import com.orderguard.domain.OrderEffect;
import com.orderguard.domain.deadline.DueAction;
import com.orderguard.domain.deadline.DueActionEffects;
import com.orderguard.domain.decision.PolicyCatalog;

/**
 * Plans what is due for one order as one order change, for the sweep to commit: the due actions (from the order's
 * timers) and their effect ({@link DueActionEffects}), with the order's next due time and the shop's counts.
 */
class DueActionPlanner {

    private final PolicyCatalog catalog;
    private final DeadlineService deadlines;

    DueActionPlanner(PolicyCatalog catalog, DeadlineService deadlines) {
        this.catalog = catalog;
        this.deadlines = deadlines;
    }

    /** The change for what is due on {@code before} at {@code now}, or empty when nothing is. */
    Optional<OrderChange> plan(StoredOrder before, Instant now) {
        List<DueAction> actions = deadlines.due(before.order(), before.timers(), now);
        if (actions.isEmpty()) {
            return Optional.empty();
        }
        OrderEffect effect = DueActionEffects.apply(before.state(), actions, catalog, now);
        // the sweep looks at the shop at the end of its run: the mark keeps that look if the run dies before
        boolean lookLater = effect.countsAgainstSeller() && hasMetrics(effect.state().order(), now);
        return Optional.of(EffectChanges.of(before, effect, deadlines, lookLater, now).build());
    }

    /** Whether the shop's metrics are watched: the pack in force for its site names some. */
    private boolean hasMetrics(Order order, Instant now) {
        return catalog.inForce(order.marketplace(), order.site(), null, now)
                .map(pack -> !pack.health().metrics().isEmpty()).orElse(false);
    }
}
