package com.orderguard.adapter.lambda.http;

import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderguard.domain.Marketplace;
import com.orderguard.domain.deadline.CalendarCatalog;
import com.orderguard.domain.deadline.SiteCalendar;
import com.orderguard.domain.decision.PolicyCatalog;

/**
 * The {@code calendars} of {@code GET /v1/policies} (additive): per site, every site a calendar or a pack names,
 * its time zone, weekend days and the last day its holidays cover ({@code null}: none, only weekends count).
 */
final class CalendarCoverageJson {

    private CalendarCoverageJson() {
    }

    static ArrayNode write(PolicyCatalog packs, CalendarCatalog calendars) {
        Set<String> sites = new TreeSet<>(calendars.all().keySet());
        for (Marketplace marketplace : Marketplace.values()) {
            sites.addAll(packs.sites(marketplace));
        }
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (String site : sites) {
            SiteCalendar calendar = calendars.all().get(site);
            ObjectNode item = list.addObject().put("site", site);
            if (calendar == null) {
                item.putNull("timeZone");
                item.putArray("weekend").add("SATURDAY").add("SUNDAY");
                item.putNull("coveredThrough");
                continue;
            }
            item.put("timeZone", calendar.zone().getId());
            ArrayNode weekend = item.putArray("weekend");
            calendar.weekend().stream().sorted().forEach(day -> weekend.add(day.name()));
            LocalDate through = calendar.coveredThrough();
            item.put("coveredThrough", through == null ? null : through.toString());
        }
        return list;
    }
}
