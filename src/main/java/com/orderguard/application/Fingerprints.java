package com.orderguard.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.orderguard.domain.decision.OrderRequest;
import com.orderguard.domain.health.Defect;

/** Digests of what a request or event says, to tell a retry of it from something else reusing its id. */
final class Fingerprints {

    private Fingerprints() {
    }

    /**
     * What a cancellation request says: who, why, through which channel and the note. The request time is left
     * out: a retry without an explicit time is stamped anew, and still the same request.
     */
    static String ofCancellation(OrderRequest request) {
        return of(request.initiator(), request.reason(), request.via(), request.note());
    }

    /**
     * What a defect's id stands for: its type. Its time is left out: it defaults to when the defect was received,
     * so a retry without it is still the same defect.
     */
    static String ofDefect(Defect defect) {
        return of(defect.type());
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
