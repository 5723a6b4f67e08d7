package com.orderguard.policy;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderguard.domain.FieldError;
import com.orderguard.domain.decision.Basis;

/**
 * What a site takes from its parent without a source of its own. An overlay that says
 * {@code "basis": "MARKETPLACE_DEFAULT"} (no source for the site was found) makes every rule it inherits unchanged
 * a {@link Basis#MARKETPLACE_DEFAULT} rule whose source names the inheritance; rules it or a later overlay adds,
 * replaces or changes are the site's own. Its health metrics are the default too unless an overlay states them.
 */
final class Inheritance {

    static final String FIELD = "basis";
    private static final String FROM = "inheritedFrom";
    private static final List<String> RULE_LISTS = List.of("rules", "addressChangeRules");

    private Inheritance() {
    }

    /** Whether the overlay says that what it inherits has no source for its site. */
    static boolean declaresDefault(JsonNode overlay) {
        return Basis.MARKETPLACE_DEFAULT.name().equals(overlay.path(FIELD).asText());
    }

    /** Marks every rule resolved so far as inherited from {@code parent}, before the declaring overlay edits them. */
    static void markDefaults(ObjectNode pack, String parent) {
        for (JsonNode rule : rules(pack)) {
            if (rule.isObject() && !rule.has(FIELD)) {
                ((ObjectNode) rule).put(FIELD, Basis.MARKETPLACE_DEFAULT.name()).put(FROM, parent);
            }
        }
    }

    /** Makes a rule the site's own: an overlay restates it. */
    static void unmark(ObjectNode rule) {
        rule.remove(FIELD);
        rule.remove(FROM);
    }

    /**
     * Settles the marks on the resolved pack: kept, with the inheritance named in the source, when the pack says
     * its basis is the marketplace default; dropped otherwise. Sets the pack's {@code healthBasis}.
     *
     * @param overlays the chain without its root: the files that may restate the health metrics
     */
    static void settle(ObjectNode pack, List<PackResolver.PackFile> overlays, String file) {
        JsonNode basis = pack.path(FIELD);
        if (!basis.isMissingNode() && !basis.asText().equals(Basis.SITE.name())
                && !basis.asText().equals(Basis.MARKETPLACE_DEFAULT.name())) {
            throw new PolicyPackException(file, List.of(new FieldError(FIELD, "must be SITE or MARKETPLACE_DEFAULT")));
        }
        boolean inherits = basis.asText().equals(Basis.MARKETPLACE_DEFAULT.name());
        String note = " (no " + sites(pack) + " source found: " + pack.path("marketplace").asText()
                + "'s default rule, inherited from ";
        for (JsonNode rule : rules(pack)) {
            if (!rule.isObject() || !rule.has(FROM)) {
                continue;
            }
            ObjectNode marked = (ObjectNode) rule;
            String from = marked.remove(FROM).asText();
            if (inherits && marked.path("source").isTextual()) {
                marked.put("source", marked.path("source").textValue() + note + from + ")");
            } else if (!inherits) {
                marked.remove(FIELD);
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
