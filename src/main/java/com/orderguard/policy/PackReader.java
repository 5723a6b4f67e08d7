package com.orderguard.policy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderguard.adapter.json.JsonReader;
import com.orderguard.domain.FieldErrors;
import com.orderguard.domain.InputRules;
import com.orderguard.domain.Marketplace;
import com.orderguard.domain.OrderKey;
import com.orderguard.domain.deadline.DeadlineRules;
import com.orderguard.domain.health.HealthRules;
import com.orderguard.domain.decision.Basis;
import com.orderguard.domain.decision.PolicyPack;
import com.orderguard.domain.decision.Rule;

/**
 * Reads and validates one resolved pack (see {@link PackResolver}). The rules of the common file come first in
 * every pack; the last DECIDE rule must apply always, so every request gets a decision that names its rule.
 */
final class PackReader {

    private static final Pattern PACK_ID = Pattern.compile("[a-z]+-[A-Z]{2,4}(-[A-Z]+)?");
    private static final Pattern VERSION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern SCHEME = Pattern.compile("[A-Z]{2,10}");
    private static final Set<String> FIELDS = Set.of("id", "version", "title", "marketplace", "sites", "scheme",
            "defaultScheme", "effectiveFrom", "timeZone", "options", "deadlines", "health", "rules",
            "addressChangeRules", "healthBasis");

    private PackReader() {
    }

    /** A read pack and whether it is its scheme's default for orders that name none. */
    record Read(PolicyPack pack, boolean defaultScheme) {
    }

    static Read read(String file, JsonNode node, Common common, List<String> chain) {
        FieldErrors errors = new FieldErrors();
        JsonReader json = JsonReader.of(node, "", FIELDS, errors);
        if (json == null) {
            throw new PolicyPackException(file, errors.list());
        }
        String id = InputRules.matching(json.string("id"), PACK_ID,
                "{marketplace}-{SITE}[-{SCHEME}], e.g. ozon-RU-FBS", "id", errors);
        InputRules.required(id, "id", errors);
        String version = InputRules.matching(json.string("version"), VERSION, "a date such as 2024-11-13",
                "version", errors);
        InputRules.required(version, "version", errors);
        String title = InputRules.text(json.string("title"), 200, "title", errors);
        InputRules.required(title, "title", errors);
        Marketplace marketplace = marketplace(json.string("marketplace"), errors);
        Set<String> sites = sites(json, errors);
        String scheme = InputRules.matching(json.string("scheme"), SCHEME, "2-10 upper-case letters", "scheme",
                errors);
        Boolean defaultScheme = json.bool("defaultScheme");
        Instant effectiveFrom = InputRules.instant(json.string("effectiveFrom"), "effectiveFrom", errors);
        InputRules.required(effectiveFrom, "effectiveFrom", errors);
        ZoneId zone = zone(json.string("timeZone"), errors);
        String ref = id + "@" + version;
        List<String> optionList = json.strings("options");
        Set<String> options = optionList == null ? Set.of() : Set.copyOf(optionList);
        List<Rule> rules = rules(json, "rules", common.rules(), ref, options, errors);
        List<Rule> addressChangeRules = rules(json, "addressChangeRules", common.addressChangeRules(), ref, options,
                errors);
        DeadlineRules deadlines = DeadlineReader.read(json.node("deadlines"), "deadlines", errors);
        HealthRules health = HealthReader.read(json.node("health"), "health", errors);
        Basis healthBasis = InputRules.enumValue(Basis.class, json.string("healthBasis"), "healthBasis", errors);
        if (!errors.isEmpty()) {
            throw new PolicyPackException(file, errors.list());
        }
        return new Read(new PolicyPack(id, version, marketplace, sites, scheme, effectiveFrom, zone, title, rules,
                addressChangeRules, deadlines, health, chain, healthBasis), Boolean.TRUE.equals(defaultScheme));
    }

    /** The rules every pack starts with, per request type. */
    record Common(List<Rule> rules, List<Rule> addressChangeRules) {
    }

    private static List<Rule> rules(JsonReader json, String name, List<Rule> common, String ref, Set<String> options,
            FieldErrors errors) {
        List<Rule> rules = new ArrayList<>(common);
        List<JsonNode> nodes = json.array(name);
        if (nodes == null || nodes.isEmpty()) {
            errors.add(name, "must list at least one rule");
            return rules;
        }
        for (int i = 0; i < nodes.size(); i++) {
            Rule rule = RuleReader.read(nodes.get(i), name + "[" + i + "]", ref, errors);
            if (rule != null && RuleReader.enabled(nodes.get(i), options)) {
                rules.add(rule);
            }
        }
        checkRules(rules, common.size(), name, errors);
        return rules;
    }

    /** Reads the common rules every pack starts with. */
    static Common readCommon(String file, JsonNode node) {
        FieldErrors errors = new FieldErrors();
        JsonReader json = JsonReader.of(node, "", Set.of("version", "rules", "addressChangeRules"), errors);
        Common common = new Common(List.of(), List.of());
        if (json != null) {
            String ref = "common@" + json.string("version");
            common = new Common(commonRules(json, "rules", ref, errors), commonRules(json, "addressChangeRules", ref,
                    errors));
        }
        if (!errors.isEmpty()) {
            throw new PolicyPackException(file, errors.list());
        }
        return common;
    }

    private static List<Rule> commonRules(JsonReader json, String name, String ref, FieldErrors errors) {
        List<Rule> rules = new ArrayList<>();
        List<JsonNode> nodes = json.array(name);
        for (int i = 0; nodes != null && i < nodes.size(); i++) {
            Rule rule = RuleReader.read(nodes.get(i), name + "[" + i + "]", ref, errors);
            if (rule != null && !rule.id().startsWith("common.")) {
                errors.add(name + "[" + i + "].id", "must start with 'common.'");
            }
            rules.add(rule);
        }
        return rules;
    }

    private static void checkRules(List<Rule> rules, int commonCount, String name, FieldErrors errors) {
        Set<String> ids = new HashSet<>();
        Rule lastDecide = null;
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            if (!ids.add(rule.id())) {
                errors.add(name + "[" + (i - commonCount) + "].id", "'" + rule.id() + "' is used twice");
            }
            if (rule.type() == Rule.Type.DECIDE) {
                lastDecide = rule;
            }
        }
        if (lastDecide == null || !lastDecide.when().isAlways()) {
            errors.add(name, "the last DECIDE rule must have no 'when', so that every request gets a decision");
        }
    }

    private static Set<String> sites(JsonReader json, FieldErrors errors) {
        List<String> list = json.strings("sites");
        if (list == null || list.isEmpty()) {
            errors.add("sites", "must list at least one site");
            return Set.of();
        }
        Set<String> sites = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            sites.add(InputRules.matching(list.get(i), OrderKey.SITE, "two upper-case letters",
                    "sites[" + i + "]", errors));
        }
        sites.remove(null);
        return sites;
    }

    private static Marketplace marketplace(String code, FieldErrors errors) {
        Marketplace marketplace = code == null ? null : Marketplace.fromCode(code).orElse(null);
        if (marketplace == null) {
            errors.add("marketplace", "must be one of shopee, amazon, ozon, lazada, tiktok");
        }
        return marketplace;
    }

    private static ZoneId zone(String text, FieldErrors errors) {
        if (text == null) {
            errors.add("timeZone", "is required");
            return null;
        }
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            errors.add("timeZone", "must be a time zone id such as Asia/Kuala_Lumpur");
            return null;
        }
    }
}
