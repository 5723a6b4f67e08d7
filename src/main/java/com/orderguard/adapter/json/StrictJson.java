package com.orderguard.adapter.json;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * Parses request bodies strictly: duplicate keys and trailing content are errors, so that a body can never
 * mean two things (for instance a second, forged value of a field).
 */
@ApplicationScoped
public class StrictJson {

    private final ObjectReader reader;

    public StrictJson(ObjectMapper mapper) {
        this.reader = mapper.reader()
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .withFeatures(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /** The parsed tree. */
    public JsonNode parse(String text) throws JsonProcessingException {
        return reader.readTree(text);
    }

    /** A short, safe description of why {@code e}'s input is not JSON (no echo of the input). */
    public static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message != null && message.length() > 200) {
            message = message.substring(0, 200) + "...";
        }
        return e.getLocation() == null ? message
                : message + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }
}
