package com.orderguard.application.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.orderguard.application.RequestRecord;
import com.orderguard.application.OutboxEvent;
import com.orderguard.application.ShopCounts;
import com.orderguard.application.StoredOrder;
import com.orderguard.application.port.OrderStore.EventRecord;
import com.orderguard.domain.HistoryEntry;
import com.orderguard.domain.Marketplace;
import com.orderguard.domain.Order;
import com.orderguard.domain.OrderKey;
import com.orderguard.domain.OrderState;
import com.orderguard.domain.SnapshotStamp;
import com.orderguard.domain.TenantId;
import com.orderguard.domain.deadline.OrderTimers;
import com.orderguard.domain.decision.PriorRequest;
import com.orderguard.domain.decision.RequestTransition;
import com.orderguard.domain.health.ShopKey;

/**
 * Commits an order's changes (decisions, resolutions, holds, defects, deadline actions) and reads its
 * requests: everything one change touches - the order, its requests, its history, the outbox events, the
 * buyer's history - commits in one conditional transaction, or not at all.
 */
public interface OrderChangeStore {

    /** A recorded request of this order. */
    Optional<RequestRecord> findRequest(TenantId tenant, OrderKey key, String requestId);

    /** The buyer's recent requests on this marketplace (for per-buyer limits), with the version to write against. */
    BuyerHistory buyerHistory(TenantId tenant, Marketplace marketplace, String buyerId);

    /** Commits the changes if nothing they depend on changed since it was read. */
    CommitResult commit(OrderChange commit);

    /** A buyer's recent requests and the version of that record (0: none yet). */
    record BuyerHistory(List<PriorRequest> requests, long version) {
        public static final BuyerHistory NONE = new BuyerHistory(List.of(), 0);
    }

    /** The buyer's history to write, if still at {@code expectedVersion}. */
    record BuyerUpdate(Marketplace marketplace, String buyerId, long expectedVersion, List<PriorRequest> requests) {
    }

    /** A one-off fact recorded under an order: its sort key, and a fingerprint of what it recorded. */
    record Marker(String sortKey, String fingerprint) {
    }

    /**
     * Everything one change does to an order. The order must still be at {@code before.version()}; each created
     * request must not exist yet; each transition's request must still have its expected status; the
     * {@code marker} item (a sort key under the order, for one-off facts such as a defect) must not exist yet.
     * With a {@code snapshot}, the change also applies snapshots in the same transaction: see {@link SnapshotPart}.
     */
    record OrderChange(StoredOrder before, Order order, OrderTimers timers, String cancelledBy, Instant nextDueAt,
            List<RequestRecord> created, List<RequestTransition> transitions, List<HistoryEntry> history,
            List<OutboxEvent> events, BuyerUpdate buyer, ShopCounts counts, Marker marker, Instant now,
            SnapshotPart snapshot) {

        /** A change of {@code before} at {@code now} that leaves everything as it is until told otherwise. */
        public static Builder of(StoredOrder before, Instant now) {
            return new Builder(before, now);
        }

        /** Builds an order change; what is not set stays as {@code before} has it, or empty. */
        public static final class Builder {
            private final StoredOrder before;
            private final Instant now;
            private OrderState state;
            private Instant nextDueAt;
            private List<RequestRecord> created = List.of();
            private List<RequestTransition> transitions = List.of();
            private List<HistoryEntry> history = List.of();
            private List<OutboxEvent> events = List.of();
            private BuyerUpdate buyer;
            private ShopCounts counts;
            private Marker marker;

            private Builder(StoredOrder before, Instant now) {
                this.before = before;
                this.now = now;
                this.state = before.state();
                this.nextDueAt = before.nextDueAt();
                this.counts = ShopCounts.none(ShopKey.of(before.order()));
            }

            /** The order's new state, and when the sweep must next look at it then. */
            public Builder state(OrderState value, Instant next) {
                this.state = value;
                this.nextDueAt = next;
                return this;
            }

            public Builder created(List<RequestRecord> value) {
                this.created = List.copyOf(value);
                return this;
            }

            public Builder transitions(List<RequestTransition> value) {
                this.transitions = List.copyOf(value);
                return this;
            }

            public Builder history(List<HistoryEntry> value) {
                this.history = List.copyOf(value);
                return this;
            }

            public Builder events(List<OutboxEvent> value) {
                this.events = List.copyOf(value);
                return this;
            }

            public Builder buyer(BuyerUpdate value) {
                this.buyer = value;
                return this;
            }

            public Builder counts(ShopCounts value) {
                this.counts = value;
                return this;
            }

            /**
             * A one-off fact under the order (its sort key) that must not be recorded yet, and a fingerprint of its
             * content, kept on it so that a repeat can be told from a reuse of its id for something else.
             */
            public Builder marker(String sortKey, String fingerprint) {
                this.marker = new Marker(sortKey, fingerprint);
                return this;
            }

            public OrderChange build() {
                return new OrderChange(before, state.order(), state.timers(), state.cancelledBy(), nextDueAt,
                        created, transitions, history, events, buyer, counts, marker, now, null);
            }
        }
    }

    /**
     * Snapshots applied by an order change, in its one transaction (a message that carries the order and a request
     * on it): the order item is written whole, as the change leaves it, with the stamp of the last snapshot; each
     * event's record must not exist yet (or have expired). {@code stored} is the order as it was read before the
     * snapshots (null: a new order, which must not exist yet); {@code before} of the change is the order as the
     * snapshots left it, at the stored version.
     */
    record SnapshotPart(StoredOrder stored, SnapshotStamp stamp, List<EventRecord> events) {
        public SnapshotPart {
            events = List.copyOf(events);
        }
    }

    /** What became of a commit. */
    sealed interface CommitResult {
        /** Everything was written; the order as it now stands. */
        record Committed(StoredOrder order) implements CommitResult {
        }

        /** Nothing was written, because of this. */
        record Conflict(Reason reason) implements CommitResult {
        }

        /** Why a commit was refused. */
        enum Reason {
            ORDER_CHANGED, REQUEST_EXISTS, REQUEST_STATE_CHANGED, BUYER_CHANGED, ALREADY_RECORDED,
            /** A snapshot's event id is recorded already: a concurrent delivery of it, or reused for another. */
            EVENT_RECORDED
        }
    }
}
