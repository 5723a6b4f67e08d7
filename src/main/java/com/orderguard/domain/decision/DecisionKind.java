package com.orderguard.domain.decision;

/**
 * What the request amounts to: a plain cancellation, a cancellation while in transit (the parcel comes back), or
 * only a return after delivery; for an address change, the path it takes: the address is simply updated, the
 * arranged shipment is re-arranged, the parcel is intercepted and re-shipped, or the order is cancelled and placed
 * again.
 */
public enum DecisionKind {
    CANCELLATION, IN_TRANSIT_RETURN, RETURN,
    ADDRESS_UPDATE, REARRANGE_SHIPMENT, INTERCEPT_AND_RESHIP, CANCEL_AND_REORDER
}
