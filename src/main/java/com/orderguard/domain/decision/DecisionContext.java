package com.orderguard.domain.decision;

import java.time.Instant;
import java.util.List;

/**
 * What a decision reads besides the order and the request: current metric values (for the decision's metric
 * impact), the earlier requests on this order and by this buyer (for per-order and per-buyer limits), and the
 * seller's own recent cancellations that counted against them (for {@code priorSellerCancellations}), each dated
 * at the start of its site-local day.
 */
public record DecisionContext(List<MetricValue> metrics, List<PriorRequest> orderRequests,
        List<PriorRequest> buyerRequests, List<Instant> sellerCancellations) {

    public DecisionContext {
        metrics = List.copyOf(metrics);
        orderRequests = List.copyOf(orderRequests);
        buyerRequests = List.copyOf(buyerRequests);
        sellerCancellations = List.copyOf(sellerCancellations);
    }

    /** Nothing known: no metrics, no earlier requests. */
    public static DecisionContext none() {
        return new DecisionContext(List.of(), List.of(), List.of(), List.of());
    }
}
