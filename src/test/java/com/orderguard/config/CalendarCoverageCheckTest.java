package com.orderguard.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import com.orderguard.support.Calendars;
import com.orderguard.support.Packs;

/** The start-up warnings for the real packs and calendars. */
class CalendarCoverageCheckTest {

    @Test
    void startUpWarnings_ofTheRealPacksAndCalendars_comeOnlyWhenTheCalendarsRunOut() {
        assertThat(CalendarCoverageCheck.warnings(Packs.CATALOG, Calendars.CATALOG, LocalDate.parse("2026-11-30")))
                .isEmpty();
        assertThat(CalendarCoverageCheck.warnings(Packs.CATALOG, Calendars.CATALOG, LocalDate.parse("2027-10-01")))
                .isNotEmpty().allMatch(warning -> warning.contains("through 2027-12-31"))
                .anyMatch(warning -> warning.startsWith("calendar of site MY "));
    }
}
