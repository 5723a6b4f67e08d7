package com.orderguard.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderguard.domain.deadline.CalendarCatalog;
import com.orderguard.policy.CalendarLoader;

/** The real site calendars of src/main/resources/calendars, loaded once for unit tests. */
public final class Calendars {

    public static final CalendarCatalog CATALOG = new CalendarLoader(new ObjectMapper(),
            Calendars.class.getClassLoader()).load();

    private Calendars() {
    }
}
