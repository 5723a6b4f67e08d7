package com.orderguard.domain.decision;

import java.time.Instant;
import java.util.List;

import com.orderguard.domain.HistoryEntry;
import com.orderguard.domain.Order;
import com.orderguard.domain.OrderEffect;
import com.orderguard.domain.OrderEvent;
import com.orderguard.domain.OrderState;
import com.orderguard.domain.OrderStatus;

/**
 * Resolving a pending request: whether an approval can still take effect on the order as it stands now, and what
 * a resolution does. The seller's answer and the platform's at the request's deadline (applied by the sweep)
 * both resolve through {@link #resolve}.
 */
public final class Resolutions {

    private Resolutions() {
    }

    /** The answer can take effect, or why not. */
    public sealed interface Check {
        /** It can. */
        record Allowed() implements Check {
        }

        /** It cannot, for this reason. */
        record Refused(String reason) implements Check {
        }
    }

    /** Whether approving a request that was decided as {@code kind} can cancel {@code order} now. */
    public static Check approve(Order order, DecisionKind kind) {
        if (order.status().terminal()) {
            return new Check.Refused("the order is already " + order.status().name().toLowerCase());
        }
        if (kind == DecisionKind.CANCELLATION && order.status().shipped()) {
            return new Check.Refused("the order has shipped since the request was made; it can no longer be"
                    + " cancelled, only returned");
        }
        if (kind == DecisionKind.IN_TRANSIT_RETURN && order.status() != OrderStatus.IN_TRANSIT
                && order.status().shipped()) {
            return new Check.Refused("the parcel is no longer in transit");
        }
        return new Check.Allowed();
    }

    /**
     * Closes pending request {@code requestId} as {@code status}: an approval cancels the order through it (and
     * counts against the seller when {@code counts}); either way the order stops waiting on it. An approval at the
     * deadline is announced as {@code RequestAutoApproved}, every other resolution as {@code RequestResolved}.
     * The caller adds the history line, which says who resolved and why.
     */
    public static OrderEffect resolve(OrderState state, String requestId, RequestStatus status, Resolution how,
            boolean counts) {
        boolean approved = status == RequestStatus.APPROVED;
        OrderState next = (approved ? state.cancelled(requestId) : state).withoutPending(requestId);
        OrderEvent event = approved && Resolvers.AUTO.equals(how.by()) ? new OrderEvent.RequestAutoApproved(requestId)
                : new OrderEvent.RequestResolved(requestId, status, how);
        return new OrderEffect(next, List.of(RequestTransition.closed(requestId, status, how)), List.of(),
                List.of(event), approved && counts);
    }

    /** The seller's answer to pending cancellation request {@code requestId}: approve or reject. */
    public static OrderEffect answer(OrderState state, String requestId, boolean approve, String note, boolean counts,
            Instant now) {
        RequestStatus status = approve ? RequestStatus.APPROVED : RequestStatus.REJECTED;
        Resolution how = new Resolution(Resolvers.SELLER, approve ? "APPROVE" : "REJECT", now, note);
        String summary = "cancellation request " + requestId + " " + (approve ? "approved" : "rejected") + " by "
                + how.by().toLowerCase();
        return resolve(state, requestId, status, how, counts)
                .withHistory(new HistoryEntry(now, "CANCELLATION_RESOLVED", summary, requestId));
    }

    /** Who resolves a request, as recorded in its resolution. */
    public static final class Resolvers {
        /** The seller answered. */
        public static final String SELLER = "SELLER";
        /** The platform applied its rule at the request's deadline. */
        public static final String AUTO = "AUTO";
        /** OrderGuard closed it: another cancellation superseded it. */
        public static final String ORDERGUARD = "ORDERGUARD";

        private Resolvers() {
        }
    }
}
