package com.orderguard.policy;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderguard.domain.FieldErrors;

/**
 * Renders the placeholders of a rule's {@code source} and {@code then.explanation}, so that a number lives once:
 * {@code {respondWithin}} takes the value from the rule's {@code then}, then its {@code when}, then the rule
 * itself, then the pack ({@code {deadlines.autoCancel.workingDays}}, {@code {sources.help}},
 * {@code {rules.<rule id>.when.requestedWithinOfPlacement}}; a path step into a list is an index or a rule id).
 * ISO durations read as words ("1 day", "48 hours"); {@code {returnWindow:adjective}} reads "15-day".
 */
final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_.-]+)(:adjective)?}");
    private static final Pattern SIMPLE_DURATION = Pattern.compile("P(\\d+)([DW])|PT(\\d+)([HMS])");
    private static final Pattern ANY_DURATION = Pattern.compile("P[0-9DWTHMS.]+");
    private static final List<String> RULE_LISTS = List.of("rules", "addressChangeRules");

    private Placeholders() {
    }

    /** Renders every placeholder of the pack's rules in place; an unknown one fails naming the file and field. */
    static void render(ObjectNode pack, String file) {
        FieldErrors errors = new FieldErrors();
        for (String list : RULE_LISTS) {
            JsonNode rules = pack.path(list);
            for (int i = 0; i < rules.size(); i++) {
                JsonNode rule = rules.get(i);
                String at = list + "[" + i + "]";
                if (rule.isObject()) {
                    renderField((ObjectNode) rule, "source", rule, pack, at + ".source", errors);
                }
                if (rule.path("then").isObject()) {
                    renderField((ObjectNode) rule.get("then"), "explanation", rule, pack, at + ".then.explanation",
                            errors);
                }
            }
        }
        for (String list : RULE_LISTS) {
            pack.path(list).forEach(rule -> {
                if (rule.isObject()) {
                    ((ObjectNode) rule).remove(RuleEdits.RENAMED_FROM);
                }
            });
        }
        if (!errors.isEmpty()) {
            throw new PolicyPackException(file, errors.list());
        }
    }

    private static void renderField(ObjectNode owner, String name, JsonNode rule, JsonNode pack, String at,
            FieldErrors errors) {
        JsonNode text = owner.get(name);
        if (text == null || !text.isTextual() || text.textValue().indexOf('{') < 0) {
            return;
        }
        Matcher matcher = PLACEHOLDER.matcher(text.textValue());
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String path = matcher.group(1);
            JsonNode value = lookup(path, rule.path("then"), rule.path("when"), rule, pack);
            String words = value == null ? null : words(value, matcher.group(2) != null);
            if (words == null) {
                errors.add(at, "names an unknown placeholder {" + path + "} (or one that is not a number, a"
                        + " duration or a text)");
                words = matcher.group();
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(words));
        }
        matcher.appendTail(out);
        owner.put(name, out.toString());
    }

    private static JsonNode lookup(String path, JsonNode... scopes) {
        for (JsonNode scope : scopes) {
            JsonNode at = scope;
            for (String step : path.split("\\.")) {
                at = step(at, step);
            }
            if (at != null && at.isValueNode() && !at.isNull()) {
                return at;
            }
        }
        return null;
    }

    private static JsonNode step(JsonNode at, String step) {
        if (at == null || !at.isArray()) {
            return at == null ? null : at.get(step);
        }
        if (step.chars().allMatch(Character::isDigit)) {
            return at.get(Integer.parseInt(step));
        }
        for (JsonNode item : at) {
            if (RuleEdits.isNamed(item, step)) {
                return item;
            }
        }
        return null;
    }

    /** The value in words, or null if it cannot be said. */
    static String words(JsonNode value, boolean adjective) {
        if (value.isNumber()) {
            return adjective ? null : value.isIntegralNumber() ? value.asText()
                    : value.decimalValue().stripTrailingZeros().toPlainString();
        }
        if (!value.isTextual()) {
            return null;
        }
        Matcher duration = SIMPLE_DURATION.matcher(value.textValue());
        if (!duration.matches()) {
            return adjective || ANY_DURATION.matcher(value.textValue()).matches() ? null : value.textValue();
        }
        String amount = duration.group(1) != null ? duration.group(1) : duration.group(3);
        String unit = switch (duration.group(2) != null ? duration.group(2) : duration.group(4)) {
            case "D" -> "day";
            case "W" -> "week";
            case "H" -> "hour";
            case "M" -> "minute";
            default -> "second";
        };
        if (adjective) {
            return amount + "-" + unit;
        }
        return amount + " " + unit + (amount.equals("1") ? "" : "s");
    }
}
