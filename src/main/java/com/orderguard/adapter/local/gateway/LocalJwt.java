package com.orderguard.adapter.local.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Local JWTs (HS256) for the dev-mode gateway: minted for a tenant, and verified as API Gateway's JWT authorizer
 * does (signature, issuer, audience, expiry). The claims of a valid token become the event's authorizer claims.
 */
final class LocalJwt {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final String HEADER = ENCODER.encodeToString(
            "{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private final byte[] key;
    private final String issuer;
    private final String audience;
    private final ObjectMapper mapper;

    LocalJwt(String key, String issuer, String audience, ObjectMapper mapper) {
        this.key = key.getBytes(StandardCharsets.UTF_8);
        this.issuer = issuer;
        this.audience = audience;
        this.mapper = mapper;
    }

    /** A signed token for {@code subject}, valid for {@code lifetime} from {@code now}. */
    String mint(String subject, Instant now, Duration lifetime) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", subject);
        claims.put("iss", issuer);
        claims.put("aud", audience);
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(lifetime).getEpochSecond());
        try {
            String payload = ENCODER.encodeToString(mapper.writeValueAsBytes(claims));
            return HEADER + "." + payload + "." + sign(HEADER + "." + payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("claims of a local token", e);
        }
    }

    /** The claims as API Gateway passes them (string values), or empty when the token is not valid at {@code now}. */
    Optional<Map<String, Object>> verify(String token, Instant now) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !HEADER.equals(parts[0])) {
            return Optional.empty();
        }
        byte[] expected = sign(parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, parts[2].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try {
            JsonNode claims = mapper.readTree(DECODER.decode(parts[1]));
            boolean current = claims.path("exp").asLong(0) > now.getEpochSecond();
            if (!current || !issuer.equals(claims.path("iss").asText())
                    || !audience.equals(claims.path("aud").asText())) {
                return Optional.empty();
            }
            Map<String, Object> strings = new LinkedHashMap<>();
            claims.fields().forEachRemaining(claim -> strings.put(claim.getKey(), claim.getValue().asText()));
            return Optional.of(strings);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String sign(String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return ENCODER.encodeToString(mac.doFinal(content.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256", e);
        }
    }
}
