package com.orderguard.policy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderguard.domain.FieldError;

/**
 * Resolves a pack file that {@code extends} another into the whole pack it stands for: the chain's root first,
 * then each overlay on top (fields replace, objects merge, {@code null} removes, rule lists take edits), then the
 * explanation placeholders, then the pack's rule-id prefix. The result has the shape of a stand-alone pack, which
 * {@link PackReader} validates as any other.
 */
final class PackResolver {

    /** One listed pack file: where it came from, its {@code id@version} and its JSON. */
    record PackFile(String file, String ref, ObjectNode node) {

        boolean isAbstract() {
            return node.path("abstract").asBoolean(false);
        }
    }

    /** A resolved pack: the file named on errors, the stand-alone JSON, and the chain, the file's own ref first. */
    record Resolved(String file, ObjectNode node, List<String> chain) {
    }

    private static final Set<String> OVERLAY_ONLY = Set.of("extends", "abstract", "rulePrefix", "sources",
            Inheritance.FIELD);
    private static final Set<String> RULE_LISTS = Set.of("rules", "addressChangeRules");

    private final Map<String, PackFile> files;

    /** @param files every listed pack file by ref */
    PackResolver(Map<String, PackFile> files) {
        this.files = files;
    }

    Resolved resolve(PackFile leaf) {
        List<PackFile> chain = chain(leaf);
        ObjectNode pack = chain.get(chain.size() - 1).node().deepCopy();
        for (int i = chain.size() - 2; i >= 0; i--) {
            if (Inheritance.declaresDefault(chain.get(i).node())) {
                Inheritance.markDefaults(pack, chain.get(i + 1).ref());
            }
            merge(pack, chain.get(i).node(), chain.get(i).file(), true);
        }
        String file = chain.size() == 1 ? leaf.file()
                : leaf.file() + " (resolved over " + String.join(", ", refs(chain).subList(1, chain.size())) + ")";
        Placeholders.render(pack, file);
        Inheritance.settle(pack, chain.subList(0, chain.size() - 1), file);
        JsonNode prefix = pack.path("rulePrefix");
        if (prefix.isTextual()) {
            RULE_LISTS.forEach(list -> prefixIds(pack.path(list), prefix.textValue()));
        }
        pack.remove(OVERLAY_ONLY);
        return new Resolved(file, pack, refs(chain));
    }

    private List<PackFile> chain(PackFile leaf) {
        List<PackFile> chain = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        PackFile at = leaf;
        while (at != null) {
            if (!seen.add(at.ref())) {
                throw new PolicyPackException("policy file " + leaf.file() + ": 'extends' forms a cycle: "
                        + String.join(" -> ", seen) + " -> " + at.ref());
            }
            chain.add(at);
            at = parent(at);
        }
        return chain;
    }

    private PackFile parent(PackFile child) {
        JsonNode parent = child.node().get("extends");
        if (parent == null || parent.isNull()) {
            return null;
        }
        PackFile found = parent.isTextual() ? files.get(parent.textValue()) : null;
        if (found == null) {
            throw new PolicyPackException(child.file(), List.of(new FieldError("extends", "names no listed pack '"
                    + parent.asText() + "' (give the id@version of a pack in index.json)")));
        }
        return found;
    }

    /** Lays {@code overlay} over {@code target}: objects merge field by field, null removes, the rest replaces. */
    static void merge(ObjectNode target, JsonNode overlay, String file, boolean top) {
        Iterator<Map.Entry<String, JsonNode>> fields = overlay.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            JsonNode current = target.get(name);
            if (top && (name.equals("extends") || name.equals("abstract"))) {
                target.set(name, value.deepCopy());
            } else if (value.isNull()) {
                target.remove(name);
            } else if (top && RULE_LISTS.contains(name) && value.isObject()) {
                if (current == null || !current.isArray()) {
                    throw new PolicyPackException(file, List.of(new FieldError(name,
                            "edits rules, but the parent pack has no " + name + " list")));
                }
                RuleEdits.apply((ArrayNode) current, (ObjectNode) value, file, name);
            } else if (value.isObject() && current != null && current.isObject()) {
                merge((ObjectNode) current, value, file, false);
            } else {
                target.set(name, value.deepCopy());
            }
        }
    }

    private static void prefixIds(JsonNode rules, String prefix) {
        for (JsonNode rule : rules) {
            JsonNode id = rule.get("id");
            if (id != null && id.isTextual() && rule.isObject()) {
                ((ObjectNode) rule).put("id", prefix + id.textValue());
            }
        }
    }

    private static List<String> refs(List<PackFile> chain) {
        return chain.stream().map(PackFile::ref).toList();
    }
}
