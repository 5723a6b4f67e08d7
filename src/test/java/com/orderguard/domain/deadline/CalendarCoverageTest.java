package com.orderguard.domain.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** A calendar that runs out is said at start-up, naming the site and its last covered date. */
class CalendarCoverageTest {

    static final CalendarCatalog CATALOG = new CalendarCatalog(Map.of(
            "MY", new SiteCalendar("MY", ZoneId.of("Asia/Kuala_Lumpur"), Set.of(DayOfWeek.SATURDAY,
                    DayOfWeek.SUNDAY), Set.of(LocalDate.parse("2027-08-31")), Set.of(), 2025, 2027)));

    @Test
    void aCalendarReachingFarEnough_isNoGap() {
        assertThat(CalendarCoverage.gaps(Set.of("MY"), CATALOG, LocalDate.parse("2027-06-01"))).isEmpty();
    }

    @Test
    void aCalendarEndingWithinTheHorizon_orAlreadyEnded_isAGap_namingTheSiteAndTheLastCoveredDate() {
        LocalDate today = LocalDate.parse("2027-10-01");
        assertThat(CalendarCoverage.gaps(Set.of("MY"), CATALOG, today)).singleElement().satisfies(gap -> {
            assertThat(gap.coveredThrough()).isEqualTo("2027-12-31");
            assertThat(gap.message(today)).contains("site MY", "through 2027-12-31").doesNotContain("run out");
        });
        LocalDate later = LocalDate.parse("2028-01-15");
        assertThat(CalendarCoverage.gaps(Set.of("MY"), CATALOG, later).get(0).message(later))
                .contains("site MY", "2027-12-31 (run out)");
    }

    @Test
    void aSiteWithoutCalendar_isAGapWithoutDate() {
        assertThat(CalendarCoverage.gaps(Set.of("MY", "ZZ"), CATALOG, LocalDate.parse("2026-01-01")))
                .singleElement().satisfies(gap -> {
                    assertThat(gap.site()).isEqualTo("ZZ");
                    assertThat(gap.coveredThrough()).isNull();
                    assertThat(gap.message(LocalDate.parse("2026-01-01"))).contains("site ZZ", "no holiday data");
                });
    }
}
