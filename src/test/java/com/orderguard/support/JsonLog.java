package com.orderguard.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads what a function logged and printed: the JSON log file of an observed profile, and standard output. */
public final class JsonLog {

    private JsonLog() {
    }

    /** The whole log file as text. */
    public static String text(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every line of the log file, each of which must be one JSON object (what CloudWatch Logs Insights needs). */
    public static List<JsonNode> lines(Path file) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : text(file).split("\\R")) {
            if (!line.isBlank()) {
                JsonNode json = Events.parse(line);
                assertThat(json.isObject()).as("a log line is one JSON object: %s", line).isTrue();
                lines.add(json);
            }
        }
        return lines;
    }

    /** The lines whose MDC field {@code name} is {@code value}. */
    public static List<JsonNode> where(List<JsonNode> lines, String name, String value) {
        return lines.stream().filter(line -> value.equals(line.path("mdc").path(name).asText(null))).toList();
    }

    /** Runs {@code action} and returns what was printed on standard output meanwhile (also still printed). */
    public static String stdout(Runnable action) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream tee = new PrintStream(captured, true, StandardCharsets.UTF_8) {
            @Override
            public void println(String line) {
                super.println(line);
                original.println(line);
            }
        };
        System.setOut(tee);
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
