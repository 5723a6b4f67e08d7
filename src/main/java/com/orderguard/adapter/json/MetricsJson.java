package com.orderguard.adapter.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderguard.domain.FieldErrors;
import com.orderguard.domain.InputRules;
import com.orderguard.domain.decision.MetricValue;

/**
 * The optional {@code metrics} of an evaluation: the seller's current metric values, e.g.
 * {@code [{"metric":"amazon.cancelRate","window":"P7D","numerator":3,"denominator":250}]}.
 */
public final class MetricsJson {

    private static final Set<String> FIELDS = Set.of("metric", "window", "numerator", "denominator");

    private MetricsJson() {
    }

    /** The metric values at {@code at}; an absent node reads as none. */
    public static List<MetricValue> read(JsonNode node, String at, FieldErrors errors) {
        List<MetricValue> values = new ArrayList<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (!node.isArray()) {
            errors.add(at, "must be an array of {metric, window, numerator, denominator}");
            return values;
        }
        for (int i = 0; i < node.size(); i++) {
            String path = at + "[" + i + "]";
            JsonReader json = JsonReader.of(node.get(i), path, FIELDS, errors);
            if (json == null) {
                continue;
            }
            String metric = InputRules.text(json.string("metric"), 100, json.path("metric"), errors);
            InputRules.required(metric, json.path("metric"), errors);
            String window = InputRules.text(json.string("window"), 20, json.path("window"), errors);
            Long numerator = json.integer("numerator");
            Long denominator = json.integer("denominator");
            InputRules.required(numerator, json.path("numerator"), errors);
            InputRules.required(denominator, json.path("denominator"), errors);
            if (numerator != null && denominator != null && (numerator < 0 || denominator < numerator)) {
                errors.add(path, "needs 0 <= numerator <= denominator");
            } else if (metric != null && numerator != null && denominator != null) {
                values.add(new MetricValue(metric, window, numerator, denominator));
            }
        }
        return values;
    }
}
