package com.orderguard.infra;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Checks a template against {@link ResourceSpec}: every {@code AWS::*} resource type exists, every property name
 * is one of its type's (at every depth), every required property is given, and every value has the property's
 * type (string, number, boolean, list, map, structure, tag). An intrinsic function's value is not known before
 * deployment and passes, except that both branches of {@code Fn::If} are checked.
 *
 * <p>SAM's resources are checked against their entries in the same specification, which come from SAM's own
 * resource specification and lag SAM: properties SAM added later (e.g. {@code SnapStart} and {@code LoggingConfig}
 * of a function, {@code AccessLogSettings} of an HTTP API, an SQS event's {@code FunctionResponseTypes}, the
 * {@code ScheduleV2} event) are missing there. SAM passes those through to the CloudFormation resources it creates,
 * so a property the SAM entry does not list is checked against those resources' specification
 * ({@link #EXPANDS_TO}, {@link #EVENT_EXPANDS_TO}): a name neither knows fails, and its value is checked against
 * the CloudFormation type. SAM's own JSON schema would be the better source for these, but it is published only
 * on GitHub, which our machines cannot reach, and no npm package ships a current copy.
 */
final class TemplateSpecCheck {

    /** The CloudFormation resources each SAM resource type creates (for properties SAM passes through). */
    static final Map<String, List<String>> EXPANDS_TO = Map.of(
            "AWS::Serverless::Function", List.of("AWS::Lambda::Function"),
            "AWS::Serverless::HttpApi", List.of("AWS::ApiGatewayV2::Api", "AWS::ApiGatewayV2::Stage"),
            "AWS::Serverless::Api", List.of("AWS::ApiGateway::RestApi", "AWS::ApiGateway::Stage"),
            "AWS::Serverless::SimpleTable", List.of("AWS::DynamoDB::Table"),
            "AWS::Serverless::LayerVersion", List.of("AWS::Lambda::LayerVersion"),
            "AWS::Serverless::StateMachine", List.of("AWS::StepFunctions::StateMachine"));
    /** The CloudFormation resource each SAM event source creates; a ScheduleV2 event also sets its target's. */
    static final Map<String, String> EVENT_EXPANDS_TO = Map.of("SQS", "AWS::Lambda::EventSourceMapping",
            "Kinesis", "AWS::Lambda::EventSourceMapping", "DynamoDB", "AWS::Lambda::EventSourceMapping",
            "ScheduleV2", "AWS::Scheduler::Schedule", "Schedule", "AWS::Events::Rule",
            "EventBridgeRule", "AWS::Events::Rule", "HttpApi", "AWS::ApiGatewayV2::Route");
    private static final Set<String> RESOURCE_KEYS = Set.of("Type", "Properties", "Condition", "DependsOn",
            "DeletionPolicy", "UpdateReplacePolicy", "Metadata", "UpdatePolicy", "CreationPolicy");

    private final ResourceSpec spec;
    private final List<String> errors = new ArrayList<>();

    private TemplateSpecCheck(ResourceSpec spec) {
        this.spec = spec;
    }

    /** Every disagreement between {@code template} and the specification, one line each (empty: none). */
    static List<String> check(ResourceSpec spec, JsonNode template) {
        TemplateSpecCheck check = new TemplateSpecCheck(spec);
        template.path("Globals").fields().forEachRemaining(global -> check.properties("Globals." + global.getKey(),
                "AWS::Serverless::" + global.getKey(), global.getValue(), false));
        template.path("Resources").fields().forEachRemaining(r -> check.resource(r.getKey(), r.getValue()));
        return check.errors;
    }

    private void resource(String name, JsonNode resource) {
        resource.fieldNames().forEachRemaining(key -> {
            if (!RESOURCE_KEYS.contains(key)) {
                errors.add(name + ": '" + key + "' is not a resource attribute");
            }
        });
        String type = resource.path("Type").asText();
        if (!type.startsWith("AWS::")) {
            return;
        }
        if (spec.properties(type).isEmpty()) {
            errors.add(name + ": no resource type " + type);
            return;
        }
        properties(name + ".Properties", type, resource.path("Properties"), true);
    }

    /** The top-level properties of a resource (or of a SAM Globals section) of {@code type}. */
    private void properties(String path, String type, JsonNode given, boolean checkRequired) {
        JsonNode own = spec.properties(type).orElseThrow();
        List<JsonNode> known = new ArrayList<>(List.of(own));
        EXPANDS_TO.getOrDefault(type, List.of()).forEach(created -> known.add(spec.properties(created).orElseThrow()));
        JsonNode rest = given;
        if (given.isObject() && "AWS::Serverless::Function".equals(type) && given.has("Events")) {
            events(path + ".Events", own.at("/Events/type/element"), given.get("Events"));
            rest = ((ObjectNode) given.deepCopy()).without("Events");
        }
        check(path, type, known, rest);
        if (checkRequired) {
            required(path, own, given);
        }
    }

    /** Names and values of {@code given} against the first of the {@code known} property sets naming each. */
    private void check(String path, String type, List<JsonNode> known, JsonNode given) {
        if (!given.isMissingNode() && !given.isObject()) {
            errors.add(path + ": not a structure");
            return;
        }
        given.fields().forEachRemaining(field -> {
            JsonNode property = known.stream().filter(set -> set.has(field.getKey())).findFirst()
                    .map(set -> set.get(field.getKey())).orElse(null);
            if (property == null) {
                errors.add(path + "." + field.getKey() + ": no such property of " + type);
            } else {
                value(path + "." + field.getKey(), property.get("type"), field.getValue());
            }
        });
    }

    /** A function's events: each one's properties by its Type (SAM's event entry, then what the event creates). */
    private void events(String path, JsonNode eventType, JsonNode events) {
        JsonNode alternatives = spec.referenced(eventType).at("/Properties/type/types");
        events.fields().forEachRemaining(event -> {
            String name = path + "." + event.getKey();
            String type = event.getValue().path("Type").asText();
            JsonNode properties = event.getValue().path("Properties");
            List<JsonNode> known = new ArrayList<>();
            for (JsonNode alternative : alternatives) {
                if (spec.name(alternative).equals(type + "Event")) {
                    known.add(spec.referenced(alternative));
                    required(name + ".Properties", spec.referenced(alternative), properties);
                }
            }
            String created = EVENT_EXPANDS_TO.get(type);
            if (created != null) {
                JsonNode resource = spec.properties(created).orElseThrow();
                known.add(resource);
                if ("ref".equals(resource.at("/Target/type/type").asText())) {
                    known.add(spec.referenced(resource.at("/Target/type")));
                }
            }
            if (known.isEmpty()) {
                errors.add(name + ": no event source type " + type);
            } else {
                check(name + ".Properties", type + " event", known, properties);
            }
        });
    }

    private void required(String path, JsonNode properties, JsonNode given) {
        properties.fields().forEachRemaining(property -> {
            if (property.getValue().path("required").asBoolean() && !given.has(property.getKey())) {
                errors.add(path + ": required property " + property.getKey() + " is missing");
            }
        });
    }

    /** {@code value} against a property type of the specification. */
    private void value(String path, JsonNode type, JsonNode value) {
        if (intrinsic(value)) {
            ifBranches(value).forEach(branch -> value(path, type, branch));
            return;
        }
        switch (type.get("type").asText()) {
            case "string", "date-time" -> expect(path, value.isValueNode() && !value.isNull(), "a string", value);
            case "integer", "number" -> expect(path, value.isNumber() || value.isTextual()
                    && value.asText().matches("-?\\d+(\\.\\d+)?"), "a number", value);
            case "boolean" -> expect(path, value.isBoolean() || value.isTextual()
                    && value.asText().matches("true|false"), "a boolean", value);
            case "json" -> expect(path, true, "JSON", value);
            case "tag" -> structure(path, TAG, value);
            case "array" -> list(path, type.get("element"), value);
            case "map" -> map(path, type.get("element"), value);
            case "ref" -> structure(path, spec.referenced(type), value);
            case "union" -> union(path, type.get("types"), value);
            default -> errors.add(path + ": the specification has an unknown type " + type);
        }
    }

    /** A resource tag: {@code {Key, Value}}, both required strings. */
    private static final JsonNode TAG = tagProperties();

    private static JsonNode tagProperties() {
        ObjectNode properties = new ObjectMapper().createObjectNode();
        properties.putObject("Key").put("required", true).putObject("type").put("type", "string");
        properties.putObject("Value").put("required", true).putObject("type").put("type", "string");
        return properties;
    }

    private void structure(String path, JsonNode properties, JsonNode value) {
        if (!value.isObject()) {
            errors.add(path + ": expected a structure, found " + value);
            return;
        }
        value.fields().forEachRemaining(field -> {
            JsonNode property = properties.get(field.getKey());
            if (property == null) {
                errors.add(path + "." + field.getKey() + ": no such property (known: " + names(properties) + ")");
            } else {
                value(path + "." + field.getKey(), property.get("type"), field.getValue());
            }
        });
        required(path, properties, value);
    }

    private void list(String path, JsonNode element, JsonNode value) {
        if (!value.isArray()) {
            errors.add(path + ": expected a list, found " + value);
            return;
        }
        for (int i = 0; i < value.size(); i++) {
            value(path + "[" + i + "]", element, value.get(i));
        }
    }

    private void map(String path, JsonNode element, JsonNode value) {
        if (!value.isObject()) {
            errors.add(path + ": expected a map, found " + value);
            return;
        }
        value.fields().forEachRemaining(field -> value(path + "." + field.getKey(), element, field.getValue()));
    }

    /** A value of a union type passes when it is one of the types; when none fits, the closest one's errors. */
    private void union(String path, JsonNode alternatives, JsonNode value) {
        List<String> fewest = null;
        for (JsonNode alternative : alternatives) {
            TemplateSpecCheck trial = new TemplateSpecCheck(spec);
            trial.value(path, alternative, value);
            if (fewest == null || trial.errors.size() < fewest.size()) {
                fewest = trial.errors;
            }
        }
        errors.addAll(fewest);
    }

    private void expect(String path, boolean ok, String what, JsonNode value) {
        if (!ok) {
            errors.add(path + ": expected " + what + ", found " + value);
        }
    }

    /** {@code {"Ref": ...}} or {@code {"Fn::...": ...}}: a value CloudFormation works out at deployment. */
    static boolean intrinsic(JsonNode value) {
        if (!value.isObject() || value.size() != 1) {
            return false;
        }
        String key = value.fieldNames().next();
        return "Ref".equals(key) || key.startsWith("Fn::");
    }

    /** The two values an {@code Fn::If} chooses from (none for other intrinsics, nor for AWS::NoValue). */
    private static List<JsonNode> ifBranches(JsonNode value) {
        JsonNode arguments = value.get("Fn::If");
        List<JsonNode> branches = new ArrayList<>();
        if (arguments != null && arguments.isArray() && arguments.size() == 3) {
            for (JsonNode branch : List.of(arguments.get(1), arguments.get(2))) {
                if (!"AWS::NoValue".equals(branch.path("Ref").asText())) {
                    branches.add(branch);
                }
            }
        }
        return branches;
    }

    private static String names(JsonNode properties) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = properties.fieldNames();
        it.forEachRemaining(names::add);
        return String.join(", ", names);
    }
}
