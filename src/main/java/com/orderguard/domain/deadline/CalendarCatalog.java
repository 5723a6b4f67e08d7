package com.orderguard.domain.deadline;

import java.time.ZoneId;
import java.util.Map;

/** The site calendars OrderGuard has; a site without one counts only weekends, in the pack's time zone. */
public final class CalendarCatalog {

    private final Map<String, SiteCalendar> calendars;

    public CalendarCatalog(Map<String, SiteCalendar> calendars) {
        this.calendars = Map.copyOf(calendars);
    }

    /** The calendar of {@code site}, or a weekends-only one in {@code fallbackZone}. */
    public SiteCalendar of(String site, ZoneId fallbackZone) {
        SiteCalendar calendar = calendars.get(site);
        return calendar != null ? calendar : SiteCalendar.weekendsOnly(site, fallbackZone);
    }

    public Map<String, SiteCalendar> all() {
        return calendars;
    }
}
