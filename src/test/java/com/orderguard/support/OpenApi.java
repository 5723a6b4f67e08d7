package com.orderguard.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * infra/openapi.yaml, read with Jackson YAML, and a checker for JSON values against its schemas. The checker knows
 * the keywords the document uses ($ref, allOf, type, enum, pattern, format date-time and date, maxLength,
 * minimum, maximum, items, minItems, maxItems, properties, required) and refuses any other composition keyword,
 * so the document cannot silently say more than is checked. It is stricter than JSON Schema in one way, on
 * purpose: an object may only have the properties its schema declares, so a field the code writes but the
 * document does not describe is an error.
 */
public final class OpenApi {

    private static final Set<String> UNSUPPORTED = Set.of("oneOf", "anyOf", "not", "if", "then", "else",
            "additionalProperties", "patternProperties", "prefixItems", "const");

    private final JsonNode document;

    private OpenApi(JsonNode document) {
        this.document = document;
    }

    /** Reads infra/openapi.yaml. */
    public static OpenApi read() {
        try {
            return new OpenApi(new ObjectMapper(new YAMLFactory()).readTree(new File("infra/openapi.yaml")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode document() {
        return document;
    }

    /** Every operation as a route key ({@code POST /v1/evaluations}) with its operation object. */
    public Map<String, JsonNode> operations() {
        Map<String, JsonNode> operations = new LinkedHashMap<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (Set.of("get", "put", "post", "delete", "patch", "head", "options").contains(op.getKey())) {
                operations.put(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), op.getValue());
            }
        }));
        return operations;
    }

    /** The operation of a route key. */
    public JsonNode operation(String routeKey) {
        JsonNode operation = operations().get(routeKey);
        if (operation == null) {
            throw new AssertionError("the document has no operation " + routeKey);
        }
        return operation;
    }

    /** The declared response of an operation for a status ({@code $ref}s resolved), or null. */
    public JsonNode response(String routeKey, int status) {
        JsonNode response = operation(routeKey).path("responses").get(Integer.toString(status));
        return response == null ? null : resolve(response);
    }

    /** The statuses an operation declares. */
    public Set<Integer> statuses(String routeKey) {
        Set<Integer> statuses = new LinkedHashSet<>();
        operation(routeKey).path("responses").fieldNames().forEachRemaining(s -> statuses.add(Integer.parseInt(s)));
        return statuses;
    }

    /** The schema of an operation's JSON request body ({@code $ref} kept), or null when it takes none. */
    public JsonNode requestSchema(String routeKey) {
        JsonNode body = operation(routeKey).path("requestBody");
        return body.isMissingNode() ? null : resolve(body).at("/content/application~1json/schema");
    }

    /** A named schema of {@code components/schemas}. */
    public JsonNode schema(String name) {
        JsonNode schema = document.at("/components/schemas/" + name);
        if (schema.isMissingNode()) {
            throw new AssertionError("no schema " + name);
        }
        return schema;
    }

    /** Follows a local {@code $ref}; other nodes are returned as they are. */
    public JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new AssertionError("only local references are supported: " + ref);
            }
            current = document.at(ref.substring(1));
            if (current.isMissingNode()) {
                throw new AssertionError("dangling reference " + ref);
            }
        }
        return current;
    }

    /** Every problem with {@code value} against {@code schema}, each with its JSON path; empty when it conforms. */
    public List<String> check(JsonNode value, JsonNode schema) {
        List<String> problems = new ArrayList<>();
        check(value, schema, "$", problems);
        return problems;
    }

    /** The property names an object schema declares, across {@code $ref} and {@code allOf}. */
    public Set<String> properties(JsonNode schema) {
        Set<String> names = new LinkedHashSet<>();
        parts(schema).forEach(part -> part.path("properties").fieldNames().forEachRemaining(names::add));
        return names;
    }

    /** The required property names of an object schema, across {@code $ref} and {@code allOf}. */
    public Set<String> required(JsonNode schema) {
        Set<String> names = new LinkedHashSet<>();
        parts(schema).forEach(part -> part.path("required").forEach(name -> names.add(name.asText())));
        return names;
    }

    /** The schema of one property of an object schema (the first part that declares it), or null. */
    public JsonNode property(JsonNode schema, String name) {
        for (JsonNode part : parts(schema)) {
            if (part.path("properties").has(name)) {
                return part.path("properties").get(name);
            }
        }
        return null;
    }

    /** The schema flattened: itself (its {@code $ref} target) and every {@code allOf} member, recursively. */
    List<JsonNode> parts(JsonNode schema) {
        List<JsonNode> parts = new ArrayList<>();
        collect(schema, parts);
        return parts;
    }

    private void collect(JsonNode schema, List<JsonNode> parts) {
        for (String keyword : UNSUPPORTED) {
            if (schema.has(keyword)) {
                throw new AssertionError("the checker does not know '" + keyword + "': " + schema);
            }
        }
        parts.add(schema);
        if (schema.has("$ref")) {
            collect(resolve(schema), parts);
        }
        schema.path("allOf").forEach(member -> collect(member, parts));
    }

    private void check(JsonNode value, JsonNode schema, String at, List<String> problems) {
        List<JsonNode> parts = parts(schema);
        for (JsonNode part : parts) {
            checkValue(value, part, at, problems);
        }
        if (value.isObject()) {
            Set<String> declared = properties(schema);
            for (Iterator<String> names = value.fieldNames(); names.hasNext();) {
                String name = names.next();
                if (!declared.contains(name)) {
                    problems.add(at + "." + name + ": not declared in the document");
                }
            }
            for (String name : required(schema)) {
                if (!value.has(name)) {
                    problems.add(at + "." + name + ": required but missing");
                }
            }
            value.fields().forEachRemaining(field -> {
                for (JsonNode part : parts) {
                    JsonNode property = part.path("properties").get(field.getKey());
                    if (property != null) {
                        check(field.getValue(), property, at + "." + field.getKey(), problems);
                    }
                }
            });
        }
        if (value.isArray()) {
            for (JsonNode part : parts) {
                if (part.has("items")) {
                    for (int i = 0; i < value.size(); i++) {
                        check(value.get(i), part.get("items"), at + "[" + i + "]", problems);
                    }
                }
            }
        }
    }

    /** The keywords about the value itself. */
    private static void checkValue(JsonNode value, JsonNode schema, String at, List<String> problems) {
        JsonNode type = schema.get("type");
        if (type != null) {
            List<String> types = new ArrayList<>();
            if (type.isArray()) {
                type.forEach(t -> types.add(t.asText()));
            } else {
                types.add(type.asText());
            }
            if (types.stream().noneMatch(t -> hasType(value, t))) {
                problems.add(at + ": " + value.getNodeType() + " is not " + types);
                return;
            }
        }
        JsonNode allowed = schema.get("enum");
        if (allowed != null && !contains(allowed, value)) {
            problems.add(at + ": " + value + " is not one of " + allowed);
        }
        if (value.isTextual()) {
            String text = value.textValue();
            if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(text).find()) {
                problems.add(at + ": '" + text + "' does not match " + schema.get("pattern").asText());
            }
            if (schema.has("maxLength") && text.codePointCount(0, text.length()) > schema.get("maxLength").asInt()) {
                problems.add(at + ": longer than " + schema.get("maxLength").asInt());
            }
            String format = schema.path("format").asText("");
            if (format.equals("date-time") && !parses(() -> OffsetDateTime.parse(text))) {
                problems.add(at + ": '" + text + "' is not a date-time");
            } else if (format.equals("date") && !parses(() -> LocalDate.parse(text))) {
                problems.add(at + ": '" + text + "' is not a date");
            }
        }
        if (value.isNumber()) {
            if (schema.has("minimum") && value.decimalValue().compareTo(schema.get("minimum").decimalValue()) < 0) {
                problems.add(at + ": below " + schema.get("minimum"));
            }
            if (schema.has("maximum") && value.decimalValue().compareTo(schema.get("maximum").decimalValue()) > 0) {
                problems.add(at + ": above " + schema.get("maximum"));
            }
        }
        if (value.isArray()) {
            if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
                problems.add(at + ": fewer than " + schema.get("minItems").asInt() + " items");
            }
            if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
                problems.add(at + ": more than " + schema.get("maxItems").asInt() + " items");
            }
        }
    }

    private static boolean hasType(JsonNode value, String type) {
        return switch (type) {
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber()
                    || value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0;
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            case "null" -> value.isNull();
            default -> throw new AssertionError("unknown type " + type);
        };
    }

    private static boolean contains(JsonNode allowed, JsonNode value) {
        for (JsonNode candidate : allowed) {
            if (candidate.equals(value) || candidate.isNull() && value.isNull()) {
                return true;
            }
        }
        return false;
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
