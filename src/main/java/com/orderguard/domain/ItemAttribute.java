package com.orderguard.domain;

/** Item properties that change which cancellation path applies. */
public enum ItemAttribute {
    PRE_ORDER, CUSTOM_MADE, PERISHABLE, DIGITAL, SAME_DAY_DELIVERY
}
