package com.orderguard.domain.decision;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import com.orderguard.domain.Fulfilment;
import com.orderguard.domain.ItemAttribute;
import com.orderguard.domain.Order;
import com.orderguard.domain.OrderStatus;

/**
 * When a rule applies: every condition that is set must hold (an empty set or null means "any"). The vocabulary
 * is fixed here; which conditions a rule uses, and with which values, is data in the policy packs.
 */
public record Condition(
        Set<Initiator> initiator,
        Set<Channel> via,
        Set<OrderStatus> status,
        Set<CancelReason> reason,
        Set<CancelReason> reasonNot,
        Set<String> carrier,
        Set<String> carrierNot,
        Set<String> deliveryScheme,
        Set<Fulfilment> fulfilment,
        Set<ItemAttribute> anyItemAttribute,
        Set<ItemAttribute> noItemAttribute,
        Duration requestedWithinOfPlacement,
        Duration requestedLaterThanPlacement,
        Boolean beforeShipBy,
        PriorCount priorOrderRequests,
        PriorCount priorBuyerRequests,
        PriorCount priorSellerCancellations) {

    /** The condition that always holds. */
    public static final Condition ALWAYS = new Condition(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(),
            Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), null, null, null, null, null, null);

    public Condition {
        initiator = Set.copyOf(initiator);
        via = Set.copyOf(via);
        status = Set.copyOf(status);
        reason = Set.copyOf(reason);
        reasonNot = Set.copyOf(reasonNot);
        carrier = Set.copyOf(carrier);
        carrierNot = Set.copyOf(carrierNot);
        deliveryScheme = Set.copyOf(deliveryScheme);
        fulfilment = Set.copyOf(fulfilment);
        anyItemAttribute = Set.copyOf(anyItemAttribute);
        noItemAttribute = Set.copyOf(noItemAttribute);
    }

    /** Whether the rule applies to this request on this order. */
    public boolean matches(Order order, OrderRequest request, DecisionContext seller) {
        Instant at = request.requestedAt();
        return in(initiator, request.initiator())
                && in(via, request.via())
                && in(status, order.status())
                && in(reason, request.reason())
                && (reasonNot.isEmpty() || !reasonNot.contains(request.reason()))
                // the carrier is optional; an order without one is shipped with none of the named carriers
                && (carrier.isEmpty() || order.carrier() != null && carrier.contains(order.carrier()))
                && (carrierNot.isEmpty() || order.carrier() == null || !carrierNot.contains(order.carrier()))
                && (deliveryScheme.isEmpty() || order.deliveryScheme() != null
                        && deliveryScheme.contains(order.deliveryScheme()))
                && in(fulfilment, order.fulfilment())
                && (anyItemAttribute.isEmpty() || anyItemAttribute.stream().anyMatch(order::anyItem))
                && (noItemAttribute.isEmpty() || noItemAttribute.stream().noneMatch(order::anyItem))
                && (requestedWithinOfPlacement == null || order.placedAt() != null
                        && !at.isAfter(order.placedAt().plus(requestedWithinOfPlacement)))
                && (requestedLaterThanPlacement == null || order.placedAt() != null
                        && at.isAfter(order.placedAt().plus(requestedLaterThanPlacement)))
                && (beforeShipBy == null || beforeShipBy == (order.shipBy() == null || at.isBefore(order.shipBy())))
                && (priorOrderRequests == null || priorOrderRequests.reachedBy(seller.orderRequests(), at))
                && (priorBuyerRequests == null || priorBuyerRequests.reachedBy(seller.buyerRequests(), at))
                && (priorSellerCancellations == null || priorSellerCancellations.reachedBy(
                        seller.sellerCancellations().stream().map(t -> new PriorRequest(t, Initiator.SELLER,
                                DecisionKind.CANCELLATION, Outcome.APPROVED)).toList(), at));
    }

    /** Whether this condition sets nothing (a catch-all). */
    public boolean isAlways() {
        return equals(ALWAYS);
    }

    private static <T> boolean in(Set<T> allowed, T value) {
        return allowed.isEmpty() || allowed.contains(value);
    }
}
