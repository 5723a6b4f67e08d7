package com.orderguard.policy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderguard.adapter.json.JsonReader;
import com.orderguard.domain.FieldErrors;
import com.orderguard.domain.InputRules;
import com.orderguard.domain.deadline.DeadlineRules;

/**
 * Reads a pack's {@code deadlines}: {@code shipBy} ({@code hours} as an ISO duration, or {@code workingDays},
 * {@code preOrderWorkingDays}, {@code schemeWorkingDays}) and {@code autoCancel} ({@code workingDays},
 * {@code days} after the ship-by time), each with a {@code source}.
 */
final class DeadlineReader {

    private static final Set<String> FIELDS = Set.of("shipBy", "autoCancel");
    private static final Set<String> SHIP_BY = Set.of("hours", "workingDays", "preOrderWorkingDays",
            "schemeWorkingDays", "source");
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
        return new DeadlineRules(shipBy(json, errors), autoCancel(json, errors));
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
        Map<String, Integer> schemes = new HashMap<>();
        JsonNode schemeNode = json.node("schemeWorkingDays");
        if (schemeNode != null) {
            if (!schemeNode.isObject()) {
                errors.add(json.path("schemeWorkingDays"), "must be an object of scheme: working days");
            } else {
                Iterator<Map.Entry<String, JsonNode>> fields = schemeNode.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    if (!field.getValue().canConvertToInt() || field.getValue().intValue() < 0) {
                        errors.add(json.path("schemeWorkingDays") + "." + field.getKey(), "must be a whole number");
                    } else {
                        schemes.put(field.getKey(), field.getValue().intValue());
                    }
                }
            }
        }
        String source = source(json, errors);
        return new DeadlineRules.ShipBy(hours, days == null ? 0 : days, days(json, "preOrderWorkingDays", errors),
                schemes, source);
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
