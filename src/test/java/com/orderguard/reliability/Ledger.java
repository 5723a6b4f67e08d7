package com.orderguard.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the adversarial suite tried and what held, counted across test classes. The counts go to a file rather
 * than a static map: Quarkus loads each test class in its own class loader, and the summary is printed by a JUnit
 * listener in yet another (see {@link ReliabilitySummary}).
 */
public final class Ledger {

    /** Where the counts of the current run are appended; the summary listener clears it when a run starts. */
    static final Path FILE = Path.of("target", "reliability", "ledger.tsv");

    /** The rows of the summary, in the order they are printed; the number only orders them. */
    public static final String EVENTS = "10 events delivered (messages and API calls with an effect)";
    public static final String DUPLICATES = "11 duplicate deliveries among them";
    public static final String REDELIVERIES = "12 redeliveries after a failed call";
    public static final String STREAMS = "13 property runs (shuffled + duplicated vs in order)";
    public static final String COUNTERS = "14 shop-day counts compared, each exactly";
    public static final String FAULTS = "20 faults injected: ";
    public static final String SWEEP_KILLS = "25 sweep runs killed part way";
    public static final String RACES = "30 races run (rounds x orders)";
    public static final String RACE_CALLS = "31 concurrent calls in races";
    public static final String BAD_INPUT = "40 bad inputs tried: ";
    public static final String TENANT_PROBES = "50 cross-tenant probes";
    public static final String RISKS_CHECKED = "26 MetricAtRisk statuses checked after killed sweeps";
    public static final String LOST = "90 lost effects";
    public static final String DOUBLED = "91 doubled effects";
    public static final String VIOLATIONS = "92 other invariant violations";
    /** Queue messages that failed their 5 receives (they count as lost as well). */
    public static final String DEAD_LETTERED = "93 messages dead-lettered";

    private Ledger() {
    }

    /** Adds {@code count} to a row. */
    public static synchronized void add(String row, long count) {
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, row + "\t" + count + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows so far, summed. */
    static Map<String, Long> read() {
        Map<String, Long> rows = new TreeMap<>();
        if (!Files.exists(FILE)) {
            return rows;
        }
        try {
            for (String line : Files.readAllLines(FILE, StandardCharsets.UTF_8)) {
                int tab = line.lastIndexOf('\t');
                if (tab > 0) {
                    rows.merge(line.substring(0, tab), Long.parseLong(line.substring(tab + 1)), Long::sum);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
