package com.orderguard.adapter.lambda.http;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import com.orderguard.config.OrderGuardConfig;
import com.orderguard.domain.TenantId;

/**
 * Opaque, tamper-proof list cursors: the store's position with the tenant, the query it belongs to and an expiry,
 * in base64url, followed by an HMAC-SHA256 of all of it under the configured key. A cursor that was altered,
 * truncated, forged without the key, has expired, or belongs to another tenant or another query opens to nothing.
 */
@ApplicationScoped
public class Cursors {

    /** Longer than any cursor this class writes; longer input is not even decoded. */
    static final int MAX_LENGTH = 1024;

    private static final String VERSION = "c1";
    private static final char SEPARATOR = '\u001f';

    private final SecretKeySpec key;
    private final Duration ttl;

    public Cursors(OrderGuardConfig config) {
        this.key = new SecretKeySpec(config.api().cursorKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.ttl = config.api().cursorTtl();
    }

    /** A cursor for the position, valid for this tenant and query until {@code now + ttl}. */
    public String sign(TenantId tenant, String query, List<String> position, Instant now) {
        List<String> parts = new ArrayList<>(List.of(VERSION, tenant.value(), query,
                Long.toString(now.plus(ttl).getEpochSecond())));
        parts.addAll(position);
        byte[] payload = String.join(String.valueOf(SEPARATOR), parts).getBytes(StandardCharsets.UTF_8);
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString(payload) + "." + base64.encodeToString(mac(payload));
    }

    /** The position in the cursor, if the cursor is intact, unexpired and was made for this tenant and query. */
    public Optional<List<String>> open(String cursor, TenantId tenant, String query, Instant now) {
        if (cursor == null || cursor.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        int dot = cursor.indexOf('.');
        if (dot <= 0 || dot != cursor.lastIndexOf('.')) {
            return Optional.empty();
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = Base64.getUrlDecoder().decode(cursor.substring(0, dot));
            signature = Base64.getUrlDecoder().decode(cursor.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        // only the one encoding this class writes: base64 ignores a last character's unused bits, so another
        // spelling of the same bytes would otherwise pass as an altered cursor that still opens
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        if (!cursor.equals(base64.encodeToString(payload) + "." + base64.encodeToString(signature))
                || !MessageDigest.isEqual(mac(payload), signature)) {
            return Optional.empty();
        }
        List<String> parts = Arrays.asList(new String(payload, StandardCharsets.UTF_8)
                .split(String.valueOf(SEPARATOR), -1));
        if (parts.size() < 5 || !VERSION.equals(parts.get(0)) || !tenant.value().equals(parts.get(1))
                || !query.equals(parts.get(2)) || !parts.get(3).matches("[0-9]{1,12}")
                || Long.parseLong(parts.get(3)) < now.getEpochSecond()) {
            return Optional.empty();
        }
        return Optional.of(List.copyOf(parts.subList(4, parts.size())));
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
