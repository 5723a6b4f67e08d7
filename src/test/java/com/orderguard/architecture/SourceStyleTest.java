package com.orderguard.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** What the compiled classes cannot show: how the sources name types. */
class SourceStyleTest {

    static final Path MAIN = Path.of("src/main/java/com/orderguard");

    /** A type named by its full package in code (not in an import, a Javadoc or a comment line). */
    static final Pattern INLINE_QUALIFIED = Pattern.compile("(^|[^\"\\w.])java\\.[a-z]+(\\.[a-z]+)*\\.[A-Z]");

    /** Sources left out of the check (none: every package is held to it). */
    static final List<String> REWORKED = List.of();

    @Test
    void noSourceNamesAJavaTypeByItsFullPackageInline() {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> REWORKED.stream().noneMatch(MAIN.relativize(file).toString()
                            .replace('\\', '/')::startsWith))
                    .forEach(file -> found.addAll(inlineNames(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(found).as("import the type instead").isEmpty();
    }

    static List<String> inlineNames(Path file) {
        List<String> found = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                boolean code = !line.startsWith("import ") && !line.startsWith("package ") && !line.startsWith("*")
                        && !line.startsWith("/*") && !line.startsWith("//");
                if (code && INLINE_QUALIFIED.matcher(line).find()) {
                    found.add(file + ":" + (i + 1) + ": " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }
}
