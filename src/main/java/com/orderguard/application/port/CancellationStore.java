package com.orderguard.application.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.orderguard.application.CancellationRecord;
import com.orderguard.application.OutboxEvent;
import com.orderguard.application.PendingRequest;
import com.orderguard.application.RequestStatus;
import com.orderguard.application.StoredOrder;
import com.orderguard.domain.HistoryEntry;
import com.orderguard.domain.Marketplace;
import com.orderguard.domain.Order;
import com.orderguard.domain.OrderKey;
import com.orderguard.domain.TenantId;
import com.orderguard.domain.decision.PriorRequest;

/**
 * Where cancellation requests live. A decision and everything it changes - the request, the order, its history,
 * the outbox event, the buyer's history - are committed in one conditional transaction, or not at all.
 */
public interface CancellationStore {

    /** A recorded request of this order. */
    Optional<CancellationRecord> findRequest(TenantId tenant, OrderKey key, String requestId);

    /** The buyer's recent requests on this marketplace (for per-buyer limits), with the version to write against. */
    BuyerHistory buyerHistory(TenantId tenant, Marketplace marketplace, String buyerId);

    /** Commits a decision's changes if nothing they depend on changed since it was read. */
    CommitResult commit(DecisionCommit commit);

    /** A buyer's recent requests and the version of that record (0: none yet). */
    record BuyerHistory(List<PriorRequest> requests, long version) {
        public static final BuyerHistory NONE = new BuyerHistory(List.of(), 0);
    }

    /** A new state of a request that must still have {@code expected} status. */
    record Transition(CancellationRecord record, RequestStatus expected) {
    }

    /** The buyer's history to write, if still at {@code expectedVersion}. */
    record BuyerUpdate(Marketplace marketplace, String buyerId, long expectedVersion, List<PriorRequest> requests) {
    }

    /**
     * Everything one decision changes. The order must still be at {@code before.version()}; {@code created} (a new
     * request) must not exist yet; each transition's request must still have its expected status.
     */
    record DecisionCommit(StoredOrder before, Order order, PendingRequest pending, String cancelledBy,
            Instant nextDueAt, CancellationRecord created, List<Transition> transitions, HistoryEntry history,
            OutboxEvent event, BuyerUpdate buyer, Instant now) {
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
            ORDER_CHANGED, REQUEST_EXISTS, REQUEST_STATE_CHANGED, BUYER_CHANGED
        }
    }
}
