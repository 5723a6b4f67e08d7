package com.orderguard.domain.health;

/**
 * What the daily buckets of a shop count. Each is counted once, in the same transaction as the event that caused
 * it: a new order (on its order date), a cancellation that counts against the seller, a shipment (late or not,
 * with or without a tracking number) and an order defect (on the order's date, as ODR counts them).
 */
public enum Counter {
    ORDERS, CANCELLED_BY_SELLER, SHIPPED, SHIPPED_LATE, SHIPPED_TRACKED, DEFECTS;

    /** The attribute name of the counter in a bucket item. */
    public String attribute() {
        return switch (this) {
            case ORDERS -> "orders";
            case CANCELLED_BY_SELLER -> "cancelledBySeller";
            case SHIPPED -> "shipped";
            case SHIPPED_LATE -> "shippedLate";
            case SHIPPED_TRACKED -> "shippedTracked";
            case DEFECTS -> "defects";
        };
    }
}
