package com.orderguard.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints the adversarial suite's summary table once, when the whole test run ends (registered through
 * {@code META-INF/services}). Runs without reliability tests leave no ledger and print nothing.
 */
public class ReliabilitySummary implements TestExecutionListener {

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        try {
            Files.deleteIfExists(Ledger.FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        Map<String, Long> rows = Ledger.read();
        if (rows.isEmpty()) {
            return;
        }
        System.out.println(table(rows));
    }

    static String table(Map<String, Long> rows) {
        rows.putIfAbsent(Ledger.LOST, 0L);
        rows.putIfAbsent(Ledger.DOUBLED, 0L);
        rows.putIfAbsent(Ledger.VIOLATIONS, 0L);
        rows.putIfAbsent(Ledger.DEAD_LETTERED, 0L);
        int width = rows.keySet().stream().mapToInt(key -> label(key).length()).max().orElse(10);
        String rule = "+-" + "-".repeat(width) + "-+------------+";
        StringBuilder out = new StringBuilder("\n").append(rule).append('\n');
        out.append(String.format("| %-" + width + "s | %10s |%n", "OrderGuard reliability suite", "count"));
        out.append(rule).append('\n');
        String group = null;
        for (Map.Entry<String, Long> row : rows.entrySet()) {
            String rowGroup = row.getKey().substring(0, 1);
            if (group != null && !group.equals(rowGroup)) {
                out.append(rule).append('\n');
            }
            group = rowGroup;
            out.append(String.format("| %-" + width + "s | %10d |%n", label(row.getKey()), row.getValue()));
        }
        out.append(rule);
        long broken = rows.get(Ledger.LOST) + rows.get(Ledger.DOUBLED) + rows.get(Ledger.VIOLATIONS);
        out.append('\n').append(broken == 0 ? "Nothing lost, nothing doubled, every invariant held."
                : "BROKEN: " + broken + " lost or doubled effects or invariant violations (see the failures above).");
        return out.toString();
    }

    private static String label(String key) {
        return key.substring(3);
    }
}
