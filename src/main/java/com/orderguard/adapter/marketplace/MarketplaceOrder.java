package com.orderguard.adapter.marketplace;

import com.orderguard.domain.Order;
import com.orderguard.domain.decision.OrderRequest;

/**
 * What a marketplace payload says, in canonical terms.
 *
 * @param order the order as the platform shows it now
 * @param request the cancellation request the payload carries, or null
 * @param requestedOn the order as it stood when the request was made: the same as {@code order}, except when the
 *     platform has already carried the cancellation out (an Ozon posting that is {@code cancelled} with its
 *     {@code cancellation}); then it is the order before the cancellation, so that the engine can judge who
 *     cancelled and whether it counts, and {@code order} is applied after the request
 */
public record MarketplaceOrder(Order order, OrderRequest request, Order requestedOn) {

    /** An order without a request. */
    public static MarketplaceOrder of(Order order) {
        return new MarketplaceOrder(order, null, order);
    }

    /** Whether the platform has already carried the request out, so {@link #order()} follows the request. */
    public boolean settled() {
        return request != null && !requestedOn.equals(order);
    }
}
