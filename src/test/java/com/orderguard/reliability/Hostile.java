package com.orderguard.reliability;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderguard.support.Events;

/**
 * A corpus of hostile variants of a valid JSON document: malformed and truncated JSON, wrong types, unknown enum
 * values, missing required fields, huge numbers and strings, deep nesting, duplicate and forged tenant fields, and
 * unicode edge cases (NUL, lone surrogates, right-to-left marks, zero-width spaces, 4-byte emoji) in identifiers.
 * Every variant is labelled, so a failure names the input. Variants are JSON text in which non-ASCII characters
 * are written as {@code \\uXXXX} escapes: a lone surrogate survives the trip only that way.
 */
final class Hostile {

    static final ObjectWriter ASCII = Events.JSON.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature());

    /** Identifiers that must be rejected wherever an id is expected. */
    static final Map<String, String> BAD_IDS = new LinkedHashMap<>();
    /** Free text that must be rejected (what is merely unusual, such as emoji in a note, is fine and not here). */
    static final Map<String, String> BAD_TEXT = new LinkedHashMap<>();
    /** Order keys that must be rejected. */
    static final Map<String, String> BAD_KEYS = new LinkedHashMap<>();

    static {
        BAD_IDS.put("NUL", "ab\u0000cd");
        BAD_IDS.put("lone surrogate", "ab\ud800cd");
        BAD_IDS.put("RTL mark", "ab\u200fcd");
        BAD_IDS.put("zero-width space", "ab\u200bcd");
        BAD_IDS.put("4-byte emoji", "ab\ud83d\ude00cd");
        BAD_IDS.put("empty", "");
        BAD_IDS.put("65 characters", "a".repeat(65));
        BAD_IDS.put("key separator", "ab#T#other");
        BAD_TEXT.put("NUL", "note\u0000");
        BAD_TEXT.put("lone surrogate", "note \udc00 here");
        BAD_TEXT.put("bell", "note\u0007");
        BAD_TEXT.put("blank", "   ");
        BAD_KEYS.put("no parts", "shopee");
        BAD_KEYS.put("two parts", "shopee.MY");
        BAD_KEYS.put("upper-case marketplace", "SHOPEE.MY.1");
        BAD_KEYS.put("lower-case site", "shopee.my.1");
        BAD_KEYS.put("unknown marketplace", "ebay.US.1");
        BAD_KEYS.put("three-letter site", "shopee.MYS.1");
        BAD_KEYS.put("empty order id", "shopee.MY.");
        BAD_KEYS.put("slash", "shopee.MY.a/b");
        BAD_KEYS.put("space", "shopee.MY.1 2");
        BAD_KEYS.put("dot-dot", "shopee.MY...");
        BAD_KEYS.put("key separator", "shopee.MY.1#T#other");
        BAD_KEYS.put("percent", "shopee.MY.%00");
        BAD_KEYS.put("long", "shopee.MY." + "9".repeat(65));
        BAD_IDS.forEach((label, id) -> {
            if (!id.isEmpty() && id.length() < 65 && !id.contains("#")) {
                BAD_KEYS.put(label + " in order id", "shopee.MY." + id);
            }
        });
    }

    /** One hostile input: what it is, and its JSON text. */
    record Variant(String label, String text) {
    }

    private Hostile() {
    }

    static String ascii(JsonNode node) {
        try {
            return ASCII.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Malformed JSON, whatever the document. */
    static List<Variant> malformed() {
        List<Variant> out = new ArrayList<>();
        String[] texts = {"{", "}", "[", "{\"a\":", "nul", "{'a':1}", "{\"a\":1,}", "{\"a\":1}}", "NaN", "{a:1}",
            "\u0000", "{\"a\":1}{}", "/* x */{}", "{\"a\":\"unterminated}", "{\"a\":01}", "\"\\x41\""};
        for (String text : texts) {
            out.add(new Variant("malformed " + text.replace("\u0000", "NUL"), text));
        }
        return out;
    }

    /** The document cut short at {@code count} points. */
    static List<Variant> truncated(ObjectNode valid, int count) {
        String text = ascii(valid);
        List<Variant> out = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            int at = Math.max(1, text.length() * i / (count + 1));
            out.add(new Variant("truncated at " + at, text.substring(0, at)));
        }
        return out;
    }

    /** Not an object at all. */
    static List<Variant> notObjects() {
        List<Variant> out = new ArrayList<>();
        for (String text : new String[] {"[]", "\"order\"", "123", "true", "null", "[{}]"}) {
            out.add(new Variant("top level " + text, text));
        }
        return out;
    }

    /**
     * For every field (nested objects included): each wrong JSON type, unknown values of {@code enums}, the
     * removal of {@code required} fields, a huge value, and bad ids and text where {@code ids} and {@code texts}
     * name the field.
     */
    static List<Variant> fields(ObjectNode valid, Set<String> enums, Set<String> required, Set<String> ids,
            Set<String> texts) {
        List<Variant> out = new ArrayList<>();
        fields(valid, valid, "", enums, required, ids, texts, out);
        return out;
    }

    private static void fields(ObjectNode root, ObjectNode node, String at, Set<String> enums, Set<String> required,
            Set<String> ids, Set<String> texts, List<Variant> out) {
        Iterator<String> names = node.deepCopy().fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            String path = at.isEmpty() ? name : at + "." + name;
            JsonNode value = node.get(name);
            for (JsonNode wrong : wrongTypes(value)) {
                out.add(variant(root, node, name, wrong, path + " as " + wrong.getNodeType()));
            }
            if (enums.contains(path)) {
                for (String junk : new String[] {"LOST", "approve", "", " APPROVED", "APPROVED\u0000",
                    "CANCELLATION_REQUESTED"}) {
                    out.add(variant(root, node, name, Events.JSON.getNodeFactory().textNode(junk), path + " = '"
                            + junk.replace("\u0000", "NUL") + "'"));
                }
            }
            if (required.contains(path)) {
                ObjectNode copy = root.deepCopy();
                ((ObjectNode) locate(copy, root, node)).remove(name);
                out.add(new Variant("without " + path, ascii(copy)));
            }
            if (ids.contains(path)) {
                BAD_IDS.forEach((label, id) -> out.add(variant(root, node, name,
                        Events.JSON.getNodeFactory().textNode(id), path + " with " + label)));
            }
            if (texts.contains(path)) {
                BAD_TEXT.forEach((label, text) -> out.add(variant(root, node, name,
                        Events.JSON.getNodeFactory().textNode(text), path + " with " + label)));
            }
            if (value.isTextual()) {
                out.add(variant(root, node, name, Events.JSON.getNodeFactory().textNode("x".repeat(100_000)),
                        path + " of 100,000 characters"));
            }
            if (value.isNumber()) {
                for (String huge : new String[] {"1e400", "99999999999999999999999", "-1", "1.5"}) {
                    try {
                        out.add(variant(root, node, name, Events.JSON.readTree(huge), path + " = " + huge));
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            if (value.isObject()) {
                fields(root, (ObjectNode) value, path, enums, required, ids, texts, out);
            } else if (value.isArray() && value.size() > 0 && value.get(0).isObject()) {
                fields(root, (ObjectNode) value.get(0), path + "[0]", enums, required, ids, texts, out);
            }
        }
    }

    /** Deep nesting, forged tenants, duplicate keys: the same for every document. */
    static List<Variant> structural(ObjectNode valid, String someField) {
        List<Variant> out = new ArrayList<>();
        String text = ascii(valid);
        String inner = text.substring(1);
        out.add(new Variant("nested 5,000 deep", "[".repeat(5000) + "]".repeat(5000)));
        out.add(new Variant(someField + " nested 600 deep", "{\"" + someField + "\":" + "[".repeat(600)
                + "]".repeat(600) + "," + inner));
        for (String forged : new String[] {"tenantId", "tenant", "sub", "TenantId"}) {
            out.add(new Variant("forged " + forged, "{\"" + forged + "\":\"victim\"," + inner));
        }
        out.add(new Variant("duplicate " + someField, "{\"" + someField + "\":\"x\"," + inner));
        return out;
    }

    private static List<JsonNode> wrongTypes(JsonNode value) {
        var nodes = Events.JSON.getNodeFactory();
        List<JsonNode> out = new ArrayList<>();
        if (!value.isNumber()) {
            out.add(nodes.numberNode(123));
        }
        if (!value.isBoolean()) {
            out.add(nodes.booleanNode(true));
        }
        if (!value.isTextual()) {
            out.add(nodes.textNode("text"));
        }
        if (!value.isArray()) {
            out.add(nodes.arrayNode().add("a"));
        }
        if (!value.isObject()) {
            out.add(nodes.objectNode().put("a", 1));
        }
        return out;
    }

    private static Variant variant(ObjectNode root, ObjectNode node, String name, JsonNode replacement,
            String label) {
        ObjectNode copy = root.deepCopy();
        ((ObjectNode) locate(copy, root, node)).set(name, replacement);
        return new Variant(label, ascii(copy));
    }

    /** The node of {@code copy} that sits where {@code target} sits in {@code original}. */
    private static JsonNode locate(JsonNode copy, JsonNode original, JsonNode target) {
        if (original == target) {
            return copy;
        }
        if (original.isContainerNode()) {
            for (int i = 0; i < original.size(); i++) {
                JsonNode child = original.isArray() ? original.get(i) : null;
                if (child != null) {
                    JsonNode found = locate(copy.get(i), child, target);
                    if (found != null) {
                        return found;
                    }
                }
            }
            Iterator<Map.Entry<String, JsonNode>> fields = original.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode found = locate(copy.get(field.getKey()), field.getValue(), target);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
