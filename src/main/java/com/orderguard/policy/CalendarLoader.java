package com.orderguard.policy;

import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderguard.domain.FieldErrors;
import com.orderguard.domain.deadline.CalendarCatalog;
import com.orderguard.domain.deadline.SiteCalendar;

/**
 * Loads the site calendars listed in {@code calendars/index.json}: per site its time zone, weekend days, and per
 * year its public holidays and worked weekend days. A broken file fails the load, naming file and field.
 */
public final class CalendarLoader {

    public static final String DIRECTORY = "calendars/";

    private final ObjectMapper mapper;
    private final ClassLoader classLoader;

    public CalendarLoader(ObjectMapper mapper, ClassLoader classLoader) {
        this.mapper = mapper;
        this.classLoader = classLoader;
    }

    public CalendarCatalog load() {
        Map<String, SiteCalendar> calendars = new HashMap<>();
        for (JsonNode file : read("index.json").path("calendars")) {
            SiteCalendar calendar = calendar(DIRECTORY + file.asText(), read(file.asText()));
            calendars.put(calendar.site(), calendar);
        }
        return new CalendarCatalog(calendars);
    }

    private static SiteCalendar calendar(String file, JsonNode json) {
        FieldErrors errors = new FieldErrors();
        String site = json.path("site").asText("");
        if (!site.matches("[A-Z]{2}")) {
            errors.add("site", "must be two upper-case letters");
        }
        ZoneId zone = zone(json, errors);
        Set<DayOfWeek> weekend = weekend(json, errors);
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> worked = new HashSet<>();
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        Iterator<Map.Entry<String, JsonNode>> years = json.path("years").fields();
        while (years.hasNext()) {
            Map.Entry<String, JsonNode> year = years.next();
            int number = Integer.parseInt(year.getKey());
            first = Math.min(first, number);
            last = Math.max(last, number);
            dates(year.getValue().path("holidays"), "years." + year.getKey() + ".holidays", number, holidays, errors);
            dates(year.getValue().path("workingWeekends"), "years." + year.getKey() + ".workingWeekends", number,
                    worked, errors);
        }
        if (first > last) {
            errors.add("years", "must hold at least one year");
        }
        if (!errors.isEmpty()) {
            throw new PolicyPackException(file, errors.list());
        }
        return new SiteCalendar(site, zone, weekend, holidays, worked, first, last);
    }

    private static ZoneId zone(JsonNode json, FieldErrors errors) {
        try {
            return ZoneId.of(json.path("timeZone").asText(""));
        } catch (DateTimeException e) {
            errors.add("timeZone", "must be a time zone id");
            return null;
        }
    }

    private static Set<DayOfWeek> weekend(JsonNode json, FieldErrors errors) {
        Set<DayOfWeek> weekend = EnumSet.noneOf(DayOfWeek.class);
        for (JsonNode day : json.path("weekend")) {
            try {
                weekend.add(DayOfWeek.valueOf(day.asText()));
            } catch (IllegalArgumentException e) {
                errors.add("weekend", "must list day names such as SATURDAY");
            }
        }
        return weekend;
    }

    private static void dates(JsonNode list, String at, int year, Set<LocalDate> into, FieldErrors errors) {
        for (int i = 0; i < list.size(); i++) {
            JsonNode entry = list.get(i);
            String text = entry.isTextual() ? entry.asText() : entry.path("date").asText("");
            try {
                LocalDate date = LocalDate.parse(text);
                if (date.getYear() != year) {
                    errors.add(at + "[" + i + "]", "is not in " + year);
                }
                into.add(date);
            } catch (DateTimeParseException e) {
                errors.add(at + "[" + i + "]", "must be a date such as 2026-01-01");
            }
        }
    }

    private JsonNode read(String name) {
        try (InputStream in = classLoader.getResourceAsStream(DIRECTORY + name)) {
            if (in == null) {
                throw new PolicyPackException("calendar file " + DIRECTORY + name + " is missing");
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new PolicyPackException("calendar file " + DIRECTORY + name + " is not valid JSON: "
                    + e.getMessage());
        }
    }
}
