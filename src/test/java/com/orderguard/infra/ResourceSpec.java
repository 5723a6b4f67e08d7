package com.orderguard.infra;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * CloudFormation's resource specification as the npm package {@code @aws-cdk/aws-service-spec} ships it
 * ({@code db.json.gz}, unpacked by the build into target/aws-service-spec): every resource type with its properties
 * (name, type, whether required), and the property types they refer to. It holds SAM's {@code AWS::Serverless::*}
 * resources too, from SAM's own resource specification.
 */
final class ResourceSpec {

    static final Path DATABASE = Path.of("target", "aws-service-spec", "package", "db.json.gz");

    private final Map<String, JsonNode> resources = new HashMap<>();
    private final Map<String, JsonNode> types = new HashMap<>();
    private final String version;

    private ResourceSpec(JsonNode schema, String version) {
        schema.at("/resource/entities").forEach(r -> resources.put(r.get("cloudFormationType").asText(), r));
        schema.at("/typeDefinition/entities").forEach(t -> types.put(t.get("$id").asText(), t));
        this.version = version;
    }

    static ResourceSpec load() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode packageJson = mapper.readTree(DATABASE.resolveSibling("package.json").toFile());
        try (InputStream in = new GZIPInputStream(Files.newInputStream(DATABASE))) {
            return new ResourceSpec(mapper.readTree(in).get("schema"), packageJson.get("version").asText());
        }
    }

    /** The package version the specification came from. */
    String version() {
        return version;
    }

    /** The properties of a resource type ({@code name -> {type, required, ...}}), if the type exists. */
    Optional<JsonNode> properties(String resourceType) {
        return Optional.ofNullable(resources.get(resourceType)).map(r -> r.get("properties"));
    }

    /** The name of the property type a ref type names (e.g. {@code SQSEvent}). */
    String name(JsonNode refType) {
        JsonNode definition = types.get(refType.at("/reference/$ref").asText());
        return definition == null ? "" : definition.path("name").asText();
    }

    /** The property type a {@code {"type": "ref", "reference": {"$ref": id}}} names: its properties. */
    JsonNode referenced(JsonNode refType) {
        JsonNode definition = types.get(refType.at("/reference/$ref").asText());
        if (definition == null) {
            throw new IllegalStateException("the specification names a missing type " + refType);
        }
        return definition.get("properties");
    }
}
