package com.orderguard.adapter.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderguard.application.SweepReport;
import com.orderguard.application.port.Telemetry.IngestFailure;
import com.orderguard.domain.Marketplace;
import com.orderguard.domain.decision.Outcome;

class EmfTelemetryTest {

    static final Instant NOW = Instant.parse("2025-03-03T04:00:00Z");

    final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    final EmfTelemetry telemetry = new EmfTelemetry(() -> out, Clock.fixed(NOW, ZoneOffset.UTC), "OrderGuard",
            "stack-ApiFunction-ABC");

    List<JsonNode> lines() {
        return EmfLines.parse(buffer.toString(StandardCharsets.UTF_8));
    }

    /** The names of the line's (only) dimension set. */
    static List<String> dimensions(JsonNode line) {
        List<String> names = new ArrayList<>();
        line.at("/_aws/CloudWatchMetrics/0/Dimensions/0").forEach(name -> names.add(name.asText()));
        return names;
    }

    @Test
    void decided_writesOneLine_withFunctionMarketplaceAndOutcomeDimensions() {
        telemetry.decided(Marketplace.SHOPEE, Outcome.PENDING_SELLER);

        assertThat(lines()).singleElement().satisfies(line -> {
            assertThat(line.at("/_aws/Timestamp").asLong()).isEqualTo(NOW.toEpochMilli());
            assertThat(line.at("/_aws/CloudWatchMetrics/0/Namespace").asText()).isEqualTo("OrderGuard");
            assertThat(dimensions(line)).containsExactly("Function", "Marketplace", "Outcome");
            assertThat(line.get("Function").asText()).isEqualTo("stack-ApiFunction-ABC");
            assertThat(line.get("Marketplace").asText()).isEqualTo("shopee");
            assertThat(line.get("Outcome").asText()).isEqualTo("PENDING_SELLER");
            assertThat(line.at("/_aws/CloudWatchMetrics/0/Metrics/0/Name").asText()).isEqualTo("Decisions");
            assertThat(line.at("/_aws/CloudWatchMetrics/0/Metrics/0/Unit").asText()).isEqualTo("Count");
            assertThat(line.get("Decisions").asLong()).isEqualTo(1);
        });
        assertThat(buffer.toString(StandardCharsets.UTF_8)).endsWith("}" + System.lineSeparator())
                .doesNotContain("\n{", "  ");
    }

    @Test
    void sweepActions_andIngestFailures_areCountedByTheirDimension() {
        telemetry.autoCancelled(Marketplace.AMAZON);
        telemetry.shipByWarned(Marketplace.OZON);
        telemetry.ingestFailed(IngestFailure.INVALID_MESSAGE);

        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).get("AutoCancels").asLong()).isEqualTo(1);
        assertThat(dimensions(lines.get(0))).containsExactly("Function", "Marketplace");
        assertThat(lines.get(0).get("Marketplace").asText()).isEqualTo("amazon");
        assertThat(lines.get(1).get("ShipByWarnings").asLong()).isEqualTo(1);
        assertThat(lines.get(1).get("Marketplace").asText()).isEqualTo("ozon");
        assertThat(lines.get(2).get("IngestFailures").asLong()).isEqualTo(1);
        assertThat(dimensions(lines.get(2))).containsExactly("Function", "Reason");
        assertThat(lines.get(2).get("Reason").asText()).isEqualTo("INVALID_MESSAGE");
    }

    @Test
    void sweepRan_reportsTheLargestLagAndTheItems_inOneLine() {
        SweepReport report = new SweepReport("run-1", NOW, List.of(
                new SweepReport.ShardReport(0, 5, 3, 1, 1, 1, 90, 12),
                new SweepReport.ShardReport(1, 2, 2, 0, 0, 1, 420, 7)), false, 3, 1);

        telemetry.sweepRan(report);

        JsonNode line = lines().get(0);
        assertThat(dimensions(line)).containsExactly("Function");
        assertThat(line.get("SweepLagSeconds").asLong()).isEqualTo(420);
        assertThat(line.get("SweepItemsExamined").asLong()).isEqualTo(7);
        assertThat(line.get("SweepItemsActed").asLong()).isEqualTo(5);
        // one order and one shop look failed
        assertThat(line.get("SweepItemsFailed").asLong()).isEqualTo(2);
        assertThat(line.get("SweepIncompleteRuns").asLong()).isEqualTo(1);
        assertThat(line.at("/_aws/CloudWatchMetrics/0/Metrics").findValuesAsText("Name")).containsExactly(
                "SweepLagSeconds", "SweepItemsExamined", "SweepItemsActed", "SweepItemsFailed", "SweepIncompleteRuns");
        assertThat(line.at("/_aws/CloudWatchMetrics/0/Metrics/0/Unit").asText()).isEqualTo("Seconds");
    }

    @Test
    void anIdleSweep_stillReports_soThatAStoppedSweepShowsAsMissingData() {
        telemetry.sweepRan(new SweepReport("run-2", NOW, List.of(), true, 0, 0));
        JsonNode line = lines().get(0);
        assertThat(line.get("SweepLagSeconds").asLong()).isZero();
        assertThat(line.get("SweepIncompleteRuns").asLong()).isZero();
    }

    @Test
    void aFailingStream_neverFailsTheCaller() {
        EmfTelemetry broken = new EmfTelemetry(() -> {
            throw new IllegalStateException("no stdout");
        }, Clock.systemUTC(), "OrderGuard", "f");
        broken.decided(Marketplace.SHOPEE, Outcome.APPROVED);
    }
}
