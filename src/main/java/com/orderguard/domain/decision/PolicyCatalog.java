package com.orderguard.domain.decision;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.orderguard.domain.Marketplace;
import com.orderguard.domain.Order;

/** Every policy pack, every version: finds the one in force for an order at a given moment. */
public final class PolicyCatalog {

    private final List<PolicyPack> packs;
    private final List<String> defaultSchemes;

    /**
     * @param defaultSchemes pack refs whose scheme applies to orders that name no delivery scheme
     */
    public PolicyCatalog(List<PolicyPack> packs, List<String> defaultSchemes) {
        this.packs = packs.stream().sorted(Comparator.comparing(PolicyPack::id)
                .thenComparing(PolicyPack::effectiveFrom)).toList();
        this.defaultSchemes = List.copyOf(defaultSchemes);
    }

    /** Every pack, by id and then by date. */
    public List<PolicyPack> packs() {
        return packs;
    }

    /**
     * The sites any pack of {@code marketplace} covers, in any version, sorted: a site outside them is unknown to
     * OrderGuard (no rules, no calendar), and the list grows as packs are added.
     */
    public Set<String> sites(Marketplace marketplace) {
        Set<String> sites = new TreeSet<>();
        packs.stream().filter(pack -> pack.marketplace() == marketplace).forEach(pack -> sites.addAll(pack.sites()));
        return sites;
    }

    /** Empty when some pack of {@code marketplace}, in any version, covers {@code site}; else why not. */
    public Optional<UnknownSite> unknownSite(Marketplace marketplace, String site) {
        Set<String> sites = sites(marketplace);
        return sites.contains(site) ? Optional.empty()
                : Optional.of(new UnknownSite(marketplace, site, List.copyOf(sites)));
    }

    /** The pack for the order's marketplace, site and delivery scheme that started last at or before {@code at}. */
    public Optional<PolicyPack> inForce(Order order, Instant at) {
        return inForce(order.marketplace(), order.site(), order.deliveryScheme(), at);
    }

    /** The pack for a marketplace, site and delivery scheme (null: the default) that started last by {@code at}. */
    public Optional<PolicyPack> inForce(Marketplace marketplace, String site, String scheme, Instant at) {
        return packs.stream()
                .filter(pack -> pack.marketplace() == marketplace && pack.sites().contains(site))
                .filter(pack -> covers(pack, scheme))
                .filter(pack -> !pack.effectiveFrom().isAfter(at))
                .max(Comparator.comparing(PolicyPack::effectiveFrom));
    }

    /** Whether {@code pack} is the newest version of its id that has started by {@code at}. */
    public boolean isInForce(PolicyPack pack, Instant at) {
        return !pack.effectiveFrom().isAfter(at) && packs.stream()
                .filter(other -> other.id().equals(pack.id()) && !other.effectiveFrom().isAfter(at))
                .noneMatch(other -> other.effectiveFrom().isAfter(pack.effectiveFrom()));
    }

    private boolean covers(PolicyPack pack, String scheme) {
        if (pack.scheme() == null) {
            return true;
        }
        return scheme == null ? defaultSchemes.contains(pack.id()) : Objects.equals(pack.scheme(), scheme);
    }
}
