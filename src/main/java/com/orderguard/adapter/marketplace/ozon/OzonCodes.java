package com.orderguard.adapter.marketplace.ozon;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.orderguard.domain.OrderStatus;
import com.orderguard.domain.decision.CancelReason;
import com.orderguard.domain.decision.Initiator;

/** Ozon Seller API codes for FBS and rFBS postings (docs/marketplace-payloads.md explains the choices). */
public final class OzonCodes {

    /** Posting {@code status} to canonical status. */
    public static final Map<String, OrderStatus> STATUSES = Map.ofEntries(
            Map.entry("acceptance_in_progress", OrderStatus.AWAITING_SHIPMENT),
            Map.entry("awaiting_approve", OrderStatus.AWAITING_SHIPMENT),
            Map.entry("awaiting_packaging", OrderStatus.AWAITING_SHIPMENT),
            // not yet known to be packaged: the packaging deadline (shipment_date) still counts
            Map.entry("awaiting_registration", OrderStatus.AWAITING_SHIPMENT),
            // packaged and labelled, waiting for the handover
            Map.entry("awaiting_deliver", OrderStatus.SHIPMENT_ARRANGED),
            // refused at the sorting centre: back with the seller, packaged, to be handed over again
            Map.entry("not_accepted", OrderStatus.SHIPMENT_ARRANGED),
            Map.entry("driver_pickup", OrderStatus.IN_TRANSIT),
            Map.entry("delivering", OrderStatus.IN_TRANSIT),
            Map.entry("sent_by_seller", OrderStatus.IN_TRANSIT),
            // a dispute about a shipped posting: neither delivered nor cancelled yet
            Map.entry("arbitration", OrderStatus.IN_TRANSIT),
            Map.entry("client_arbitration", OrderStatus.IN_TRANSIT),
            Map.entry("delivered", OrderStatus.DELIVERED),
            Map.entry("cancelled", OrderStatus.CANCELLED));

    /** {@code cancellation_initiator} texts (Russian, as the API returns them), lower case. */
    public static final Map<String, Initiator> INITIATORS = Map.of(
            "продавец", Initiator.SELLER,
            "клиент или покупатель", Initiator.BUYER,
            "клиент", Initiator.BUYER,
            "покупатель", Initiator.BUYER,
            "ozon", Initiator.PLATFORM,
            "система", Initiator.PLATFORM,
            "служба доставки", Initiator.PLATFORM);

    /** {@code cancellation_type} codes, used when the initiator text is empty. */
    public static final Map<String, Initiator> TYPES = Map.of(
            "seller", Initiator.SELLER,
            "client", Initiator.BUYER,
            "customer", Initiator.BUYER,
            "ozon", Initiator.PLATFORM,
            "system", Initiator.PLATFORM,
            "delivery", Initiator.PLATFORM);

    /** {@code cancel_reason_id} to reason; the reason text is in the account's language, so the id decides. */
    public static final Map<Long, CancelReason> REASONS = Map.of(
            352L, CancelReason.OUT_OF_STOCK,
            400L, CancelReason.OTHER,
            401L, CancelReason.OTHER,
            402L, CancelReason.OTHER,
            // the buyer did not collect the parcel: the address was fine, the buyer was not there
            665L, CancelReason.OTHER,
            666L, CancelReason.UNDELIVERABLE_ADDRESS,
            667L, CancelReason.OTHER);

    /**
     * {@code tpl_integration_type}: {@code ozon} is Ozon's own delivery (FBS); an integrated or non-integrated
     * third-party service or Ozon's partner aggregator is the seller's delivery (rFBS).
     */
    public static final Map<String, String> SCHEMES = Map.of(
            "ozon", "FBS",
            "3pl_tracking", "RFBS",
            "non_integrated", "RFBS",
            "aggregator", "RFBS");

    private OzonCodes() {
    }

    /** The initiator named by {@code text}, if known. */
    public static Optional<Initiator> initiator(String text) {
        return Optional.ofNullable(INITIATORS.get(text.strip().toLowerCase(Locale.ROOT)));
    }
}
