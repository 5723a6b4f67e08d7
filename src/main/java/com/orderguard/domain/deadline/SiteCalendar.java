package com.orderguard.domain.deadline;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * A marketplace site's working days: its time zone, weekend days, public holidays and weekend days that are worked
 * (Russia moves days off). Holidays are data per year; a date outside {@code firstYear..lastYear} only knows its
 * weekend.
 */
public record SiteCalendar(String site, ZoneId zone, Set<DayOfWeek> weekend, Set<LocalDate> holidays,
        Set<LocalDate> workingWeekends, int firstYear, int lastYear) {

    /** The longest run of days off a site can have; guards the loops below against a broken calendar. */
    private static final int MAX_DAYS_OFF = 60;

    public SiteCalendar {
        weekend = Set.copyOf(weekend);
        holidays = Set.copyOf(holidays);
        workingWeekends = Set.copyOf(workingWeekends);
    }

    /** A calendar with weekends only, for sites without holiday data. */
    public static SiteCalendar weekendsOnly(String site, ZoneId zone) {
        return new SiteCalendar(site, zone, Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), Set.of(), Set.of(), 0, -1);
    }

    /** This calendar with {@code days} of its weekend worked (holidays stay days off). */
    public SiteCalendar working(Set<DayOfWeek> days) {
        if (days.isEmpty()) {
            return this;
        }
        Set<DayOfWeek> rest = EnumSet.noneOf(DayOfWeek.class);
        rest.addAll(weekend);
        rest.removeAll(days);
        return new SiteCalendar(site, zone, rest, holidays, workingWeekends, firstYear, lastYear);
    }

    /** Whether sellers work on {@code date} at this site. */
    public boolean isWorkingDay(LocalDate date) {
        if (workingWeekends.contains(date)) {
            return true;
        }
        return !weekend.contains(date.getDayOfWeek()) && !holidays.contains(date);
    }

    /** The last day the holiday data covers (31 December of its last year), or null when it has none. */
    public LocalDate coveredThrough() {
        return lastYear < firstYear ? null : LocalDate.of(lastYear, 12, 31);
    }

    /** Whether the calendar has holiday data for {@code date}'s year. */
    public boolean covers(LocalDate date) {
        return date.getYear() >= firstYear && date.getYear() <= lastYear;
    }

    /** The {@code n}-th working day after {@code from} ({@code from} itself is not counted; n = 0 gives from). */
    public LocalDate plusWorkingDays(LocalDate from, int n) {
        LocalDate date = from;
        int counted = 0;
        int idle = 0;
        while (counted < n) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
                idle = 0;
            } else if (++idle > MAX_DAYS_OFF) {
                throw new IllegalStateException("calendar " + site + " has more than " + MAX_DAYS_OFF
                        + " days off in a row after " + from);
            }
        }
        return date;
    }

    /** The last moment of the {@code n}-th working day after the local date of {@code from}. */
    public Instant endOfWorkingDay(Instant from, int n) {
        LocalDate day = plusWorkingDays(from.atZone(zone).toLocalDate(), n);
        return day.atTime(LocalTime.MAX.withNano(0)).atZone(zone).toInstant();
    }

    /**
     * {@code hours} after {@code from}, counting only the hours of working days (a day off does not run the clock:
     * 48 h from Friday 10:00 end on Tuesday 10:00).
     */
    public Instant plusWorkingHours(Instant from, Duration hours) {
        ZonedDateTime at = from.atZone(zone);
        Duration left = hours;
        int idle = 0;
        while (!left.isNegative() && !left.isZero()) {
            ZonedDateTime nextDay = at.toLocalDate().plusDays(1).atStartOfDay(zone);
            if (isWorkingDay(at.toLocalDate())) {
                Duration today = Duration.between(at, nextDay);
                if (left.compareTo(today) <= 0) {
                    return at.plus(left).toInstant();
                }
                left = left.minus(today);
                idle = 0;
            } else if (++idle > MAX_DAYS_OFF) {
                throw new IllegalStateException("calendar " + site + " has more than " + MAX_DAYS_OFF
                        + " days off in a row after " + from);
            }
            at = nextDay;
        }
        return at.toInstant();
    }

    /** The same local time of day {@code n} working days after {@code from}. */
    public Instant plusWorkingDays(Instant from, int n) {
        ZonedDateTime local = from.atZone(zone);
        LocalDate day = plusWorkingDays(local.toLocalDate(), n);
        return day.atTime(local.toLocalTime()).atZone(zone).toInstant();
    }
}
