package com.orderguard.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one table the benchmark prints: each figure next to its target and whether it is met. Markdown, so that it can
 * be pasted into docs/performance.md as it is; notes below the table say how each part was run.
 */
final class BenchTable {

    /** One figure. {@code met} is "yes", "no" or "-" (no target). */
    record Row(String area, String figure, String measured, String target, String met) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void add(String area, String figure, String measured, String target, Boolean met) {
        rows.add(new Row(area, figure, measured, target, met == null ? "-" : met ? "yes" : "no"));
    }

    void note(String text) {
        notes.add(text);
    }

    String render() {
        String[] header = {"area", "figure", "measured", "target", "met"};
        int[] width = new int[header.length];
        for (int c = 0; c < header.length; c++) {
            width[c] = header[c].length();
        }
        for (Row row : rows) {
            String[] cells = cells(row);
            for (int c = 0; c < cells.length; c++) {
                width[c] = Math.max(width[c], cells[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, header, width);
        String[] rule = new String[header.length];
        for (int c = 0; c < rule.length; c++) {
            rule[c] = "-".repeat(width[c]);
        }
        line(out, rule, width);
        for (Row row : rows) {
            line(out, cells(row), width);
        }
        out.append('\n');
        notes.forEach(note -> out.append("- ").append(note).append('\n'));
        return out.toString();
    }

    /** Prints the table and keeps a copy in {@code file}. */
    void print(Path file) {
        String table = render();
        System.out.println("\n===== OrderGuard benchmark =====\n\n" + table);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("(table also written to " + file + ")");
    }

    private static String[] cells(Row row) {
        return new String[] {row.area(), row.figure(), row.measured(), row.target(), row.met()};
    }

    private static void line(StringBuilder out, String[] cells, int[] width) {
        out.append('|');
        for (int c = 0; c < cells.length; c++) {
            out.append(' ').append(cells[c]).append(" ".repeat(width[c] - cells[c].length())).append(" |");
        }
        out.append('\n');
    }

    /** A number with thousands separators and {@code decimals} decimals. */
    static String number(double value, int decimals) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }
}
