package com.orderguard.infra;

import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a CloudFormation / SAM template as CloudFormation does: a short-form tag ({@code !Ref X},
 * {@code !GetAtt A.B}, {@code !If [...]}, {@code !Sub ...}) becomes its full form ({@code {"Ref": "X"}},
 * {@code {"Fn::GetAtt": ["A", "B"]}}, ...), so that a checker sees an intrinsic function, not a plain value.
 */
final class CloudFormationYaml {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CloudFormationYaml() {
    }

    static JsonNode read(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(10_000_000);
        Object document = new Yaml(new Intrinsics(options)).load(yaml);
        return JSON.valueToTree(document);
    }

    /** Every {@code !Name} tag as {@code Fn::Name} (and {@code !Ref} as {@code Ref}). */
    private static final class Intrinsics extends SafeConstructor {

        Intrinsics(LoaderOptions options) {
            super(options);
            yamlMultiConstructors.put("!", new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    return intrinsic(node);
                }
            });
        }

        private Object intrinsic(Node node) {
            String name = node.getTag().getValue().substring(1);
            String key = "Ref".equals(name) || "Condition".equals(name) ? name : "Fn::" + name;
            Object value;
            if (node instanceof ScalarNode scalar) {
                String text = scalar.getValue();
                value = "GetAtt".equals(name) ? List.of(text.split("\\.", 2)) : text;
            } else if (node instanceof SequenceNode sequence) {
                value = constructSequence(sequence);
            } else {
                value = constructMapping((MappingNode) node);
            }
            return Map.of(key, value);
        }
    }
}
