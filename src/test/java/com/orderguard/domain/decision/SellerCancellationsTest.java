package com.orderguard.domain.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.orderguard.domain.Marketplace;
import com.orderguard.domain.health.Counter;
import com.orderguard.domain.health.DailyBucket;
import com.orderguard.support.Packs;

class SellerCancellationsTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    static final Duration UNBOUNDED = Duration.ofDays(100);

    static PolicyPack pack(Marketplace marketplace, String site) {
        return Packs.CATALOG.inForce(marketplace, site, null, Instant.parse("2026-03-10T00:00:00Z")).orElseThrow();
    }

    static DailyBucket cancelled(LocalDate day, long count) {
        return new DailyBucket(day, Map.of(Counter.CANCELLED_BY_SELLER, count, Counter.ORDERS, 40L));
    }

    @Test
    void readBy_takesTheLongestWindowAndTheLargestLimit_ofThePacksConditions() {
        assertThat(SellerCancellations.readBy(pack(Marketplace.AMAZON, "DE"), UNBOUNDED))
                .contains(new SellerCancellations(Duration.ofDays(30), 1));
    }

    @Test
    void readBy_isEmpty_whenNoRuleOfThePackLooksAtSellerCancellations() {
        assertThat(SellerCancellations.readBy(pack(Marketplace.SHOPEE, "MY"), UNBOUNDED)).isEmpty();
    }

    @Test
    void from_datesEachCancellationAtTheStartOfItsSiteLocalDay_andSkipsDaysOutsideTheLookback() {
        SellerCancellations read = new SellerCancellations(Duration.ofDays(30), 5);
        List<Instant> cancellations = read.from(List.of(cancelled(TODAY.minusDays(31), 1),
                cancelled(TODAY.minusDays(30), 1), cancelled(TODAY.minusDays(29), 2), cancelled(TODAY, 1),
                cancelled(TODAY.plusDays(1), 1)), TODAY, BERLIN);

        Instant dayStart29 = TODAY.minusDays(29).atStartOfDay(BERLIN).toInstant();
        assertThat(cancellations).containsExactly(TODAY.minusDays(30).atStartOfDay(BERLIN).toInstant(),
                dayStart29, dayStart29, TODAY.atStartOfDay(BERLIN).toInstant());
    }

    @Test
    void from_keepsNoMorePerDayThanTheLargestLimit_whichChangesNoCondition() {
        SellerCancellations read = new SellerCancellations(Duration.ofDays(30), 2);
        List<Instant> cancellations = read.from(List.of(cancelled(TODAY, 500)), TODAY, BERLIN);
        assertThat(cancellations).hasSize(2);
    }

    @Test
    void withinThirtyDays_countsTheRequestsDayAndThe29Before() {
        SellerCancellations read = new SellerCancellations(Duration.ofDays(30), 1);
        Instant noon = TODAY.atTime(12, 0).atZone(BERLIN).toInstant();
        PriorCount limit = new PriorCount(1, null, null, Duration.ofDays(30));

        assertThat(reached(limit, read.from(List.of(cancelled(TODAY.minusDays(29), 1)), TODAY, BERLIN), noon))
                .isTrue();
        assertThat(reached(limit, read.from(List.of(cancelled(TODAY.minusDays(30), 1)), TODAY, BERLIN), noon))
                .isFalse();
        assertThat(reached(limit, read.from(List.of(cancelled(TODAY, 1)), TODAY, BERLIN), noon)).isTrue();
    }

    static boolean reached(PriorCount limit, List<Instant> cancellations, Instant at) {
        return limit.reachedBy(cancellations.stream().map(t -> new PriorRequest(t, Initiator.SELLER,
                DecisionKind.CANCELLATION, Outcome.APPROVED)).toList(), at);
    }
}
