package com.orderguard.policy;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderguard.adapter.json.JsonReader;
import com.orderguard.domain.FieldErrors;
import com.orderguard.domain.InputRules;
import com.orderguard.domain.decision.Condition;
import com.orderguard.domain.decision.Basis;
import com.orderguard.domain.decision.Cost;
import com.orderguard.domain.decision.DecisionKind;
import com.orderguard.domain.decision.Effect;
import com.orderguard.domain.decision.Outcome;
import com.orderguard.domain.decision.Rule;

/** Reads one rule of a pack ({@code id, source, type, when, then}), recording every problem with its path. */
final class RuleReader {

    static final Pattern RULE_ID = Pattern.compile("[a-z0-9][a-z0-9.-]*");

    private static final Set<String> RULE_FIELDS = Set.of("id", "source", "type", "when", "then", "ifOption",
            "unlessOption", "basis");
    private static final Set<String> THEN_FIELDS = Set.of("outcome", "kind", "respondWithin", "respondUntil",
            "ifNoResponse", "countsAgainstSeller", "alternative", "actions", "costs", "platformReason",
            "explanation", "returnWindow");
    private static final Set<String> COST_FIELDS = Set.of("kind", "borneBy", "percentOfReferralFee");

    private RuleReader() {
    }

    /** Whether the pack's options enable the rule ({@code ifOption} set, {@code unlessOption} not set). */
    static boolean enabled(JsonNode node, Set<String> options) {
        JsonNode ifOption = node.path("ifOption");
        JsonNode unlessOption = node.path("unlessOption");
        return (!ifOption.isTextual() || options.contains(ifOption.textValue()))
                && (!unlessOption.isTextual() || !options.contains(unlessOption.textValue()));
    }

    static Rule read(JsonNode node, String at, String packRef, FieldErrors errors) {
        JsonReader json = JsonReader.of(node, at, RULE_FIELDS, errors);
        if (json == null) {
            return null;
        }
        String id = InputRules.matching(json.string("id"), RULE_ID, "lower-case words joined by '.' or '-'",
                json.path("id"), errors);
        InputRules.required(id, json.path("id"), errors);
        InputRules.matching(json.string("ifOption"), RULE_ID, "an option name", json.path("ifOption"), errors);
        InputRules.matching(json.string("unlessOption"), RULE_ID, "an option name", json.path("unlessOption"), errors);
        String source = InputRules.text(json.string("source"), 300, json.path("source"), errors);
        InputRules.required(source, json.path("source"), errors);
        Rule.Type type = json.string("type") == null ? Rule.Type.DECIDE
                : InputRules.enumValue(Rule.Type.class, json.string("type"), json.path("type"), errors);
        Condition when = json.node("when") == null ? Condition.ALWAYS : ConditionReader.read(json.node("when"),
                json.path("when"), errors);
        Effect then = effect(json.node("then"), json.path("then"), type, errors);
        Basis basis = json.string("basis") == null ? Basis.SITE
                : InputRules.enumValue(Basis.class, json.string("basis"), json.path("basis"), errors);
        return id == null || source == null || type == null || when == null || then == null ? null
                : new Rule(id, packRef, source, type, when, then, basis);
    }

    private static Effect effect(JsonNode node, String at, Rule.Type type, FieldErrors errors) {
        if (node == null) {
            errors.add(at, "is required");
            return null;
        }
        JsonReader json = JsonReader.of(node, at, THEN_FIELDS, errors);
        if (json == null) {
            return null;
        }
        int before = errors.list().size();
        Outcome outcome = optionalEnum(json, "outcome", Outcome.class);
        DecisionKind kind = optionalEnum(json, "kind", DecisionKind.class);
        Duration within = duration(json, "respondWithin");
        String until = json.string("respondUntil");
        if (until != null && !until.equals("SHIP_BY")) {
            errors.add(json.path("respondUntil"), "must be SHIP_BY");
        }
        Outcome ifNoResponse = optionalEnum(json, "ifNoResponse", Outcome.class);
        Boolean counts = json.bool("countsAgainstSeller");
        String alternative = code(json, "alternative");
        String explanation = InputRules.text(json.string("explanation"), 400, json.path("explanation"), errors);
        List<String> actions = codesList(json, "actions");
        List<Cost> costs = costs(json);
        String platformReason = InputRules.text(json.string("platformReason"), 64, json.path("platformReason"),
                errors);
        Effect effect = new Effect(outcome, kind == null && type == Rule.Type.DECIDE ? DecisionKind.CANCELLATION
                : kind, within, until != null, ifNoResponse, counts, alternative, actions, costs, platformReason,
                explanation, duration(json, "returnWindow"));
        if (type == Rule.Type.DECIDE) {
            checkDecide(effect, json, at, errors);
        } else if (outcome != null || kind != null || within != null || until != null || ifNoResponse != null
                || alternative != null) {
            errors.add(at, "an ADJUST rule may only set countsAgainstSeller, actions, costs, platformReason and"
                    + " explanation");
        }
        return errors.list().size() > before ? null : effect;
    }

    /** What a DECIDE rule's {@code then} must say, and what belongs only to some outcomes. */
    private static void checkDecide(Effect effect, JsonReader json, String at, FieldErrors errors) {
        InputRules.required(effect.outcome(), json.path("outcome"), errors);
        InputRules.required(effect.countsAgainstSeller(), json.path("countsAgainstSeller"), errors);
        InputRules.required(effect.explanation(), json.path("explanation"), errors);
        if (effect.outcome() == Outcome.PENDING_SELLER) {
            InputRules.required(effect.respondWithin(), json.path("respondWithin"), errors);
            if (effect.ifNoResponse() == Outcome.PENDING_SELLER) {
                errors.add(json.path("ifNoResponse"), "must be APPROVED or REJECTED");
            }
            InputRules.required(effect.ifNoResponse(), json.path("ifNoResponse"), errors);
        } else if (effect.respondWithin() != null || effect.respondUntilShipBy() || effect.ifNoResponse() != null) {
            errors.add(at, "respondWithin, respondUntil and ifNoResponse belong to PENDING_SELLER outcomes");
        }
        if (effect.alternative() != null && effect.outcome() != Outcome.REJECTED) {
            errors.add(json.path("alternative"), "belongs to REJECTED outcomes");
        }
    }

    private static List<Cost> costs(JsonReader parent) {
        List<JsonNode> nodes = parent.array("costs");
        List<Cost> costs = new ArrayList<>();
        if (nodes == null) {
            return costs;
        }
        for (int i = 0; i < nodes.size(); i++) {
            JsonReader json = JsonReader.of(nodes.get(i), parent.path("costs") + "[" + i + "]", COST_FIELDS,
                    parent.errors());
            if (json == null) {
                continue;
            }
            String kind = code(json, "kind");
            String borneBy = code(json, "borneBy");
            InputRules.required(kind, json.path("kind"), parent.errors());
            InputRules.required(borneBy, json.path("borneBy"), parent.errors());
            JsonNode percent = json.node("percentOfReferralFee");
            if (percent != null && !percent.isNumber()) {
                parent.errors().add(json.path("percentOfReferralFee"), "must be a number");
                percent = null;
            }
            costs.add(new Cost(kind, borneBy, percent == null ? null : percent.decimalValue()));
        }
        return costs;
    }

    private static List<String> codesList(JsonReader json, String name) {
        return new ArrayList<>(ConditionReader.codes(json, name));
    }

    private static String code(JsonReader json, String name) {
        return InputRules.matching(json.string(name), ConditionReader.CODE, "an upper-case code", json.path(name),
                json.errors());
    }

    static <E extends Enum<E>> E optionalEnum(JsonReader json, String name, Class<E> type) {
        return InputRules.enumValue(type, json.string(name), json.path(name), json.errors());
    }

    static Duration duration(JsonReader json, String name) {
        String text = json.string(name);
        if (text == null) {
            return null;
        }
        try {
            Duration value = Duration.parse(text);
            if (value.isNegative() || value.isZero()) {
                json.errors().add(json.path(name), "must be a positive duration");
                return null;
            }
            return value;
        } catch (DateTimeParseException e) {
            json.errors().add(json.path(name), "must be an ISO-8601 duration such as PT30M or P1D");
            return null;
        }
    }
}
