package com.orderguard.policy;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderguard.adapter.json.JsonReader;
import com.orderguard.domain.FieldErrors;
import com.orderguard.domain.Fulfilment;
import com.orderguard.domain.InputRules;
import com.orderguard.domain.ItemAttribute;
import com.orderguard.domain.OrderStatus;
import com.orderguard.domain.decision.CancelReason;
import com.orderguard.domain.decision.Channel;
import com.orderguard.domain.decision.Condition;
import com.orderguard.domain.decision.DecisionKind;
import com.orderguard.domain.decision.Initiator;
import com.orderguard.domain.decision.PriorCount;

/** Reads the {@code when} of a rule (what must hold for it to apply), recording every problem with its path. */
final class ConditionReader {

    static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");

    private static final Set<String> WHEN_FIELDS = Set.of("initiator", "via", "status", "reason", "reasonNot",
            "carrier", "carrierNot", "deliveryScheme", "fulfilment", "anyItemAttribute", "noItemAttribute",
            "requestedWithinOfPlacement", "requestedLaterThanPlacement", "beforeShipBy", "priorOrderRequests",
            "priorBuyerRequests", "priorSellerCancellations");
    private static final Set<String> PRIOR_FIELDS = Set.of("atLeast", "kind", "initiator", "within");

    private ConditionReader() {
    }

    static Condition read(JsonNode node, String at, FieldErrors errors) {
        JsonReader json = JsonReader.of(node, at, WHEN_FIELDS, errors);
        if (json == null) {
            return null;
        }
        return new Condition(
                enums(json, "initiator", Initiator.class), enums(json, "via", Channel.class),
                enums(json, "status", OrderStatus.class), enums(json, "reason", CancelReason.class),
                enums(json, "reasonNot", CancelReason.class), codes(json, "carrier"), codes(json, "carrierNot"),
                codes(json, "deliveryScheme"), enums(json, "fulfilment", Fulfilment.class),
                enums(json, "anyItemAttribute", ItemAttribute.class),
                enums(json, "noItemAttribute", ItemAttribute.class),
                RuleReader.duration(json, "requestedWithinOfPlacement"),
                RuleReader.duration(json, "requestedLaterThanPlacement"),
                json.bool("beforeShipBy"), prior(json, "priorOrderRequests"), prior(json, "priorBuyerRequests"),
                prior(json, "priorSellerCancellations"));
    }

    private static PriorCount prior(JsonReader parent, String name) {
        JsonNode node = parent.node(name);
        if (node == null) {
            return null;
        }
        JsonReader json = JsonReader.of(node, parent.path(name), PRIOR_FIELDS, parent.errors());
        if (json == null) {
            return null;
        }
        Long atLeast = json.integer("atLeast");
        if (atLeast == null || atLeast < 1 || atLeast > 1000) {
            parent.errors().add(json.path("atLeast"), "must be an integer from 1 to 1000");
            return null;
        }
        return new PriorCount(atLeast.intValue(), RuleReader.optionalEnum(json, "kind", DecisionKind.class),
                RuleReader.optionalEnum(json, "initiator", Initiator.class), RuleReader.duration(json, "within"));
    }

    private static <E extends Enum<E>> Set<E> enums(JsonReader json, String name, Class<E> type) {
        List<String> names = json.strings(name);
        Set<E> values = EnumSet.noneOf(type);
        if (names != null) {
            for (int i = 0; i < names.size(); i++) {
                E value = InputRules.enumValue(type, names.get(i), json.path(name) + "[" + i + "]", json.errors());
                if (value != null) {
                    values.add(value);
                }
            }
        }
        return values;
    }

    static Set<String> codes(JsonReader json, String name) {
        List<String> names = json.strings(name);
        Set<String> values = new LinkedHashSet<>();
        if (names != null) {
            for (int i = 0; i < names.size(); i++) {
                values.add(InputRules.matching(names.get(i), CODE, "an upper-case code such as SPX_EXPRESS",
                        json.path(name) + "[" + i + "]", json.errors()));
            }
        }
        values.remove(null);
        return values;
    }
}
