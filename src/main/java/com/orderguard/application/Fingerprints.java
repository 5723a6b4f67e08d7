package com.orderguard.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Digests of what a request or event says, to tell a retry of it from something else reusing its id. */
final class Fingerprints {

    private Fingerprints() {
    }

    /** A short SHA-256 digest of the values, in order (null counts as a value). */
    static String of(Object... values) {
        String text = Stream.of(values).map(v -> Objects.toString(v, "\u0000")).collect(Collectors.joining("|"));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
