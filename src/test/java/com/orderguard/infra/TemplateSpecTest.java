package com.orderguard.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * infra/template.yaml against AWS's published specification ({@link ResourceSpec}: CloudFormation's resource
 * specification and SAM's resources, from the npm package {@code @aws-cdk/aws-service-spec} the build fetches):
 * resource types, property names at every depth, required properties and value types. A broken copy of the
 * template shows that each kind of mistake is caught.
 */
class TemplateSpecTest {

    static ResourceSpec spec;
    static String yaml;

    @BeforeAll
    static void load() throws Exception {
        spec = ResourceSpec.load();
        yaml = Files.readString(Path.of("infra", "template.yaml"));
    }

    static List<String> check(String template) {
        return TemplateSpecCheck.check(spec, CloudFormationYaml.read(template));
    }

    /** The template with {@code from} replaced by {@code to}, which must occur exactly once. */
    static String broken(String from, String to) {
        assertThat(yaml.split(Pattern.quote(from), -1)).as(from).hasSize(2);
        return yaml.replace(from, to);
    }

    @Test
    void theTemplate_agreesWithTheSpecification() {
        assertThat(spec.version()).isEqualTo("0.1.216");
        assertThat(check(yaml)).isEmpty();
    }

    @Test
    void aMisspeltProperty_fails_atTheTopAndDeeper() {
        assertThat(check(broken("ReservedConcurrentExecutions: 2", "ReservedConcurentExecutions: 2")))
                .containsExactly("SweepFunction.Properties.ReservedConcurentExecutions: no such property of"
                        + " AWS::Serverless::Function");
        assertThat(check(broken("PointInTimeRecoveryEnabled: true", "PointInTimeRecoveryEnable: true")))
                .singleElement().asString()
                .startsWith("Table.Properties.PointInTimeRecoverySpecification.PointInTimeRecoveryEnable: no such");
        assertThat(check(broken("    Architectures: [!Ref Architecture]", "    Architecture: [!Ref Architecture]")))
                .containsExactly("Globals.Function.Architecture: no such property of AWS::Serverless::Function");
    }

    @Test
    void aWrongValueType_fails_inEitherBranchOfAnIf() {
        assertThat(check(broken("VisibilityTimeout: 180", "VisibilityTimeout: three minutes")))
                .singleElement().asString().contains("VisibilityTimeout: expected a number");
        assertThat(check(broken("MemorySize: !If [IsNative, 256, 1024]", "MemorySize: !If [IsNative, 256, big]")))
                .containsExactly("Globals.Function.MemorySize: expected a number, found \"big\"");
    }

    @Test
    void anUnknownResourceType_aMissingRequiredProperty_andAMisspeltResourceAttribute_fail() {
        assertThat(check(broken("Type: AWS::Pipes::Pipe", "Type: AWS::Pipes::Pipes")))
                .containsExactly("OutboxPipe: no resource type AWS::Pipes::Pipes");

        JsonNode template = CloudFormationYaml.read(yaml);
        ((ObjectNode) template.at("/Resources/Table/Properties")).remove("KeySchema");
        ObjectNode eventBus = (ObjectNode) template.at("/Resources/EventBus");
        eventBus.set("Propertes", eventBus.get("Properties"));
        assertThat(TemplateSpecCheck.check(spec, template)).containsExactlyInAnyOrder(
                "Table.Properties: required property KeySchema is missing",
                "EventBus: 'Propertes' is not a resource attribute");
    }
}
