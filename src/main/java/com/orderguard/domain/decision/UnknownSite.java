package com.orderguard.domain.decision;

import java.util.List;

import com.orderguard.domain.Marketplace;

/**
 * A site of a known marketplace that no policy pack covers: OrderGuard has no rules and no calendar for it, so an
 * order, request or message naming it is refused before anything is written.
 *
 * @param supported the sites the marketplace's packs cover, sorted
 */
public record UnknownSite(Marketplace marketplace, String site, List<String> supported) {

    public UnknownSite {
        supported = List.copyOf(supported);
    }

    /** A sentence naming the site and the supported ones, for problems and logs. */
    public String detail() {
        return marketplace.code() + " site " + site + " is not supported: no policy pack covers it (supported "
                + marketplace.code() + " sites: " + (supported.isEmpty() ? "none" : String.join(", ", supported))
                + ")";
    }
}
