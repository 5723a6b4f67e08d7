package com.orderguard.adapter.dynamodb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Builds an UpdateItem expression with placeholder names for every attribute, so that reserved words such as
 * {@code status} need no special care.
 */
final class UpdateBuilder {

    private final List<String> sets = new ArrayList<>();
    private final List<String> removes = new ArrayList<>();
    private final List<String> adds = new ArrayList<>();
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, AttributeValue> values = new HashMap<>();

    /** {@code SET name = value}. */
    UpdateBuilder set(String name, AttributeValue value) {
        sets.add(name(name) + " = " + value(value));
        return this;
    }

    /** {@code SET} every entry. */
    UpdateBuilder setAll(Map<String, AttributeValue> attributes) {
        attributes.forEach(this::set);
        return this;
    }

    /** {@code ADD name value}: an atomic increment of a number. */
    UpdateBuilder add(String name, AttributeValue value) {
        adds.add(name(name) + " " + value(value));
        return this;
    }

    /** {@code REMOVE name}. */
    UpdateBuilder remove(String name) {
        removes.add(name(name));
        return this;
    }

    /** A placeholder for an attribute name, for use in a condition too. */
    String name(String name) {
        String placeholder = "#a" + names.size();
        names.put(placeholder, name);
        return placeholder;
    }

    /** A placeholder for a value, for use in a condition too. */
    String value(AttributeValue value) {
        String placeholder = ":v" + values.size();
        values.put(placeholder, value);
        return placeholder;
    }

    String expression() {
        StringBuilder expression = new StringBuilder();
        if (!sets.isEmpty()) {
            expression.append("SET ").append(String.join(", ", sets));
        }
        if (!removes.isEmpty()) {
            expression.append(expression.isEmpty() ? "" : " ").append("REMOVE ").append(String.join(", ", removes));
        }
        if (!adds.isEmpty()) {
            expression.append(expression.isEmpty() ? "" : " ").append("ADD ").append(String.join(", ", adds));
        }
        return expression.toString();
    }

    Map<String, String> names() {
        return names;
    }

    Map<String, AttributeValue> values() {
        return values.isEmpty() ? null : values;
    }
}
