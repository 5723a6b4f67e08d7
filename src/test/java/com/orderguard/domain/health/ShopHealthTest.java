package com.orderguard.domain.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.orderguard.domain.decision.Decision;
import com.orderguard.domain.decision.MetricImpact;
import com.orderguard.domain.decision.MetricValue;
import com.orderguard.domain.decision.PolicyPack;
import com.orderguard.support.Packs;
import com.orderguard.support.TestOrders;

/** Metrics against hand-computed windows. */
class ShopHealthTest {

    static final LocalDate TODAY = LocalDate.parse("2026-06-17");
    static final MetricDefinition CANCEL_RATE = new MetricDefinition("amazon.cancelRate", 7,
            Counter.CANCELLED_BY_SELLER, Counter.ORDERS, 0.025, MetricDefinition.Limit.BELOW, 0, false, "t");

    static DailyBucket day(String date, long orders, long cancelled) {
        return new DailyBucket(LocalDate.parse(date), Map.of(Counter.ORDERS, orders,
                Counter.CANCELLED_BY_SELLER, cancelled));
    }

    static PolicyPack pack(String ref) {
        return Packs.CATALOG.packs().stream().filter(p -> p.ref().equals(ref)).findFirst().orElseThrow();
    }

    @Test
    void aSevenDayWindow_includesTodayAndTheSixDaysBefore_notTheSeventh() {
        List<DailyBucket> buckets = List.of(day("2026-06-10", 100, 50), day("2026-06-11", 10, 1),
                day("2026-06-17", 30, 0), day("2026-06-18", 100, 100));
        MetricStatus status = ShopHealth.measure(CANCEL_RATE, buckets, TODAY, 0.8);
        assertThat(status.from()).isEqualTo(LocalDate.parse("2026-06-11"));
        assertThat(status.to()).isEqualTo(TODAY);
        assertThat(status.numerator()).isEqualTo(1);
        assertThat(status.denominator()).isEqualTo(40);
        assertThat(status.value()).isEqualTo(0.025);
        assertThat(status.status()).isEqualTo(MetricStatus.Status.BREACHED);
    }

    @Test
    void anEmptyDenominator_isHealthyWithValueZero() {
        MetricStatus status = ShopHealth.measure(CANCEL_RATE, List.of(), TODAY, 0.8);
        assertThat(status.value()).isZero();
        assertThat(status.status()).isEqualTo(MetricStatus.Status.OK);
    }

    @Test
    void atRisk_startsInTheLastPartOfTheAllowedRange() {
        assertThat(ShopHealth.status(CANCEL_RATE, 0.019, 100, 0.8)).isEqualTo(MetricStatus.Status.OK);
        assertThat(ShopHealth.status(CANCEL_RATE, 0.02, 100, 0.8)).isEqualTo(MetricStatus.Status.AT_RISK);
        MetricDefinition tracking = new MetricDefinition("amazon.validTrackingRate", 30, Counter.SHIPPED_TRACKED,
                Counter.SHIPPED, 0.95, MetricDefinition.Limit.ABOVE, 0, false, "t");
        assertThat(ShopHealth.status(tracking, 0.97, 100, 0.8)).isEqualTo(MetricStatus.Status.OK);
        assertThat(ShopHealth.status(tracking, 0.955, 100, 0.8)).isEqualTo(MetricStatus.Status.AT_RISK);
        assertThat(ShopHealth.status(tracking, 0.95, 100, 0.8)).isEqualTo(MetricStatus.Status.BREACHED);
    }

    @Test
    void ozonErrorIndex_leavesTodayOut_andFindsItsFineTier() {
        PolicyPack ozon = pack("ozon-RU-FBS@2020-01-01");
        List<DailyBucket> buckets = new ArrayList<>();
        buckets.add(day("2026-06-17", 100, 100));
        buckets.add(day("2026-06-03", 50, 50));
        buckets.add(day("2026-06-04", 80, 6));
        buckets.add(day("2026-06-16", 20, 1));
        ShopHealth.Report report = ShopHealth.evaluate(ozon.health(), buckets, TODAY, 0.8);
        MetricStatus index = report.metrics().stream().filter(m -> m.definition().id().equals("ozon.errorIndex"))
                .findFirst().orElseThrow();
        assertThat(index.from()).isEqualTo(LocalDate.parse("2026-06-03"));
        assertThat(index.to()).isEqualTo(LocalDate.parse("2026-06-16"));
        assertThat(index.numerator()).isEqualTo(57);
        assertThat(index.denominator()).isEqualTo(150);
        assertThat(report.fine().percentOfPrice()).isEqualByComparingTo(new BigDecimal("9"));
        assertThat(report.fine().blockRisk()).isFalse();
    }

    @Test
    void shopeePoints_countBreachedWeeksSinceTheFirstMondayOfTheQuarter() {
        PolicyPack shopee = pack("shopee-MY@2024-11-13");
        // the quarter began Wednesday 1 July 2026; its first Monday is 6 July
        LocalDate today = LocalDate.parse("2026-07-29");
        List<DailyBucket> buckets = List.of(
                day("2026-07-01", 10, 9), // before the first Monday: not counted
                day("2026-07-07", 10, 2), // week of 6 July: NFR 20%, breached
                day("2026-07-14", 10, 0), // week of 13 July: fine
                day("2026-07-21", 10, 5), // week of 20 July: breached
                day("2026-07-28", 10, 9)); // current week: not completed
        ShopHealth.Points points = ShopHealth.evaluate(shopee.health(), buckets, today, 0.8).points();
        assertThat(points.total()).isEqualTo(2);
        assertThat(points.tier()).isZero();
        assertThat(points.since()).isEqualTo(LocalDate.parse("2026-07-06"));
        assertThat(points.resetsOn()).isEqualTo(LocalDate.parse("2026-10-05"));
    }

    @Test
    void bucketDays_areTheSitesLocalDates() {
        var order = TestOrders.order("amazon.US.1").placedAt(Instant.parse("2026-06-17T05:00:00Z")).build();
        Counts counts = MetricEvents.ofSnapshot(null, order, null, Instant.parse("2026-06-17T05:00:00Z"),
                ZoneId.of("America/Los_Angeles"));
        assertThat(counts.byDay()).containsOnlyKeys(LocalDate.parse("2026-06-16"));
        Counts shipped = MetricEvents.ofSnapshot(order, order.withStatus(com.orderguard.domain.OrderStatus.IN_TRANSIT),
                Instant.parse("2026-06-17T04:00:00Z"), Instant.parse("2026-06-17T08:00:00Z"), ZoneId.of("UTC"));
        assertThat(shipped.byDay().get(LocalDate.parse("2026-06-17"))).containsEntry(Counter.SHIPPED, 1L)
                .containsEntry(Counter.SHIPPED_LATE, 1L).doesNotContainKey(Counter.SHIPPED_TRACKED);
    }

    @Test
    void trackingNumberOfALaterSnapshot_countsTheShipmentTrackedOnce_inEitherDeliveryOrder() {
        var placed = TestOrders.order("amazon.US.2").placedAt(Instant.parse("2026-06-15T05:00:00Z")).build();
        var inTransit = placed.withStatus(com.orderguard.domain.OrderStatus.IN_TRANSIT);
        var delivered = TestOrders.order("amazon.US.2").placedAt(Instant.parse("2026-06-15T05:00:00Z"))
                .carrier("UPS").status(com.orderguard.domain.OrderStatus.DELIVERED).build();
        delivered = new com.orderguard.domain.Order(delivered.key(), delivered.shopId(), delivered.fulfilment(),
                delivered.status(), delivered.placedAt(), delivered.paidAt(), null, delivered.shipBy(), null,
                null, "UPS", "1Z999", delivered.buyerId(), delivered.items(), null);
        Instant at = Instant.parse("2026-06-16T08:00:00Z");
        ZoneId utc = ZoneId.of("UTC");
        // in order: shipped without tracking, then delivered with it; out of order: delivered first, then stale
        Counts inOrder = MetricEvents.ofSnapshot(placed, inTransit, null, at, utc)
                .plus(MetricEvents.ofSnapshot(inTransit, delivered, null, at.plusSeconds(60), utc));
        Counts outOfOrder = MetricEvents.ofSnapshot(placed, delivered, null, at.plusSeconds(60), utc);
        assertThat(inOrder.byDay().get(LocalDate.parse("2026-06-16"))).containsEntry(Counter.SHIPPED, 1L)
                .containsEntry(Counter.SHIPPED_TRACKED, 1L);
        assertThat(inOrder).isEqualTo(outOfOrder);
        assertThat(MetricEvents.ofSnapshot(delivered, delivered, null, at, utc).isEmpty()).isTrue();
    }

    @Test
    void metricImpact_addsThisCancellationWhenItCounts() {
        PolicyPack amazon = pack("amazon-IN@2020-09-30");
        Decision counted = decision(true);
        List<MetricImpact> impact = MetricImpacts.of(counted, amazon.health(), List.of(
                new MetricValue("amazon.cancelRate", "P7D", 1, 100), new MetricValue("amazon.cancelRate", "P30D",
                        5, 400)));
        assertThat(impact).extracting(MetricImpact::window).containsExactly("P7D", "P30D");
        assertThat(impact.get(0).before()).isEqualTo(0.01);
        assertThat(impact.get(0).after()).isEqualTo(0.02);
        assertThat(impact.get(0).breaches()).isTrue();
        assertThat(impact.get(1).after()).isEqualTo(0.015);
        assertThat(impact.get(1).breaches()).isFalse();
        assertThat(MetricImpacts.of(decision(false), amazon.health(),
                List.of(new MetricValue("amazon.cancelRate", "P7D", 1, 100))).get(0).after()).isEqualTo(0.01);
    }

    static Decision decision(boolean counts) {
        return new Decision(com.orderguard.domain.decision.Outcome.APPROVED,
                com.orderguard.domain.decision.DecisionKind.CANCELLATION, null, null, counts, null, List.of(),
                List.of(new com.orderguard.domain.decision.RuleRef("r", "p", "s")), "e.", List.of(), null, List.of(),
                null);
    }
}
