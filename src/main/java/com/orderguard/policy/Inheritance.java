package com.orderguard.policy;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderguard.domain.FieldError;
import com.orderguard.domain.decision.Basis;

/**
 * What a site takes from its marketplace's base without a source of its own. An overlay that says
 * {@code "basis": "MARKETPLACE_DEFAULT"} (no source for the site was found) makes every rule it inherits unchanged
 * from the base a {@link Basis#MARKETPLACE_DEFAULT} rule whose source names the inheritance; rules an overlay adds,
 * replaces or changes are the site's own. Its health metrics are the default too unless an overlay states them.
 */
final class Inheritance {

    static final String FIELD = "basis";
    private static final List<String> RULE_LISTS = List.of("rules", "addressChangeRules");

    private Inheritance() {
    }

    /** Marks every rule of the chain's root (the base) as the marketplace's default, before overlays edit them. */
    static void markDefaults(ObjectNode root) {
        for (JsonNode rule : rules(root)) {
            if (rule.isObject() && !rule.has(FIELD)) {
                ((ObjectNode) rule).put(FIELD, Basis.MARKETPLACE_DEFAULT.name());
            }
        }
    }

    /**
     * Settles the marks on the resolved pack: kept, with the inheritance named in the source, when the pack says
     * its basis is the marketplace default; dropped otherwise. Sets the pack's {@code healthBasis}.
     *
     * @param overlays the chain without its root: the files that may restate the health metrics
     */
    static void settle(ObjectNode pack, List<PackResolver.PackFile> overlays, String baseRef, String file) {
        JsonNode basis = pack.path(FIELD);
        if (!basis.isMissingNode() && !basis.asText().equals(Basis.SITE.name())
                && !basis.asText().equals(Basis.MARKETPLACE_DEFAULT.name())) {
            throw new PolicyPackException(file, List.of(new FieldError(FIELD, "must be SITE or MARKETPLACE_DEFAULT")));
        }
        boolean inherits = basis.asText().equals(Basis.MARKETPLACE_DEFAULT.name());
        String note = " (no " + sites(pack) + " source found: " + pack.path("marketplace").asText()
                + "'s default rule, inherited from " + baseRef + ")";
        for (JsonNode rule : rules(pack)) {
            if (!rule.isObject() || !Basis.MARKETPLACE_DEFAULT.name().equals(rule.path(FIELD).asText())) {
                continue;
            }
            if (inherits && rule.path("source").isTextual()) {
                ((ObjectNode) rule).put("source", rule.path("source").textValue() + note);
            } else if (!inherits) {
                ((ObjectNode) rule).remove(FIELD);
            }
        }
        boolean ownHealth = overlays.stream().anyMatch(overlay -> overlay.node().has("health"));
        pack.put("healthBasis", inherits && !ownHealth ? Basis.MARKETPLACE_DEFAULT.name() : Basis.SITE.name());
    }

    private static String sites(JsonNode pack) {
        List<String> sites = new ArrayList<>();
        pack.path("sites").forEach(site -> sites.add(site.asText()));
        return String.join("/", sites);
    }

    private static List<JsonNode> rules(JsonNode pack) {
        List<JsonNode> rules = new ArrayList<>();
        RULE_LISTS.forEach(list -> pack.path(list).forEach(rules::add));
        return rules;
    }
}
