package com.orderguard.adapter.telemetry;

import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderguard.application.SweepReport;
import com.orderguard.application.port.Telemetry;
import com.orderguard.domain.Marketplace;
import com.orderguard.domain.decision.Outcome;

/**
 * Metrics in CloudWatch Embedded Metric Format: one JSON line per metric event on standard output, which Lambda
 * sends to CloudWatch Logs, where CloudWatch extracts the metrics. No client library and no API call: nothing to
 * wait for, nothing to fail, and nothing that needs reflection in a native image.
 */
public final class EmfTelemetry implements Telemetry {

    /** Dimension names. */
    public static final String FUNCTION = "Function";
    public static final String MARKETPLACE = "Marketplace";
    public static final String OUTCOME = "Outcome";
    public static final String REASON = "Reason";

    /** Metric names (the template's alarms and the README name them too). */
    public static final String DECISIONS = "Decisions";
    public static final String AUTO_CANCELS = "AutoCancels";
    public static final String SHIP_BY_WARNINGS = "ShipByWarnings";
    public static final String INGEST_FAILURES = "IngestFailures";
    public static final String SWEEP_LAG = "SweepLagSeconds";
    public static final String SWEEP_EXAMINED = "SweepItemsExamined";
    public static final String SWEEP_ACTED = "SweepItemsActed";
    public static final String SWEEP_FAILED = "SweepItemsFailed";
    public static final String SWEEP_INCOMPLETE = "SweepIncompleteRuns";

    private static final String COUNT = "Count";
    private static final String SECONDS = "Seconds";

    private final Supplier<PrintStream> out;
    private final Clock clock;
    private final String namespace;
    private final String function;

    /**
     * @param out where lines go; a supplier so that the stream standing at each call is used
     * @param function the {@code Function} dimension of every metric: the Lambda function's name
     */
    public EmfTelemetry(Supplier<PrintStream> out, Clock clock, String namespace, String function) {
        this.out = out;
        this.clock = clock;
        this.namespace = namespace;
        this.function = function;
    }

    @Override
    public void decided(Marketplace marketplace, Outcome outcome) {
        emit(List.of(MARKETPLACE, marketplace.code(), OUTCOME, outcome.name()), new Metric(DECISIONS, COUNT, 1));
    }

    @Override
    public void autoCancelled(Marketplace marketplace) {
        emit(List.of(MARKETPLACE, marketplace.code()), new Metric(AUTO_CANCELS, COUNT, 1));
    }

    @Override
    public void shipByWarned(Marketplace marketplace) {
        emit(List.of(MARKETPLACE, marketplace.code()), new Metric(SHIP_BY_WARNINGS, COUNT, 1));
    }

    @Override
    public void ingestFailed(IngestFailure failure) {
        emit(List.of(REASON, failure.name()), new Metric(INGEST_FAILURES, COUNT, 1));
    }

    /** Every run reports, an idle one with zeros: a sweep that stops running shows as missing data. */
    @Override
    public void sweepRan(SweepReport report) {
        emit(List.of(), new Metric(SWEEP_LAG, SECONDS, report.maxLagSeconds()),
                new Metric(SWEEP_EXAMINED, COUNT, report.examined()),
                new Metric(SWEEP_ACTED, COUNT, report.acted()),
                new Metric(SWEEP_FAILED, COUNT, report.failed()),
                new Metric(SWEEP_INCOMPLETE, COUNT, report.complete() ? 0 : 1));
    }

    /** One metric value of a line. */
    record Metric(String name, String unit, long value) {
    }

    /**
     * Writes one EMF line: the {@code _aws} directive (one dimension set: Function and the given dimensions) and
     * the dimension and metric values as top-level members.
     *
     * @param dimensions name, value, name, value, ...
     */
    void emit(List<String> dimensions, Metric... metrics) {
        try {
            ObjectNode line = JsonNodeFactory.instance.objectNode();
            ObjectNode aws = line.putObject("_aws");
            aws.put("Timestamp", clock.millis());
            ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
            directive.put("Namespace", namespace);
            ArrayNode dimensionSet = directive.putArray("Dimensions").addArray();
            dimensionSet.add(FUNCTION);
            line.put(FUNCTION, function);
            for (int i = 0; i + 1 < dimensions.size(); i += 2) {
                dimensionSet.add(dimensions.get(i));
                line.put(dimensions.get(i), dimensions.get(i + 1));
            }
            ArrayNode definitions = directive.putArray("Metrics");
            for (Metric metric : metrics) {
                definitions.addObject().put("Name", metric.name()).put("Unit", metric.unit());
                line.put(metric.name(), metric.value());
            }
            out.get().println(line.toString());
        } catch (RuntimeException e) {
            // a metric is never worth failing the request or message it describes
        }
    }
}
