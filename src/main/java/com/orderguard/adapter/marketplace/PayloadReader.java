package com.orderguard.adapter.marketplace;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderguard.domain.FieldErrors;
import com.orderguard.domain.InputRules;

/**
 * Reads the fields of one object of a marketplace's own JSON. Unlike the contract's strict reader it ignores
 * fields it is not asked about (the platforms add fields all the time), but every field it is asked about must
 * have the documented JSON type. Problems are recorded with the field's path in the message
 * ({@code payload.order_status}) and the platform in the text ({@code shopee: unknown order_status 'FOO'}); a
 * field with a problem reads as null. JSON null and, for strings, the empty string read as absent: the platforms
 * send {@code ""} for unset values.
 */
public final class PayloadReader {

    private final String platform;
    private final JsonNode node;
    private final String at;
    private final FieldErrors errors;

    private PayloadReader(String platform, JsonNode node, String at, FieldErrors errors) {
        this.platform = platform;
        this.node = node;
        this.at = at;
        this.errors = errors;
    }

    /** A reader for {@code node} at path {@code at}, or null (error recorded) when it is not an object. */
    public static PayloadReader of(String platform, JsonNode node, String at, FieldErrors errors) {
        if (node == null || !node.isObject()) {
            errors.add(at, platform + ": must be a JSON object");
            return null;
        }
        return new PayloadReader(platform, node, at, errors);
    }

    public String platform() {
        return platform;
    }

    /** The path of this object in its message, e.g. {@code payload.item_list[0]}. */
    public String at() {
        return at;
    }

    /** The path of a field of this object. */
    public String path(String name) {
        return FieldErrors.path(at, name);
    }

    /** Records that field {@code name} has {@code problem}; the message names the platform. */
    public void fail(String name, String problem) {
        errors.add(path(name), platform + ": " + problem);
    }

    /** Whether the field is present and not JSON null. */
    public boolean has(String name) {
        return raw(name) != null;
    }

    /** Whether the field is a JSON array. */
    public boolean isArray(String name) {
        return raw(name) != null && raw(name).isArray();
    }

    /** A nested object, or null when absent (or not an object: the error is recorded). */
    public PayloadReader object(String name) {
        JsonNode value = raw(name);
        return value == null ? null : of(platform, value, path(name), errors);
    }

    /** An array of objects; absent reads as an empty list, a non-object element is recorded and skipped. */
    public List<PayloadReader> objects(String name) {
        JsonNode value = raw(name);
        List<PayloadReader> readers = new ArrayList<>();
        if (value == null) {
            return readers;
        }
        if (!value.isArray()) {
            fail(name, name + " must be an array");
            return readers;
        }
        for (int i = 0; i < value.size(); i++) {
            PayloadReader element = of(platform, value.get(i), path(name) + "[" + i + "]", errors);
            if (element != null) {
                readers.add(element);
            }
        }
        return readers;
    }

    /** A string field; empty reads as absent. */
    public String text(String name) {
        JsonNode value = raw(name);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            fail(name, name + " must be a string");
            return null;
        }
        return value.textValue().isEmpty() ? null : value.textValue();
    }

    /** A string field that must be present and not empty. */
    public String requiredText(String name) {
        boolean present = has(name);
        String value = text(name);
        if (value == null && !errors.has(path(name))) {
            fail(name, name + (present ? " must not be empty" : " is required"));
        }
        return value;
    }

    /** An integer field. */
    public Long integer(String name) {
        JsonNode value = raw(name);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            fail(name, name + " must be an integer");
            return null;
        }
        return value.longValue();
    }

    /** A JSON boolean field. */
    public Boolean bool(String name) {
        JsonNode value = raw(name);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            fail(name, name + " must be true or false");
            return null;
        }
        return value.booleanValue();
    }

    /**
     * A flag sent as the string {@code "true"} or {@code "false"} (as SP-API does); a JSON boolean or any other
     * string is an error, since it means the payload is not what the platform documents.
     */
    public Boolean stringFlag(String name) {
        JsonNode value = raw(name);
        if (value == null) {
            return null;
        }
        if (value.isTextual() && ("true".equals(value.textValue()) || "false".equals(value.textValue()))) {
            return Boolean.valueOf(value.textValue());
        }
        fail(name, name + " must be the string \"true\" or \"false\", got " + (value.isTextual()
                ? Quote.of(value.textValue()) : "the JSON " + value.getNodeType().name().toLowerCase(Locale.ROOT)
                + " " + Quote.of(value.toString())));
        return null;
    }

    /** A number given as a JSON number or a decimal string; negative values are refused. */
    public BigDecimal decimal(String name) {
        JsonNode value = raw(name);
        if (value == null || value.isTextual() && value.textValue().isEmpty()) {
            return null;
        }
        try {
            // a double goes through its shortest decimal form, so 2988.99 stays 2988.99
            BigDecimal number = value.isNumber() ? new BigDecimal(value.asText())
                    : value.isTextual() ? new BigDecimal(value.textValue()) : null;
            if (number != null && number.signum() >= 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        fail(name, name + " must be a non-negative number, got " + Quote.of(value.asText()));
        return null;
    }

    /** Unix seconds; 0 means unset on Shopee and reads as absent. */
    public Instant unixSeconds(String name) {
        Long seconds = integer(name);
        if (seconds == null || seconds == 0) {
            return null;
        }
        Instant value = seconds > 0 && seconds < InputRules.LATEST.getEpochSecond()
                ? Instant.ofEpochSecond(seconds) : null;
        if (value == null || value.isBefore(InputRules.EARLIEST)) {
            fail(name, name + " " + seconds + " is not a plausible time in unix seconds");
            return null;
        }
        return value;
    }

    /** An ISO-8601 instant with offset, e.g. {@code 2024-11-20T09:30:00Z} or {@code 2022-05-13T07:07:32.614Z}. */
    public Instant isoInstant(String name) {
        String text = text(name);
        if (text == null) {
            return null;
        }
        try {
            Instant value = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            if (!value.isBefore(InputRules.EARLIEST) && value.isBefore(InputRules.LATEST)) {
                return value;
            }
        } catch (DateTimeParseException e) {
            fail(name, name + " must be an ISO-8601 time with offset, got " + Quote.of(text));
            return null;
        }
        fail(name, name + " " + Quote.of(text) + " is not a plausible time");
        return null;
    }

    private JsonNode raw(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }
}
