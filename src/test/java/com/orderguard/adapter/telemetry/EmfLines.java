package com.orderguard.adapter.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderguard.support.Events;

/**
 * Reads CloudWatch Embedded Metric Format lines out of captured output and checks each against the format's rules
 * (the parts CloudWatch rejects a line for): a directive with a namespace, dimension sets naming top-level string
 * members, metric definitions naming top-level numbers, a millisecond timestamp.
 */
public final class EmfLines {

    /** The units CloudWatch accepts that we use or might. */
    static final Set<String> UNITS = Set.of("Count", "Seconds", "Milliseconds", "None", "Percent", "Bytes");

    private EmfLines() {
    }

    /** Every EMF line of {@code output}, each checked; other lines (log lines) are ignored. */
    public static List<JsonNode> parse(String output) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : output.split("\\R")) {
            if (line.startsWith("{\"_aws\"")) {
                JsonNode emf = Events.parse(line);
                check(emf);
                lines.add(emf);
            }
        }
        return lines;
    }

    /** The EMF lines that report {@code metric}. */
    public static List<JsonNode> reporting(List<JsonNode> lines, String metric) {
        return lines.stream().filter(line -> line.has(metric)).toList();
    }

    static void check(JsonNode line) {
        JsonNode aws = line.get("_aws");
        assertThat(aws.get("Timestamp").isIntegralNumber()).as("Timestamp in epoch milliseconds").isTrue();
        assertThat(aws.get("Timestamp").asLong()).isGreaterThan(1_500_000_000_000L);
        JsonNode directives = aws.get("CloudWatchMetrics");
        assertThat(directives.isArray() && directives.size() == 1).as("one metric directive").isTrue();
        JsonNode directive = directives.get(0);
        assertThat(directive.get("Namespace").asText()).isEqualTo("OrderGuard");
        for (JsonNode set : directive.get("Dimensions")) {
            assertThat(set.size()).as("at most 30 dimensions in a set").isBetween(1, 30);
            for (JsonNode dimension : set) {
                assertThat(line.path(dimension.asText()).isTextual())
                        .as("dimension %s has a string value", dimension.asText()).isTrue();
            }
        }
        assertThat(directive.get("Metrics").size()).isPositive();
        for (JsonNode metric : directive.get("Metrics")) {
            assertThat(line.path(metric.get("Name").asText()).isNumber())
                    .as("metric %s has a numeric value", metric.get("Name").asText()).isTrue();
            assertThat(metric.get("Unit").asText()).isIn(UNITS);
        }
    }
}
