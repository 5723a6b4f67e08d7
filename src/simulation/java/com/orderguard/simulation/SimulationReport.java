package com.orderguard.simulation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderguard.simulation.Scenario.Shop;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The summary of a simulated month: decisions by outcome and rule, the sweep's work, the metrics of each shop
 * against their thresholds, and an HTML report whose charts (inline SVG, no script, no network) show each shop's
 * cancellation metric day by day against its threshold.
 */
final class SimulationReport {

    private final List<Shop> shops;
    private final LocalDate first;
    private final Map<Shop, Map<LocalDate, Double>> daily = new LinkedHashMap<>();
    private final Map<Shop, JsonNode> health = new LinkedHashMap<>();
    private final Map<Shop, Double> thresholds = new LinkedHashMap<>();
    private final Map<String, Long> byOutcome = new TreeMap<>();
    private final Map<String, Long> byRule = new TreeMap<>();
    private final Map<String, Long> events = new TreeMap<>();
    private final Map<String, Long> received = new TreeMap<>();
    private Map<String, Long> counters = Map.of();
    private String run = "";

    SimulationReport(List<Shop> shops, LocalDate first) {
        this.shops = shops;
        this.first = first;
        shops.forEach(shop -> daily.put(shop, new TreeMap<>()));
    }

    /** The metric that counts the shop's own cancellations, per marketplace. */
    static String cancelMetric(Shop shop) {
        return switch (shop.marketplace()) {
            case "amazon" -> "amazon.cancelRate";
            case "shopee" -> "shopee.nonFulfilmentRate";
            default -> "ozon.errorIndex";
        };
    }

    void day(Shop shop, LocalDate day, JsonNode report) {
        for (JsonNode metric : report.path("metrics")) {
            if (metric.path("metric").asText().equals(cancelMetric(shop))) {
                daily.get(shop).put(day, metric.path("value").asDouble());
                thresholds.put(shop, metric.path("threshold").asDouble());
                return;
            }
        }
    }

    void health(Shop shop, JsonNode report) {
        health.put(shop, report);
    }

    /** Counts decisions by outcome and deciding rule, and outbound events by type, from the table itself. */
    void table(List<Map<String, AttributeValue>> items) {
        for (Map<String, AttributeValue> item : items) {
            String type = item.get("type").s();
            if (type.equals("REQUEST")) {
                Map<String, AttributeValue> decision = item.get("decision").m();
                byOutcome.merge(decision.get("outcome").s() + " " + decision.get("kind").s(), 1L, Long::sum);
                byRule.merge(decision.get("rules").l().get(0).m().get("id").s(), 1L, Long::sum);
            } else if (type.equals("OUTBOX")) {
                events.merge(item.get("eventType").s(), 1L, Long::sum);
            }
        }
    }

    /** The events a consumer of the outbound queue received, by type. */
    void outbound(Map<String, Long> received) {
        received.forEach((type, count) -> this.received.put(type, count));
    }

    void counters(Map<String, Long> values, int orders, long invocations, double seconds) {
        counters = new TreeMap<>(values);
        run = String.format(Locale.ROOT, "%d orders, %d shops, %d function invocations in %.0f s (%.0f per second)",
                orders, shops.size(), invocations, seconds, invocations / seconds);
    }

    long autoCancels() {
        return events.getOrDefault("OrderAutoCancelled", 0L);
    }

    long decisions() {
        return byOutcome.values().stream().mapToLong(Long::longValue).sum();
    }

    String summary() {
        StringBuilder out = new StringBuilder("\n=== simulated month: " + run + "\n");
        out.append("decisions by outcome:\n");
        byOutcome.forEach((k, v) -> out.append(String.format(Locale.ROOT, "  %-36s %6d%n", k, v)));
        out.append("decisions by deciding rule:\n");
        byRule.forEach((k, v) -> out.append(String.format(Locale.ROOT, "  %-52s %6d%n", k, v)));
        out.append("outbound events (outbox items / received from the local SQS queue):\n");
        events.forEach((k, v) -> out.append(String.format(Locale.ROOT, "  %-36s %6d / %6d%n", k, v,
                received.getOrDefault(k, 0L))));
        out.append("simulation:\n");
        counters.forEach((k, v) -> out.append(String.format(Locale.ROOT, "  %-36s %6d%n", k, v)));
        out.append("shop metrics at the end (value / threshold / status):\n");
        health.forEach((shop, report) -> {
            out.append("  ").append(shop.marketplace()).append('.').append(shop.site()).append('.')
                    .append(shop.id()).append(shop.troubled() ? " (troubled)" : "").append('\n');
            for (JsonNode m : report.path("metrics")) {
                out.append(String.format(Locale.ROOT, "    %-28s %-4s %7.2f%% / %6.2f%%  %s%n", m.path("metric")
                        .asText(), m.path("window").asText(), 100 * m.path("value").asDouble(),
                        100 * m.path("threshold").asDouble(), m.path("status").asText()));
            }
            if (report.has("penaltyPoints")) {
                out.append("    penalty points: ").append(report.path("penaltyPoints")).append('\n');
            }
            if (report.has("fine")) {
                out.append("    fine tier: ").append(report.path("fine")).append('\n');
            }
        });
        return out.toString();
    }

    Path write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        StringBuilder html = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\">"
                + "<title>OrderGuard: a simulated month</title><style>body{font-family:sans-serif;margin:2em;"
                + "max-width:1000px}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 8px;"
                + "text-align:right}th{background:#eee}.l{text-align:left}</style></head><body>");
        html.append("<h1>A simulated month</h1><p>").append(escape(run)).append("</p>");
        html.append("<h2>Each shop's cancellation metric, day by day, against its threshold</h2>");
        for (Shop shop : shops) {
            html.append(chart(shop));
        }
        html.append("<h2>Decisions by outcome</h2>").append(table(byOutcome));
        html.append("<h2>Decisions by deciding rule</h2>").append(table(byRule));
        html.append("<h2>Outbound events (outbox items)</h2>").append(table(events));
        html.append("<h2>Outbound events received from the local SQS queue</h2>").append(table(received));
        html.append("<h2>Simulation</h2>").append(table(counters));
        html.append("<h2>Shop metrics at the end</h2><pre>").append(escape(summary().substring(
                summary().indexOf("shop metrics")))).append("</pre></body></html>");
        Files.writeString(file, html.toString());
        return file;
    }

    private String chart(Shop shop) {
        Map<LocalDate, Double> values = daily.get(shop);
        double threshold = thresholds.getOrDefault(shop, 0.0);
        double top = Math.max(threshold * 1.5, values.values().stream().mapToDouble(Double::doubleValue).max()
                .orElse(0) * 1.1);
        top = top == 0 ? 0.05 : top;
        int width = 640;
        int height = 160;
        int days = Math.max(1, values.size());
        List<String> points = new ArrayList<>();
        for (Map.Entry<LocalDate, Double> day : values.entrySet()) {
            long x = java.time.temporal.ChronoUnit.DAYS.between(first, day.getKey());
            points.add(String.format(Locale.ROOT, "%.1f,%.1f", 40 + x * (width - 60.0) / days,
                    height - 20 - day.getValue() / top * (height - 40)));
        }
        double y = height - 20 - threshold / top * (height - 40);
        return String.format(Locale.ROOT, "<h3>%s.%s.%s%s: %s</h3><svg width=\"%d\" height=\"%d\" "
                + "xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"100%%\" height=\"100%%\" fill=\"#fafafa\"/>"
                + "<line x1=\"40\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#c00\" stroke-dasharray=\"6 4\"/>"
                + "<text x=\"%d\" y=\"%.1f\" fill=\"#c00\" font-size=\"11\">threshold %.1f%%</text>"
                + "<polyline fill=\"none\" stroke=\"#06c\" stroke-width=\"2\" points=\"%s\"/>"
                + "<text x=\"2\" y=\"14\" font-size=\"11\">%.1f%%</text><text x=\"2\" y=\"%d\" font-size=\"11\">0%%"
                + "</text><text x=\"40\" y=\"%d\" font-size=\"11\">%s</text></svg>",
                shop.marketplace(), shop.site(), shop.id(), shop.troubled() ? " (troubled)" : "",
                cancelMetric(shop), width, height, y, width - 20, y, width - 120, y - 4, threshold * 100,
                String.join(" ", points), top * 100, height - 20, height - 4, first);
    }

    private static String table(Map<String, Long> values) {
        StringBuilder html = new StringBuilder("<table>");
        values.forEach((k, v) -> html.append("<tr><td class=\"l\">").append(escape(k)).append("</td><td>")
                .append(v).append("</td></tr>"));
        return html.append("</table>").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
