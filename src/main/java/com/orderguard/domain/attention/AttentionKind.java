package com.orderguard.domain.attention;

/**
 * What an item of the seller's attention inbox asks for. Ties between items due at the same instant on the same
 * order are broken in this order.
 */
public enum AttentionKind {
    /** A buyer's request waits on the seller's answer; due when the answer is due. */
    REQUEST_PENDING,
    /** The order must ship by its ship-by time, which has not passed. */
    SHIP_BY,
    /** The ship-by time passed and the order has not shipped; the platform cancels it at its auto-cancel time. */
    OVERDUE,
    /** An auto-cancel hold ends. */
    HOLD_ENDS;

    /** The kind the item is stored as: a ship-by item is SHIP_BY or OVERDUE only when read, from the time. */
    public AttentionKind stored() {
        return this == OVERDUE ? SHIP_BY : this;
    }
}
