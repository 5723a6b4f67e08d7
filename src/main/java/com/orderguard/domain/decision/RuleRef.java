package com.orderguard.domain.decision;

/**
 * A rule that fired: its id, the pack version it belongs to ({@code shopee-MY@2024-11-13}), its source, and whether
 * it is the site's own rule or the marketplace's default ({@link Basis}).
 */
public record RuleRef(String id, String pack, String source, Basis basis) {

    public RuleRef {
        basis = basis == null ? Basis.SITE : basis;
    }

    /** A rule of the site's own. */
    public RuleRef(String id, String pack, String source) {
        this(id, pack, source, Basis.SITE);
    }
}
