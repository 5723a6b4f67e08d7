package com.orderguard.domain.deadline;

import java.time.Duration;
import java.time.Instant;

import com.orderguard.domain.OrderEffect;
import com.orderguard.domain.OrderState;
import com.orderguard.domain.PendingRequest;
import com.orderguard.domain.decision.PolicyCatalog;

/**
 * Something the sweep must do for an order now; {@link #effect} is what doing it changes, one pure function per
 * action ({@link DueActionEffects}).
 */
public sealed interface DueAction {

    /** When it became due (for the lag the sweep reports). */
    Instant dueAt();

    /** What the action does to {@code state} at {@code now}; {@code catalog} decides the platform's auto-cancel. */
    OrderEffect effect(OrderState state, PolicyCatalog catalog, Instant now);

    /** Warn that the ship-by time is {@code lead} away; {@code send} is false when the time has already passed. */
    record Warn(Duration lead, Instant shipBy, boolean send, Instant dueAt) implements DueAction {

        /** The same warning, noted as given but not sent. */
        public Warn unsent() {
            return new Warn(lead, shipBy, false, dueAt);
        }

        @Override
        public OrderEffect effect(OrderState state, PolicyCatalog catalog, Instant now) {
            return DueActionEffects.warn(state, this, now);
        }
    }

    /** The ship-by time passed with the order unshipped. */
    record MarkOverdue(Instant shipBy, Instant dueAt) implements DueAction {

        @Override
        public OrderEffect effect(OrderState state, PolicyCatalog catalog, Instant now) {
            return DueActionEffects.markOverdue(state, this, now);
        }
    }

    /** The platform cancels the order as not shipped in time. */
    record AutoCancel(Instant dueAt) implements DueAction {

        @Override
        public OrderEffect effect(OrderState state, PolicyCatalog catalog, Instant now) {
            return DueActionEffects.autoCancel(state, this, catalog, now);
        }
    }

    /** The seller let a pending request expire: the platform applies its {@code ifNoResponse}. */
    record ExpireRequest(PendingRequest request, Instant dueAt) implements DueAction {

        @Override
        public OrderEffect effect(OrderState state, PolicyCatalog catalog, Instant now) {
            return DueActionEffects.expire(state, this, now);
        }
    }

    /**
     * The order ended on the platform (cancelled or returned) while a request waited for the seller, who did not
     * answer: at the request's deadline it is closed as superseded, neither approved nor rejected.
     */
    record CloseRequest(PendingRequest request, Instant dueAt) implements DueAction {

        @Override
        public OrderEffect effect(OrderState state, PolicyCatalog catalog, Instant now) {
            return DueActionEffects.close(state, this, now);
        }
    }

    /** A hold reached its end: it is lifted, and the deadlines it held back apply again. */
    record LiftHold(Hold hold, Instant dueAt) implements DueAction {

        @Override
        public OrderEffect effect(OrderState state, PolicyCatalog catalog, Instant now) {
            return DueActionEffects.liftHold(state, this, now);
        }
    }
}
