package com.orderguard.domain;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * One order line. {@code unitPrice} and {@code currency} are optional (some platforms omit prices on
 * cancellation-only payloads) but always come together.
 */
public record OrderItem(String sku, int quantity, BigDecimal unitPrice, String currency,
        Set<ItemAttribute> attributes) {

    public OrderItem {
        // an EnumSet keeps a stable order, so equal items print and serialise alike
        attributes = Collections.unmodifiableSet(attributes.isEmpty() ? EnumSet.noneOf(ItemAttribute.class)
                : EnumSet.copyOf(attributes));
    }

    public boolean has(ItemAttribute attribute) {
        return attributes.contains(attribute);
    }
}
