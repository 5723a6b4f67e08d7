package com.orderguard.config;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Makes the application's object mapper refuse duplicate keys. Funqy reads every queue message body with (a copy
 * of) this mapper, so a message such as {@code {"tenantId":"a", ..., "tenantId":"b"}} - which one reader would take
 * for tenant a and another for tenant b - now fails alone with the parser's reason, like a malformed message. API
 * bodies are parsed strictly on their own ({@code StrictJson}).
 */
@Singleton
public class StrictJsonMapper implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }
}
