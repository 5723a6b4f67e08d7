package com.orderguard.adapter.marketplace.shopee;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import com.orderguard.domain.OrderStatus;

/**
 * Shopee {@code order_status} to canonical status (docs/marketplace-payloads.md has the table and the reasons).
 * {@code IN_CANCEL} is not a stage of its own: the buyer has asked to cancel and the order keeps the stage it had
 * reached, which {@link #stageBefore} tells from the pickup time and the packages' logistics status.
 */
public final class ShopeeStatuses {

    /** The buyer asked to cancel; the seller (or the platform) has not answered yet. */
    public static final String IN_CANCEL = "IN_CANCEL";

    /** Every status except IN_CANCEL. */
    public static final Map<String, OrderStatus> TABLE = Map.ofEntries(
            Map.entry("UNPAID", OrderStatus.UNPAID),
            // PENDING: the order waits on Shopee's own processing (e.g. payment checks) before the seller can act
            Map.entry("PENDING", OrderStatus.UNPAID),
            // INVOICE_PENDING (Brazil): paid, the seller must issue the invoice before arranging shipment; the
            // ship-by clock already runs
            Map.entry("INVOICE_PENDING", OrderStatus.AWAITING_SHIPMENT),
            Map.entry("READY_TO_SHIP", OrderStatus.AWAITING_SHIPMENT),
            Map.entry("PROCESSED", OrderStatus.SHIPMENT_ARRANGED),
            // RETRY_SHIP: the carrier's pickup failed; shipment stays arranged and must be re-arranged
            Map.entry("RETRY_SHIP", OrderStatus.SHIPMENT_ARRANGED),
            Map.entry("SHIPPED", OrderStatus.IN_TRANSIT),
            // TO_CONFIRM_RECEIVE: the buyer has received the parcel and has not confirmed yet
            Map.entry("TO_CONFIRM_RECEIVE", OrderStatus.DELIVERED),
            Map.entry("COMPLETED", OrderStatus.DELIVERED),
            Map.entry("CANCELLED", OrderStatus.CANCELLED),
            // TO_RETURN: a return is under way after delivery; a rejected return comes back as a newer COMPLETED
            Map.entry("TO_RETURN", OrderStatus.RETURNED));

    private ShopeeStatuses() {
    }

    /** The canonical status of a status other than IN_CANCEL, if Shopee documents it. */
    public static Optional<OrderStatus> of(String orderStatus) {
        return Optional.ofNullable(TABLE.get(orderStatus));
    }

    /**
     * The stage an order in IN_CANCEL had reached: handed to the carrier (a pickup time, or a package picked up)
     * is IN_TRANSIT; a package whose shipment is arranged (or whose pickup is being retried) is SHIPMENT_ARRANGED;
     * otherwise AWAITING_SHIPMENT. Not UNPAID: an unpaid order is cancelled at once, without a request, and COD
     * orders have no pay time until delivery, so a missing pay_time says nothing.
     */
    public static OrderStatus stageBefore(Instant pickupDoneTime, Collection<String> logisticsStatuses) {
        if (pickupDoneTime != null || logisticsStatuses.contains("LOGISTICS_PICKUP_DONE")) {
            return OrderStatus.IN_TRANSIT;
        }
        if (logisticsStatuses.contains("LOGISTICS_REQUEST_CREATED")
                || logisticsStatuses.contains("LOGISTICS_PICKUP_RETRY")) {
            return OrderStatus.SHIPMENT_ARRANGED;
        }
        return OrderStatus.AWAITING_SHIPMENT;
    }
}
