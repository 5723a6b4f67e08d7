package com.orderguard.adapter.marketplace;

/**
 * Puts a platform's value into an error message or a note: quoted, clipped and without control characters, so a
 * hostile or huge payload cannot forge log lines or flood the log.
 */
public final class Quote {

    private static final int MAX = 40;

    private Quote() {
    }

    /** {@code 'value'}, clipped to 40 characters. */
    public static String of(String value) {
        return "'" + clean(value, MAX) + "'";
    }

    /** The text with control characters replaced by spaces, clipped to {@code max} characters. */
    public static String clean(String value, int max) {
        StringBuilder out = new StringBuilder();
        value.codePoints().limit(max).forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return value.codePointCount(0, value.length()) > max ? out + "..." : out.toString();
    }
}
