package com.orderguard.domain.decision;

/** Why the order should be cancelled (API.md "Cancellation request"). */
public enum CancelReason {
    WRONG_ORDER_INFO, WRONG_ADDRESS, CHANGE_OF_MIND, WRONG_ITEM_SENT, OUT_OF_STOCK, PRICING_ERROR,
    UNDELIVERABLE_ADDRESS, FRAUD_RISK, LATE_SHIPMENT, BUYER_REQUESTED, OTHER
}
