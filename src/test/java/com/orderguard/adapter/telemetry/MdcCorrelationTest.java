package com.orderguard.adapter.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.orderguard.application.port.Correlation;
import com.orderguard.domain.OrderKey;
import com.orderguard.domain.TenantId;

class MdcCorrelationTest {

    /** Other tests in this JVM call use cases on this thread without a function around them to clear the fields. */
    @BeforeEach
    @AfterEach
    void clear() {
        LogFields.clear();
    }

    @Test
    void aScope_namesTheOrder_andRestoresWhatWasThereBefore() {
        LogFields.put(LogFields.SWEEP_RUN_ID, "run-1");
        OrderKey key = OrderKey.parse("shopee.MY.241113ABCDEF", "k").valueOrNull();

        try (Correlation.Scope scope = new MdcCorrelation().order(new TenantId("seller-1"), key)) {
            assertThat(LogFields.get(LogFields.TENANT)).isEqualTo("seller-1");
            assertThat(LogFields.get(LogFields.ORDER_KEY)).isEqualTo("shopee.MY.241113ABCDEF");
            assertThat(LogFields.get(LogFields.SWEEP_RUN_ID)).isEqualTo("run-1");
        }

        assertThat(LogFields.get(LogFields.TENANT)).isNull();
        assertThat(LogFields.get(LogFields.ORDER_KEY)).isNull();
        assertThat(LogFields.get(LogFields.SWEEP_RUN_ID)).isEqualTo("run-1");
    }
}
