package com.orderguard.policy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderguard.adapter.json.JsonReader;
import com.orderguard.domain.FieldErrors;
import com.orderguard.domain.InputRules;
import com.orderguard.domain.deadline.DeadlineRules;

/**
 * Reads a pack's {@code deadlines}: {@code shipBy} ({@code hours} as an ISO duration, or {@code workingDays},
 * {@code preOrderWorkingDays}, {@code schemeWorkingDays}, {@code schemeWorkingHours}, {@code cutOff}),
 * {@code autoCancel} ({@code workingDays}, {@code days} after the ship-by time) and {@code weekendWorked}
 * ({@code days} of the site's weekend the platform works), each with a {@code source}.
 */
final class DeadlineReader {

    private static final Set<String> FIELDS = Set.of("shipBy", "autoCancel", "weekendWorked");
    private static final Set<String> SHIP_BY = Set.of("hours", "workingDays", "preOrderWorkingDays",
            "schemeWorkingDays", "schemeWorkingHours", "cutOff", "source");
    private static final Set<String> WEEKEND_WORKED = Set.of("days", "source");
    private static final Set<String> AUTO_CANCEL = Set.of("workingDays", "days", "source");

    private DeadlineReader() {
    }

    static DeadlineRules read(JsonNode node, String at, FieldErrors errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        JsonReader json = JsonReader.of(node, at, FIELDS, errors);
        if (json == null) {
            return null;
        }
        return new DeadlineRules(shipBy(json, errors), autoCancel(json, errors), weekendWorked(json, errors));
    }

    private static DeadlineRules.WeekendWorked weekendWorked(JsonReader parent, FieldErrors errors) {
        JsonNode node = parent.node("weekendWorked");
        JsonReader json = node == null || node.isNull() ? null
                : JsonReader.of(node, parent.path("weekendWorked"), WEEKEND_WORKED, errors);
        if (json == null) {
            return null;
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        List<JsonNode> nodes = json.array("days");
        for (int i = 0; nodes != null && i < nodes.size(); i++) {
            DayOfWeek day = InputRules.enumValue(DayOfWeek.class, nodes.get(i).asText(),
                    json.path("days") + "[" + i + "]", errors);
            if (day != null) {
                days.add(day);
            }
        }
        if (days.isEmpty()) {
            errors.add(json.path("days"), "must name at least one day, e.g. SATURDAY");
        }
        return new DeadlineRules.WeekendWorked(days, source(json, errors));
    }

    private static DeadlineRules.ShipBy shipBy(JsonReader parent, FieldErrors errors) {
        JsonNode node = parent.node("shipBy");
        if (node == null) {
            return null;
        }
        JsonReader json = JsonReader.of(node, parent.path("shipBy"), SHIP_BY, errors);
        if (json == null) {
            return null;
        }
        Duration hours = RuleReader.duration(json, "hours");
        Integer days = days(json, "workingDays", errors);
        if ((hours == null) == (days == null)) {
            errors.add(parent.path("shipBy"), "needs exactly one of hours and workingDays");
        }
        Map<String, Integer> schemes = schemes(json, "schemeWorkingDays", errors, value ->
                value.canConvertToInt() && value.intValue() >= 0 ? value.intValue() : null);
        Map<String, Duration> schemeHours = schemes(json, "schemeWorkingHours", errors, value -> {
            Duration duration = value.isTextual() ? parse(value.textValue()) : null;
            return duration != null && !duration.isNegative() && !duration.isZero() ? duration : null;
        });
        String source = source(json, errors);
        return new DeadlineRules.ShipBy(hours, days == null ? 0 : days, days(json, "preOrderWorkingDays", errors),
                schemes, schemeHours, cutOff(json, errors), source);
    }

    /** An object of delivery scheme: value, each value read by {@code read} (null: not a valid value). */
    private static <T> Map<String, T> schemes(JsonReader json, String name, FieldErrors errors,
            Function<JsonNode, T> read) {
        Map<String, T> schemes = new HashMap<>();
        JsonNode node = json.node(name);
        if (node == null) {
            return schemes;
        }
        if (!node.isObject()) {
            errors.add(json.path(name), "must be an object of scheme: value");
            return schemes;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            T value = read.apply(field.getValue());
            if (value == null) {
                errors.add(json.path(name) + "." + field.getKey(), name.endsWith("Days")
                        ? "must be a whole number" : "must be a positive ISO-8601 duration such as PT48H");
            } else {
                schemes.put(field.getKey(), value);
            }
        }
        return schemes;
    }

    /** A local time of day, {@code HH:mm}. */
    private static LocalTime cutOff(JsonReader json, FieldErrors errors) {
        String text = json.string("cutOff");
        try {
            return text == null ? null : LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(json.path("cutOff"), "must be a local time such as 14:00");
            return null;
        }
    }

    private static Duration parse(String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static DeadlineRules.AutoCancel autoCancel(JsonReader parent, FieldErrors errors) {
        JsonNode node = parent.node("autoCancel");
        if (node == null) {
            return null;
        }
        JsonReader json = JsonReader.of(node, parent.path("autoCancel"), AUTO_CANCEL, errors);
        if (json == null) {
            return null;
        }
        Integer working = days(json, "workingDays", errors);
        Integer days = days(json, "days", errors);
        return new DeadlineRules.AutoCancel(working == null ? 0 : working, days == null ? 0 : days,
                source(json, errors));
    }

    private static Integer days(JsonReader json, String name, FieldErrors errors) {
        Long value = json.integer(name);
        if (value != null && (value < 0 || value > 60)) {
            errors.add(json.path(name), "must be from 0 to 60");
            return null;
        }
        return value == null ? null : value.intValue();
    }

    private static String source(JsonReader json, FieldErrors errors) {
        String source = InputRules.text(json.string("source"), 300, json.path("source"), errors);
        InputRules.required(source, json.path("source"), errors);
        return source;
    }
}
