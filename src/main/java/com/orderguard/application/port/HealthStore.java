package com.orderguard.application.port;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.orderguard.application.OutboxEvent;
import com.orderguard.domain.TenantId;
import com.orderguard.domain.health.DailyBucket;
import com.orderguard.domain.health.MetricStatus;
import com.orderguard.domain.health.ShopKey;

/** A shop's daily metric buckets and the statuses its metrics had when last looked at. */
public interface HealthStore {

    /** The buckets from {@code from} on, the last statuses and the look mark (one read). */
    ShopData load(TenantId tenant, ShopKey shop, LocalDate from);

    /**
     * Records new statuses and the events announcing the worsened ones, if the statuses are still at
     * {@code expectedVersion}; false when another writer got there first.
     */
    boolean saveStatuses(TenantId tenant, ShopKey shop, Map<String, MetricStatus.Status> statuses,
            long expectedVersion, List<OutboxEvent> events, Instant now);

    /**
     * Deletes the shop's look mark if it still counts {@code marks} changes: a change that marked it after the
     * look read it keeps it for the next look.
     */
    void clearLook(TenantId tenant, ShopKey shop, long marks);

    /**
     * Buckets, last statuses by metric and window ({@code amazon.cancelRate P7D}), their version, and the count on
     * the shop's look mark (0: not marked).
     */
    record ShopData(List<DailyBucket> buckets, Map<String, MetricStatus.Status> statuses, long version,
            long lookMarks) {
    }
}
