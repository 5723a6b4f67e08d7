package com.orderguard.domain.decision;

import java.time.Instant;
import java.util.List;

/**
 * What the decision needs to know about the seller's situation: current metric values (for the what-if), the
 * earlier requests on this order and by this buyer (for per-order and per-buyer limits), and the seller's own
 * recent cancellations that counted against them.
 */
public record SellerMetrics(List<MetricValue> metrics, List<PriorRequest> orderRequests,
        List<PriorRequest> buyerRequests, List<Instant> sellerCancellations) {

    public SellerMetrics {
        metrics = List.copyOf(metrics);
        orderRequests = List.copyOf(orderRequests);
        buyerRequests = List.copyOf(buyerRequests);
        sellerCancellations = List.copyOf(sellerCancellations);
    }

    /** Nothing known: no metrics, no earlier requests. */
    public static SellerMetrics none() {
        return new SellerMetrics(List.of(), List.of(), List.of(), List.of());
    }
}
