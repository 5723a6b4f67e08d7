package com.orderguard.config;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.orderguard.domain.Marketplace;
import com.orderguard.domain.deadline.CalendarCatalog;
import com.orderguard.domain.deadline.CalendarCoverage;
import com.orderguard.domain.decision.PolicyCatalog;

import io.quarkus.runtime.StartupEvent;

/**
 * At start-up, warns of every site a pack covers whose calendar is missing or runs out within
 * {@link CalendarCoverage#AHEAD}, naming the site and its last covered date, so that a calendar running out does
 * not silently turn public holidays into working days. {@code GET /v1/policies} shows the same coverage.
 */
@ApplicationScoped
public class CalendarCoverageCheck {

    private static final Logger LOG = Logger.getLogger(CalendarCoverageCheck.class);

    void onStart(@Observes StartupEvent event, PolicyCatalog packs, CalendarCatalog calendars, Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        warnings(packs, calendars, today).forEach(LOG::warn);
    }

    /** The warnings for the sites of every pack, one per site whose calendar falls short. */
    public static List<String> warnings(PolicyCatalog packs, CalendarCatalog calendars, LocalDate today) {
        Set<String> sites = new TreeSet<>();
        for (Marketplace marketplace : Marketplace.values()) {
            sites.addAll(packs.sites(marketplace));
        }
        return CalendarCoverage.gaps(sites, calendars, today).stream().map(gap -> gap.message(today)).toList();
    }
}
