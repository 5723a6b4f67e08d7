package com.orderguard.adapter.json;


import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderguard.domain.FieldErrors;

/**
 * Reads the fields of one JSON object, checking JSON types and recording every problem (unknown field, wrong
 * type) in {@link FieldErrors} with the field's path. A field with a problem reads as null; a JSON null reads as
 * absent.
 */
public final class JsonReader {

    private final ObjectNode node;
    private final String at;
    private final FieldErrors errors;

    private JsonReader(ObjectNode node, String at, FieldErrors errors) {
        this.node = node;
        this.at = at;
        this.errors = errors;
    }

    /**
     * A reader for {@code node}, which must be an object whose field names are all in {@code allowed}.
     *
     * @return the reader, or null when {@code node} is not an object (the error is recorded)
     */
    public static JsonReader of(JsonNode node, String at, Set<String> allowed, FieldErrors errors) {
        if (node == null || !node.isObject()) {
            errors.add(at.isEmpty() ? "(body)" : at, "must be a JSON object");
            return null;
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                errors.add(FieldErrors.path(at, name), "is not a known field");
            }
        }
        return new JsonReader((ObjectNode) node, at, errors);
    }

    /** The path of a field of this object. */
    public String path(String name) {
        return FieldErrors.path(at, name);
    }

    /** The raw node of a field, or null when absent or JSON null. */
    public JsonNode node(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    /** A string field. */
    public String string(String name) {
        JsonNode value = node(name);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add(path(name), "must be a string");
            return null;
        }
        return value.textValue();
    }

    /** An integer field that fits a long. */
    public Long integer(String name) {
        JsonNode value = node(name);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            errors.add(path(name), "must be an integer");
            return null;
        }
        return value.longValue();
    }

    /** A boolean field. */
    public Boolean bool(String name) {
        JsonNode value = node(name);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            errors.add(path(name), "must be true or false");
            return null;
        }
        return value.booleanValue();
    }

    /** An array field, as its elements. */
    public List<JsonNode> array(String name) {
        JsonNode value = node(name);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            errors.add(path(name), "must be an array");
            return null;
        }
        List<JsonNode> elements = new ArrayList<>();
        value.forEach(elements::add);
        return elements;
    }

    /** An array of strings. */
    public List<String> strings(String name) {
        List<JsonNode> elements = array(name);
        if (elements == null) {
            return null;
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            if (elements.get(i).isTextual()) {
                values.add(elements.get(i).textValue());
            } else {
                errors.add(path(name) + "[" + i + "]", "must be a string");
            }
        }
        return values;
    }

    public FieldErrors errors() {
        return errors;
    }
}
