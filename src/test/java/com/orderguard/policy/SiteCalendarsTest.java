package com.orderguard.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import com.orderguard.adapter.marketplace.amazon.AmazonCodes;
import com.orderguard.adapter.marketplace.shopee.ShopeeCodes;
import com.orderguard.domain.Marketplace;
import com.orderguard.domain.deadline.SiteCalendar;
import com.orderguard.support.Calendars;
import com.orderguard.support.Packs;

/**
 * The site calendars of src/main/resources/calendars: one for every site a pack, a payload adapter or
 * POLICY-REFERENCE.md section 6 names, each with its time zone, its weekend and holidays for 2025 to 2027.
 */
class SiteCalendarsTest {

    /** The sites of POLICY-REFERENCE.md section 6 (and sections 1-4), by marketplace; Ozon KZ is ozon.kz. */
    static final Set<String> REFERENCE_SITES = Set.of(
            "MY", "SG", "PH", "TH", "VN", "ID", "TW", "BR", "MX", "CO", "CL",
            "US", "UK", "CA", "FR", "IT", "ES", "DE", "NL", "SE", "PL", "BE", "IE", "JP", "AU", "AE", "SA", "IN",
            "RU", "KZ");

    static Stream<String> namedSites() {
        Set<String> sites = new TreeSet<>(REFERENCE_SITES);
        for (Marketplace marketplace : Marketplace.values()) {
            sites.addAll(Packs.CATALOG.sites(marketplace));
        }
        sites.addAll(AmazonCodes.SITES.values());
        sites.addAll(ShopeeCodes.SITES.values());
        return sites.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("namedSites")
    void everySiteAPackAnAdapterOrTheReferenceNames_hasACalendarWithHolidaysFor2025To2027(String site) {
        SiteCalendar calendar = Calendars.CATALOG.all().get(site);
        assertThat(calendar).as("calendars/%s.json", site).isNotNull();
        assertThat(calendar.site()).isEqualTo(site);
        assertThat(calendar.firstYear()).isLessThanOrEqualTo(2025);
        assertThat(calendar.coveredThrough()).isAfterOrEqualTo(LocalDate.parse("2027-12-31"));
        for (int year = 2025; year <= 2027; year++) {
            int y = year;
            assertThat(calendar.holidays()).as("%s holidays in %d", site, y).anyMatch(d -> d.getYear() == y);
        }
    }

    /** Not every site rests on Saturday and Sunday. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"SA, FRIDAY SATURDAY", "EG, FRIDAY SATURDAY", "AE, SATURDAY SUNDAY", "MY, SATURDAY SUNDAY",
        "US, SATURDAY SUNDAY", "RU, SATURDAY SUNDAY", "KZ, SATURDAY SUNDAY", "BR, SATURDAY SUNDAY",
        "JP, SATURDAY SUNDAY", "UK, SATURDAY SUNDAY", "TW, SATURDAY SUNDAY", "VN, SATURDAY SUNDAY"})
    void weekendDays_ofTheSite(String site, String days) {
        Set<DayOfWeek> expected = new TreeSet<>();
        for (String day : days.split(" ")) {
            expected.add(DayOfWeek.valueOf(day));
        }
        assertThat(Calendars.CATALOG.all().get(site).weekend()).containsExactlyInAnyOrderElementsOf(expected);
    }

    static Stream<Arguments> workingDays() {
        return Stream.of(
                // Saudi Arabia: Thursday is worked, Friday and Saturday are not, Sunday is
                Arguments.of("SA", "2026-01-08", true), Arguments.of("SA", "2026-01-09", false),
                Arguments.of("SA", "2026-01-11", true), Arguments.of("SA", "2025-09-23", false),
                Arguments.of("UK", "2026-12-28", false), Arguments.of("JP", "2026-09-22", false),
                Arguments.of("VN", "2025-04-26", true), Arguments.of("TW", "2025-02-08", true),
                Arguments.of("BR", "2026-11-20", false), Arguments.of("PL", "2025-12-24", false),
                Arguments.of("IT", "2026-10-05", true), Arguments.of("KZ", "2026-03-25", false));
    }

    @ParameterizedTest(name = "{0} {1}: working {2}")
    @MethodSource("workingDays")
    void holidaysWeekendsAndWorkedWeekends_areKnown(String site, String date, boolean working) {
        assertThat(Calendars.CATALOG.all().get(site).isWorkingDay(LocalDate.parse(date))).isEqualTo(working);
    }

    @Test
    void theNativeImage_carriesEveryCalendar() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("application.properties")) {
            properties.load(in);
        }
        assertThat(properties.getProperty("quarkus.native.resources.includes").split(","))
                .contains(CalendarLoader.DIRECTORY + "**");
    }
}
