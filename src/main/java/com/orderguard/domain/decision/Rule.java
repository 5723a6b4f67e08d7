package com.orderguard.domain.decision;

/**
 * One rule of a policy pack: an id, the pack version it was published in ({@code shopee-MY@2024-11-13}, or
 * {@code common@...} for the rules every pack starts with), where the rule comes from, whether it decides the
 * outcome (the first matching DECIDE rule wins) or adjusts it (every matching ADJUST rule applies), when it applies
 * and what it does, and whether it is the site's own rule or the marketplace's default ({@link Basis}).
 */
public record Rule(String id, String pack, String source, Type type, Condition when, Effect then, Basis basis) {

    public Rule {
        basis = basis == null ? Basis.SITE : basis;
    }

    /** A rule of the site's own. */
    public Rule(String id, String pack, String source, Type type, Condition when, Effect then) {
        this(id, pack, source, type, when, then, Basis.SITE);
    }

    /** How a rule takes part in a decision. */
    public enum Type {
        DECIDE, ADJUST
    }
}
