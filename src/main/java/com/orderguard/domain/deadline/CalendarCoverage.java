package com.orderguard.domain.deadline;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which sites' calendars run out: past its last covered date a calendar knows only weekends, so a ship-by or
 * auto-cancel time computed there would count public holidays as working days. Said at start-up, not discovered
 * on a late order.
 */
public final class CalendarCoverage {

    /**
     * How far ahead a calendar must reach: a deadline computed today runs up to about 30 working days (Shopee's
     * longest pre-order days to ship) plus an auto-cancel window, so 120 days leaves time to add the next year.
     */
    public static final Period AHEAD = Period.ofDays(120);

    /** A site whose holiday data ends too early, or that has none ({@code coveredThrough} null). */
    public record Gap(String site, LocalDate coveredThrough) {

        /** The warning for the log, naming the site and the last covered date. */
        public String message(LocalDate today) {
            if (coveredThrough == null) {
                return "calendar of site " + site + ": no holiday data at all, so its deadlines count public holidays"
                        + " as working days; add calendars/" + site + ".json";
            }
            return "calendar of site " + site + " covers holidays only through " + coveredThrough
                    + (coveredThrough.isBefore(today) ? " (run out)" : "")
                    + ": deadlines after that count public holidays as working days; add the next year";
        }
    }

    private CalendarCoverage() {
    }

    /** The sites among {@code sites} whose calendar is missing or ends before {@code today} + {@link #AHEAD}. */
    public static List<Gap> gaps(Set<String> sites, CalendarCatalog calendars, LocalDate today) {
        LocalDate needed = today.plus(AHEAD);
        List<Gap> gaps = new ArrayList<>();
        for (String site : new TreeSet<>(sites)) {
            SiteCalendar calendar = calendars.all().get(site);
            LocalDate through = calendar == null ? null : calendar.coveredThrough();
            if (through == null || through.isBefore(needed)) {
                gaps.add(new Gap(site, through));
            }
        }
        return gaps;
    }
}
