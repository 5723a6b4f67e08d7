package com.orderguard.application.port;

import com.orderguard.domain.OrderKey;
import com.orderguard.domain.TenantId;

/**
 * Names the order a use case is working on for everything logged meanwhile, where one call works on many orders
 * (the sweep). Functions that handle one request or message set the same fields themselves.
 */
public interface Correlation {

    /** Adds nothing: for unit tests. */
    Correlation NONE = (tenant, key) -> () -> {
    };

    /** Until the returned scope is closed, log lines carry this tenant and order key. */
    Scope order(TenantId tenant, OrderKey key);

    /** Ends a {@link Correlation#order} scope; closing never throws. */
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
