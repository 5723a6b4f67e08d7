package com.orderguard.adapter.dynamodb;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Turns the due-time index's LastEvaluatedKey (four string attributes) into an opaque cursor and back. */
final class DueCursor {

    private static final List<String> KEYS = List.of(TableLayout.PK, TableLayout.SK, TableLayout.DUE_PK,
            TableLayout.DUE_SK);

    private DueCursor() {
    }

    static String encode(Map<String, AttributeValue> key) {
        String joined = String.join("\n", KEYS.stream().map(name -> key.get(name).s()).toList());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, AttributeValue> decode(String cursor) {
        String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", -1);
        Map<String, AttributeValue> key = new HashMap<>();
        for (int i = 0; i < KEYS.size(); i++) {
            key.put(KEYS.get(i), AttributeValue.fromS(parts[i]));
        }
        return key;
    }
}
