package com.orderguard.policy;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderguard.adapter.json.JsonReader;
import com.orderguard.domain.FieldErrors;

/**
 * Applies an overlay's edits to the rule list it inherits, in this order: {@code remove} (rule ids),
 * {@code replace} (whole rules, by id), {@code change} (part of a rule, merged into it by id) and {@code add}
 * (new rules, each placed {@code before} or {@code after} a rule id; without either, right after the rule added
 * before it, or, for the first, just before the catch-all, the last DECIDE rule without a {@code when}). Rule order is
 * the order of evaluation, so positions are kept exactly. A {@code change} may also {@code rename} the rule (Amazon
 * JP's 5-minute self-cancel rule is not "within-30-minutes"): later edits and placeholders may still name it by
 * the ids it had ({@link #RENAMED_FROM}).
 */
final class RuleEdits {

    private static final Set<String> FIELDS = Set.of("remove", "replace", "change", "add");
    /** The earlier ids of a renamed rule, kept on it until its placeholders are rendered. */
    static final String RENAMED_FROM = "renamedFrom";

    private RuleEdits() {
    }

    static void apply(ArrayNode rules, ObjectNode edits, String file, String name) {
        FieldErrors errors = new FieldErrors();
        JsonReader json = JsonReader.of(edits, name, FIELDS, errors);
        if (json != null) {
            List<String> removed = json.strings("remove");
            for (int i = 0; removed != null && i < removed.size(); i++) {
                int at = find(rules, removed.get(i), json.path("remove") + "[" + i + "]", errors);
                if (at >= 0) {
                    rules.remove(at);
                }
            }
            edit(rules, json, "replace", file, errors);
            edit(rules, json, "change", file, errors);
            add(rules, json, errors);
        }
        if (!errors.isEmpty()) {
            throw new PolicyPackException(file, errors.list());
        }
    }

    private static void edit(ArrayNode rules, JsonReader json, String operation, String file,
            FieldErrors errors) {
        List<JsonNode> nodes = json.array(operation);
        for (int i = 0; nodes != null && i < nodes.size(); i++) {
            String at = json.path(operation) + "[" + i + "]";
            JsonNode node = nodes.get(i);
            int index = find(rules, node.path("id").asText(null), at + ".id", errors);
            if (index < 0 || !node.isObject()) {
                continue;
            }
            if (operation.equals("replace")) {
                rules.set(index, node.deepCopy());
            } else {
                ObjectNode rule = (ObjectNode) rules.get(index);
                Inheritance.unmark(rule);
                ObjectNode change = node.deepCopy();
                JsonNode to = change.remove("rename");
                PackResolver.merge(rule, change, file, false);
                rename(rules, rule, to, at + ".rename", errors);
            }
        }
    }

    /** Gives {@code rule} the id {@code to} (a short id no other rule has), remembering the one it had. */
    private static void rename(ArrayNode rules, ObjectNode rule, JsonNode to, String at, FieldErrors errors) {
        if (to == null) {
            return;
        }
        String id = to.asText("");
        if (!to.isTextual() || !RuleReader.RULE_ID.matcher(id).matches() || indexOf(rules, id) >= 0) {
            errors.add(at, "must be a rule id no rule of the pack has");
            return;
        }
        JsonNode earlier = rule.get(RENAMED_FROM);
        ArrayNode from = earlier instanceof ArrayNode list ? list : rule.putArray(RENAMED_FROM);
        from.add(rule.path("id").asText());
        rule.put("id", id);
    }

    private static void add(ArrayNode rules, JsonReader json, FieldErrors errors) {
        List<JsonNode> nodes = json.array("add");
        int added = -1;
        for (int i = 0; nodes != null && i < nodes.size(); i++) {
            String at = json.path("add") + "[" + i + "]";
            if (!nodes.get(i).isObject()) {
                errors.add(at, "must be a rule");
                continue;
            }
            ObjectNode rule = nodes.get(i).deepCopy();
            JsonNode before = rule.remove("before");
            JsonNode after = rule.remove("after");
            if (indexOf(rules, rule.path("id").asText(null)) >= 0) {
                errors.add(at + ".id", "'" + rule.path("id").asText() + "' is already a rule: use replace or change");
                continue;
            }
            int index = added >= 0 ? added + 1 : catchAll(rules);
            if (before != null) {
                index = find(rules, before.asText(null), at + ".before", errors);
            } else if (after != null) {
                int anchor = find(rules, after.asText(null), at + ".after", errors);
                index = anchor < 0 ? -1 : anchor + 1;
            }
            if (index >= 0) {
                rules.insert(index, rule);
            }
            added = index;
        }
    }

    private static int find(ArrayNode rules, String id, String at, FieldErrors errors) {
        int index = indexOf(rules, id);
        if (index < 0) {
            errors.add(at, id == null ? "must name a rule id" : "names no rule '" + id + "' of the parent pack");
        }
        return index;
    }

    private static int indexOf(ArrayNode rules, String id) {
        for (int i = 0; id != null && i < rules.size(); i++) {
            if (isNamed(rules.get(i), id)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code rule} has, or had before a rename, the id {@code id}. */
    static boolean isNamed(JsonNode rule, String id) {
        if (id.equals(rule.path("id").asText(null))) {
            return true;
        }
        for (JsonNode earlier : rule.path(RENAMED_FROM)) {
            if (id.equals(earlier.asText())) {
                return true;
            }
        }
        return false;
    }

    /** Where a rule added without a position goes: before the catch-all, or at the end if there is none. */
    private static int catchAll(ArrayNode rules) {
        for (int i = rules.size() - 1; i >= 0; i--) {
            JsonNode rule = rules.get(i);
            if (!rule.has("when") && !"ADJUST".equals(rule.path("type").asText())) {
                return i;
            }
        }
        return rules.size();
    }
}
