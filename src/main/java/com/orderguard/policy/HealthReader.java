package com.orderguard.policy;

import java.math.BigDecimal;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderguard.adapter.json.JsonReader;
import com.orderguard.domain.FieldErrors;
import com.orderguard.domain.InputRules;
import com.orderguard.domain.health.Counter;
import com.orderguard.domain.health.HealthRules;
import com.orderguard.domain.health.MetricDefinition;

/**
 * Reads a pack's {@code health}: {@code metrics} (id, windowDays or calendarWeek, numerator, denominator,
 * threshold, limit, excludeToday or endsDaysAgo, minimumCount, source), and optionally {@code penaltyPoints},
 * {@code fines} and {@code orderVolumeLimit}.
 */
final class HealthReader {

    private static final Pattern METRIC_ID = Pattern.compile("[a-z]+\\.[A-Za-z]+");
    private static final Set<String> FIELDS = Set.of("metrics", "penaltyPoints", "fines", "orderVolumeLimit");
    private static final Set<String> METRIC = Set.of("id", "windowDays", "calendarWeek", "numerator", "denominator",
            "threshold", "limit", "excludeToday", "endsDaysAgo", "minimumCount", "source");
    private static final Set<String> VOLUME = Set.of("metric", "tiers", "duration", "source");
    private static final Set<String> VOLUME_TIER = Set.of("from", "volumePercent");
    private static final Set<String> POINTS = Set.of("weekly", "tiers", "source");
    private static final Set<String> WEEKLY = Set.of("metric", "points");
    private static final Set<String> FINES = Set.of("metric", "tiers", "maxFine", "currency", "blockAbove",
            "source");
    private static final Set<String> TIER = Set.of("above", "percentOfPrice");

    private HealthReader() {
    }

    static HealthRules read(JsonNode node, String at, FieldErrors errors) {
        if (node == null || node.isNull()) {
            return HealthRules.NONE;
        }
        JsonReader json = JsonReader.of(node, at, FIELDS, errors);
        if (json == null) {
            return HealthRules.NONE;
        }
        List<MetricDefinition> metrics = new ArrayList<>();
        List<JsonNode> nodes = json.array("metrics");
        Set<String> ids = new HashSet<>();
        for (int i = 0; nodes != null && i < nodes.size(); i++) {
            MetricDefinition metric = metric(nodes.get(i), json.path("metrics") + "[" + i + "]", errors);
            if (metric != null) {
                if (!ids.add(metric.id() + metric.window())) {
                    errors.add(json.path("metrics") + "[" + i + "]", "repeats metric " + metric.id() + " "
                            + metric.window());
                }
                metrics.add(metric);
            }
        }
        return new HealthRules(metrics, points(json, ids, errors), fines(json, ids, errors),
                volumeLimits(json, ids, errors));
    }

    private static MetricDefinition metric(JsonNode node, String at, FieldErrors errors) {
        JsonReader json = JsonReader.of(node, at, METRIC, errors);
        if (json == null) {
            return null;
        }
        int before = errors.list().size();
        String id = InputRules.matching(json.string("id"), METRIC_ID, "a metric id such as amazon.cancelRate",
                json.path("id"), errors);
        InputRules.required(id, json.path("id"), errors);
        boolean week = Boolean.TRUE.equals(json.bool("calendarWeek"));
        Long days = json.integer("windowDays");
        if (!week && (days == null || days < 1 || days > 90)) {
            errors.add(json.path("windowDays"), "must be from 1 to 90 (or set calendarWeek)");
        }
        Counter numerator = InputRules.enumValue(Counter.class, json.string("numerator"), json.path("numerator"),
                errors);
        InputRules.required(numerator, json.path("numerator"), errors);
        Counter denominator = InputRules.enumValue(Counter.class, json.string("denominator"),
                json.path("denominator"), errors);
        InputRules.required(denominator, json.path("denominator"), errors);
        JsonNode threshold = json.node("threshold");
        if (threshold == null || !threshold.isNumber() || threshold.doubleValue() < 0 || threshold.doubleValue() > 1) {
            errors.add(json.path("threshold"), "must be a ratio from 0 to 1");
        }
        MetricDefinition.Limit limit = InputRules.enumValue(MetricDefinition.Limit.class, json.string("limit"),
                json.path("limit"), errors);
        InputRules.required(limit, json.path("limit"), errors);
        String source = InputRules.text(json.string("source"), 300, json.path("source"), errors);
        InputRules.required(source, json.path("source"), errors);
        int endsDaysAgo = endsDaysAgo(json, errors);
        Long minimum = json.integer("minimumCount");
        if (minimum != null && minimum < 0) {
            errors.add(json.path("minimumCount"), "must not be negative");
        }
        if (errors.list().size() > before) {
            return null;
        }
        return new MetricDefinition(id, week ? 7 : days.intValue(), numerator, denominator, threshold.doubleValue(),
                limit, endsDaysAgo, week, minimum == null ? 0 : minimum, source);
    }

    /** {@code excludeToday} (the window ends yesterday) or {@code endsDaysAgo} (0 to 30), not both. */
    private static int endsDaysAgo(JsonReader json, FieldErrors errors) {
        Long ago = json.integer("endsDaysAgo");
        boolean excludeToday = Boolean.TRUE.equals(json.bool("excludeToday"));
        if (ago != null && (excludeToday || ago < 0 || ago > 30)) {
            errors.add(json.path("endsDaysAgo"), "must be from 0 to 30, and not beside excludeToday");
            return 0;
        }
        return ago != null ? ago.intValue() : excludeToday ? 1 : 0;
    }

    private static HealthRules.PenaltyPoints points(JsonReader parent, Set<String> metrics, FieldErrors errors) {
        JsonNode node = parent.node("penaltyPoints");
        JsonReader json = node == null ? null : JsonReader.of(node, parent.path("penaltyPoints"), POINTS, errors);
        if (json == null) {
            return null;
        }
        List<HealthRules.WeeklyPoints> weekly = new ArrayList<>();
        List<JsonNode> nodes = json.array("weekly");
        for (int i = 0; nodes != null && i < nodes.size(); i++) {
            JsonReader item = JsonReader.of(nodes.get(i), json.path("weekly") + "[" + i + "]", WEEKLY, errors);
            if (item != null) {
                String metric = namedMetric(item, metrics, errors);
                Long points = item.integer("points");
                weekly.add(new HealthRules.WeeklyPoints(metric, points == null ? 0 : points.intValue()));
            }
        }
        List<Integer> tiers = new ArrayList<>();
        List<JsonNode> tierNodes = json.array("tiers");
        for (int i = 0; tierNodes != null && i < tierNodes.size(); i++) {
            tiers.add(tierNodes.get(i).asInt());
        }
        return new HealthRules.PenaltyPoints(weekly, tiers, source(json, errors));
    }

    private static HealthRules.FineTiers fines(JsonReader parent, Set<String> metrics, FieldErrors errors) {
        JsonNode node = parent.node("fines");
        JsonReader json = node == null ? null : JsonReader.of(node, parent.path("fines"), FINES, errors);
        if (json == null) {
            return null;
        }
        String metric = namedMetric(json, metrics, errors);
        List<HealthRules.FineTier> tiers = new ArrayList<>();
        List<JsonNode> nodes = json.array("tiers");
        for (int i = 0; nodes != null && i < nodes.size(); i++) {
            JsonReader tier = JsonReader.of(nodes.get(i), json.path("tiers") + "[" + i + "]", TIER, errors);
            if (tier != null && tier.node("above") != null && tier.node("percentOfPrice") != null) {
                tiers.add(new HealthRules.FineTier(tier.node("above").doubleValue(),
                        tier.node("percentOfPrice").decimalValue()));
            }
        }
        JsonNode max = json.node("maxFine");
        JsonNode block = json.node("blockAbove");
        return new HealthRules.FineTiers(metric, tiers, max == null ? null : new BigDecimal(max.asText()),
                json.string("currency"), block == null ? 1 : block.doubleValue(), source(json, errors));
    }

    private static HealthRules.VolumeLimits volumeLimits(JsonReader parent, Set<String> metrics,
            FieldErrors errors) {
        JsonNode node = parent.node("orderVolumeLimit");
        JsonReader json = node == null || node.isNull() ? null
                : JsonReader.of(node, parent.path("orderVolumeLimit"), VOLUME, errors);
        if (json == null) {
            return null;
        }
        String metric = namedMetric(json, metrics, errors);
        List<HealthRules.VolumeTier> tiers = new ArrayList<>();
        List<JsonNode> nodes = json.array("tiers");
        for (int i = 0; nodes != null && i < nodes.size(); i++) {
            JsonReader tier = JsonReader.of(nodes.get(i), json.path("tiers") + "[" + i + "]", VOLUME_TIER, errors);
            JsonNode from = tier == null ? null : tier.node("from");
            Long percent = tier == null ? null : tier.integer("volumePercent");
            if (from == null || !from.isNumber() || from.doubleValue() < 0 || from.doubleValue() > 1
                    || percent != null && (percent < 0 || percent > 100)) {
                errors.add(json.path("tiers") + "[" + i + "]", "needs from (a ratio) and volumePercent 0-100 or none");
            } else {
                tiers.add(new HealthRules.VolumeTier(from.doubleValue(), percent == null ? null : percent.intValue()));
            }
        }
        if (tiers.isEmpty()) {
            errors.add(json.path("tiers"), "must list at least one tier");
        }
        return new HealthRules.VolumeLimits(metric, tiers, period(json, errors), source(json, errors));
    }

    private static Period period(JsonReader json, FieldErrors errors) {
        String duration = json.string("duration");
        try {
            return duration == null ? null : Period.parse(duration);
        } catch (DateTimeParseException e) {
            errors.add(json.path("duration"), "must be an ISO period such as P7D");
            return null;
        }
    }

    /** The {@code metric} that points, fines or volume limits are read from: one of the pack's metric ids. */
    private static String namedMetric(JsonReader json, Set<String> metrics, FieldErrors errors) {
        String metric = json.string("metric");
        if (metric == null || metrics.stream().noneMatch(m -> m.startsWith(metric + "P"))) {
            errors.add(json.path("metric"), "must name a metric of this pack");
        }
        return metric;
    }

    private static String source(JsonReader json, FieldErrors errors) {
        String source = InputRules.text(json.string("source"), 300, json.path("source"), errors);
        InputRules.required(source, json.path("source"), errors);
        return source;
    }
}
