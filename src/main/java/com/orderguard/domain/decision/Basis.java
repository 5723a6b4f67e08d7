package com.orderguard.domain.decision;

/**
 * What a rule (and so a decision, or a shop's health) rests on for the order's site: the site's own published
 * rules, or the marketplace's default rules because no source for the site was found.
 */
public enum Basis {
    /** The site's own rule, with its source. */
    SITE,
    /** No source for the site: the marketplace's default rule, inherited from its base pack. */
    MARKETPLACE_DEFAULT
}
