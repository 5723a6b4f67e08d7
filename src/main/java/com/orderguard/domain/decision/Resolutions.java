package com.orderguard.domain.decision;

import com.orderguard.domain.Order;
import com.orderguard.domain.OrderStatus;

/** Whether a seller's answer to a pending request can still take effect on the order as it stands now. */
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
}
