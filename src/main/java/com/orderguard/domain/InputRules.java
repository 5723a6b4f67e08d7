package com.orderguard.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Shared checks for input values; each records a clear error on the named field and returns null if invalid. */
public final class InputRules {

    /** Instants before this are rejected as implausible. */
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    /** Instants from this one on are rejected as implausible. */
    public static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    private static final Pattern DECIMAL = Pattern.compile("\\d{1,12}(\\.\\d{1,4})?");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private InputRules() {
    }

    /** An ISO-8601 instant with offset, e.g. {@code 2024-11-20T09:30:00Z} or {@code 2024-11-20T17:30:00+08:00}. */
    public static Instant instant(String text, String field, FieldErrors errors) {
        if (text == null) {
            return null;
        }
        try {
            Instant value = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            if (value.isBefore(EARLIEST) || !value.isBefore(LATEST)) {
                errors.add(field, "must be between 2000-01-01 and 2100-01-01");
                return null;
            }
            return value;
        } catch (DateTimeParseException e) {
            errors.add(field, "must be an ISO-8601 instant with offset, e.g. 2024-11-20T09:30:00Z");
            return null;
        }
    }

    /** An enum constant named exactly {@code text}. */
    public static <E extends Enum<E>> E enumValue(Class<E> type, String text, String field, FieldErrors errors) {
        if (text == null) {
            return null;
        }
        Optional<E> match = Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(text)).findFirst();
        if (match.isEmpty()) {
            errors.add(field, "must be one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                    .collect(Collectors.joining(", ")));
        }
        return match.orElse(null);
    }

    /** A non-negative decimal string with at most 12 integer and 4 fraction digits, e.g. {@code 59.90}. */
    public static BigDecimal money(String text, String field, FieldErrors errors) {
        if (text == null) {
            return null;
        }
        if (!DECIMAL.matcher(text).matches()) {
            errors.add(field, "must be a decimal string such as \"59.90\"");
            return null;
        }
        return new BigDecimal(text);
    }

    /** An ISO-4217 currency code: three upper-case letters. */
    public static String currency(String text, String field, FieldErrors errors) {
        if (text != null && !CURRENCY.matcher(text).matches()) {
            errors.add(field, "must be an ISO-4217 code such as MYR");
            return null;
        }
        return text;
    }

    /** Free text of 1 to {@code max} characters without control characters. */
    public static String text(String text, int max, String field, FieldErrors errors) {
        if (text == null) {
            return null;
        }
        if (text.isBlank() || text.length() > max || text.codePoints().anyMatch(Character::isISOControl)
                || !wellFormed(text)) {
            errors.add(field, "must be 1-" + max + " characters without control characters or unpaired surrogates");
            return null;
        }
        return text;
    }

    /**
     * Whether {@code text} is well-formed UTF-16: no surrogate without its pair. JSON can carry a lone surrogate
     * ({@code "\ud800"}), but it has no UTF-8 form: stored or put in a key it would turn into '?' and become equal
     * to other text.
     */
    public static boolean wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** Text matching {@code pattern}, described to the caller as {@code expected}. */
    public static String matching(String text, Pattern pattern, String expected, String field, FieldErrors errors) {
        if (text != null && !pattern.matcher(text).matches()) {
            errors.add(field, "must be " + expected);
            return null;
        }
        return text;
    }

    /** Records a 'required' error when {@code value} is absent. */
    public static void required(Object value, String field, FieldErrors errors) {
        if (value == null && !errors.has(field)) {
            errors.add(field, "is required");
        }
    }
}
