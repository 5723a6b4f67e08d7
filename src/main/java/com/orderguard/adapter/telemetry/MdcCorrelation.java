package com.orderguard.adapter.telemetry;

import com.orderguard.application.port.Correlation;
import com.orderguard.domain.OrderKey;
import com.orderguard.domain.TenantId;

/** Puts the tenant and order key into the log fields for a scope and restores what was there before. */
public final class MdcCorrelation implements Correlation {

    @Override
    public Scope order(TenantId tenant, OrderKey key) {
        String tenantBefore = LogFields.get(LogFields.TENANT);
        String keyBefore = LogFields.get(LogFields.ORDER_KEY);
        LogFields.put(LogFields.TENANT, tenant.value());
        LogFields.put(LogFields.ORDER_KEY, key.toString());
        return () -> {
            LogFields.put(LogFields.TENANT, tenantBefore);
            LogFields.put(LogFields.ORDER_KEY, keyBefore);
        };
    }
}
