package com.orderguard.adapter.lambda.http;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderguard.domain.FieldError;
import com.orderguard.domain.FieldErrors;
import com.orderguard.domain.InputRules;
import com.orderguard.domain.deadline.CalendarCatalog;
import com.orderguard.domain.decision.PolicyCatalog;
import com.orderguard.domain.decision.PolicyPack;
import com.orderguard.domain.decision.Rule;

/**
 * {@code GET /v1/policies}: every resolved pack and version, the chain of files it is resolved from, which are in
 * force (now, or at {@code ?at=}), and how far each site's calendar reaches.
 */
@ApplicationScoped
public class PolicyRoutes {

    private final PolicyCatalog catalog;
    private final CalendarCatalog calendars;

    public PolicyRoutes(PolicyCatalog catalog, CalendarCatalog calendars) {
        this.catalog = catalog;
        this.calendars = calendars;
    }

    HttpResponse list(ApiRequest call) {
        Instant at = call.receivedAt();
        String asked = call.query("at");
        if (asked != null) {
            FieldErrors errors = new FieldErrors();
            at = InputRules.instant(asked, "at", errors);
            if (at == null) {
                return Problems.invalid("the 'at' query parameter is invalid", errors.isEmpty()
                        ? List.of(new FieldError("at", "is invalid")) : errors.list());
            }
        }
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("at", at.toString());
        ArrayNode packs = json.putArray("packs");
        for (PolicyPack pack : catalog.packs()) {
            ObjectNode item = packs.addObject();
            item.put("id", pack.id());
            item.put("version", pack.version());
            item.put("ref", pack.ref());
            item.put("title", pack.title());
            item.put("marketplace", pack.marketplace().code());
            ArrayNode sites = item.putArray("sites");
            pack.sites().stream().sorted().forEach(sites::add);
            if (pack.scheme() != null) {
                item.put("scheme", pack.scheme());
            }
            item.put("effectiveFrom", pack.effectiveFrom().toString());
            item.put("timeZone", pack.zone().getId());
            item.put("inForce", catalog.isInForce(pack, at));
            ArrayNode chain = item.putArray("chain");
            pack.chain().forEach(chain::add);
            ArrayNode rules = item.putArray("rules");
            for (Rule rule : pack.rules()) {
                rules.addObject().put("id", rule.id()).put("type", rule.type().name()).put("pack", rule.pack())
                        .put("source", rule.source());
            }
        }
        json.set("calendars", CalendarCoverageJson.write(catalog, calendars));
        return HttpResponse.json(200, json.toString());
    }
}
