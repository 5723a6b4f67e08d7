package com.orderguard.domain.decision;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import com.orderguard.domain.Marketplace;
import com.orderguard.domain.deadline.DeadlineRules;
import com.orderguard.domain.health.HealthRules;

/**
 * The rules of one marketplace site (and delivery scheme, where the marketplace has several) from one date on.
 * A new version of a platform's rules is a new pack with a later {@code effectiveFrom}; the old one stays, so a
 * request is judged by the pack in force when it was made.
 *
 * @param id e.g. {@code shopee-MY}
 * @param version e.g. {@code 2024-11-13}
 * @param scheme the delivery scheme the pack covers (Ozon {@code FBS} / {@code RFBS}), or null for all
 * @param rules the cancellation rules
 * @param addressChangeRules the rules for a change of the delivery address
 * @param deadlines how the pack sets ship-by and auto-cancel times, or null when it sets none
 * @param health the seller metrics of the marketplace and their thresholds ({@link HealthRules#NONE} if none)
 * @param chain the pack files this pack is resolved from, its own ref first and the marketplace base last
 *     (only its own ref when it extends nothing)
 * @param healthBasis whether the health metrics are the site's own or the marketplace's defaults
 */
public record PolicyPack(String id, String version, Marketplace marketplace, Set<String> sites, String scheme,
        Instant effectiveFrom, ZoneId zone, String title, List<Rule> rules, List<Rule> addressChangeRules,
        DeadlineRules deadlines, HealthRules health, List<String> chain, Basis healthBasis) {

    public PolicyPack {
        sites = Set.copyOf(sites);
        chain = chain == null || chain.isEmpty() ? List.of(id + "@" + version) : List.copyOf(chain);
        healthBasis = healthBasis == null ? Basis.SITE : healthBasis;
        rules = List.copyOf(rules);
        addressChangeRules = List.copyOf(addressChangeRules);
    }

    /** A pack that extends no other. */
    public PolicyPack(String id, String version, Marketplace marketplace, Set<String> sites, String scheme,
            Instant effectiveFrom, ZoneId zone, String title, List<Rule> rules, List<Rule> addressChangeRules,
            DeadlineRules deadlines, HealthRules health) {
        this(id, version, marketplace, sites, scheme, effectiveFrom, zone, title, rules, addressChangeRules,
                deadlines, health, List.of(), Basis.SITE);
    }

    /** The rules for one type of request. */
    public List<Rule> rules(RequestType type) {
        return type == RequestType.ADDRESS_CHANGE ? addressChangeRules : rules;
    }

    /** {@code id@version}, as decisions cite it. */
    public String ref() {
        return id + "@" + version;
    }
}
