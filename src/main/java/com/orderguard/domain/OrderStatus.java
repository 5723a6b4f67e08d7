package com.orderguard.domain;

/**
 * Canonical order status. The declaration order is the lifecycle order, used to break ties between snapshots
 * taken at the same instant (the further status wins); {@link #CANCELLED} is terminal and ranks last.
 */
public enum OrderStatus {
    UNPAID, AWAITING_SHIPMENT, SHIPMENT_ARRANGED, IN_TRANSIT, DELIVERED, RETURNED, CANCELLED;

    /** Paid and not yet handed to a carrier: the ship-by clock runs. */
    public boolean awaitsShipment() {
        return this == AWAITING_SHIPMENT || this == SHIPMENT_ARRANGED;
    }

    /** Handed to a carrier (in transit, delivered or returned). */
    public boolean shipped() {
        return this == IN_TRANSIT || this == DELIVERED || this == RETURNED;
    }

    /** Nothing can happen to the order any more. */
    public boolean terminal() {
        return this == CANCELLED || this == RETURNED;
    }
}
