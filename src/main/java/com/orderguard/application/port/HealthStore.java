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
     * Deletes each of the shop's look mark items (a mark is written in shards, one item each) that still counts the
     * changes {@code marks} gives for it: a change that marked it after the look read it keeps it for the next look.
     */
    void clearLook(TenantId tenant, ShopKey shop, Map<String, Long> marks);

    /**
     * Buckets (one per day, its shards summed), last statuses by metric and window ({@code amazon.cancelRate P7D}),
     * their version, and the count on each item of the shop's look mark (empty: not marked).
     */
    record ShopData(List<DailyBucket> buckets, Map<String, MetricStatus.Status> statuses, long version,
            Map<String, Long> lookMarks) {
    }
}
