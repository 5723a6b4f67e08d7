package com.orderguard.adapter.lambda.http;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderguard.adapter.json.JsonReader;
import com.orderguard.application.Defects;
import com.orderguard.application.ShopHealthService;
import com.orderguard.domain.FieldError;
import com.orderguard.domain.FieldErrors;
import com.orderguard.domain.InputRules;
import com.orderguard.domain.Marketplace;
import com.orderguard.domain.OrderKey;
import com.orderguard.domain.decision.RequestValidator;
import com.orderguard.domain.decision.PolicyCatalog;
import com.orderguard.domain.decision.UnknownSite;
import com.orderguard.domain.health.Defect;
import com.orderguard.domain.health.MetricStatus;
import com.orderguard.domain.health.ShopHealth;
import com.orderguard.domain.health.ShopKey;

/** {@code GET /v1/shops/{marketplace}/{site}/{shopId}/health} and {@code POST /v1/orders/{orderKey}/defects}. */
@ApplicationScoped
public class HealthRoutes {

    static final Pattern SHOP_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Set<String> DEFECT_FIELDS = Set.of("defectId", "type", "reportedAt");

    private final ShopHealthService health;
    private final Defects defects;
    private final PolicyCatalog catalog;

    public HealthRoutes(ShopHealthService health, Defects defects, PolicyCatalog catalog) {
        this.health = health;
        this.defects = defects;
        this.catalog = catalog;
    }

    HttpResponse health(ApiRequest call) {
        FieldErrors errors = new FieldErrors();
        Marketplace marketplace = Marketplace.fromCode(call.path("marketplace")).orElse(null);
        if (marketplace == null) {
            errors.add("marketplace", "must be one of shopee, amazon, ozon, lazada, tiktok");
        }
        String site = InputRules.matching(call.path("site"), OrderKey.SITE, "two upper-case letters", "site", errors);
        String shopId = InputRules.matching(call.path("shopId"), SHOP_ID, "1-64 letters, digits, '.', '-' or '_'",
                "shopId", errors);
        if (!errors.isEmpty()) {
            return Problems.invalid("the shop in the path is invalid", errors.list());
        }
        UnknownSite unknown = catalog.unknownSite(marketplace, site).orElse(null);
        if (unknown != null) {
            return Problems.unknownSite(unknown, "site");
        }
        ShopKey shop = new ShopKey(marketplace, site, shopId);
        return health.report(call.tenant(), shop, call.receivedAt())
                .map(report -> HttpResponse.json(200, write(report).toString()))
                .orElseGet(() -> Problems.invalid("no policy pack covers " + marketplace.code() + " " + site,
                        List.of(new FieldError("site", "no policy pack covers this site"))));
    }

    HttpResponse defect(ApiRequest call) {
        FieldErrors errors = new FieldErrors();
        OrderKey key = OrderKey.parse(call.path("orderKey"), "orderKey").valueOrNull();
        errors.addAll(OrderKey.parse(call.path("orderKey"), "orderKey").errors());
        JsonReader body = JsonReader.of(call.body(), "", DEFECT_FIELDS, errors);
        String id = body == null ? null : InputRules.matching(body.string("defectId"), RequestValidator.REQUEST_ID,
                "1-64 letters, digits, '-' or '_'", "defectId", errors);
        Defect.Type type = body == null ? null : InputRules.enumValue(Defect.Type.class, body.string("type"), "type",
                errors);
        var reportedAt = body == null ? null : InputRules.instant(body.string("reportedAt"), "reportedAt", errors);
        if (body != null) {
            InputRules.required(id, "defectId", errors);
            InputRules.required(type, "type", errors);
        }
        if (!errors.isEmpty()) {
            return Problems.invalid("the defect is invalid", errors.list());
        }
        Defects.Result result = defects.record(call.tenant(), key, new Defect(id, type,
                reportedAt != null ? reportedAt : call.receivedAt()), call.receivedAt());
        if (result == Defects.Result.ORDER_NOT_FOUND) {
            return Problems.notFound("no order " + key);
        }
        if (result == Defects.Result.DEFECT_ID_REUSED) {
            return Problems.conflict("defect " + id + " was recorded before with another type; nothing changed");
        }
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("orderKey", key.toString()).put("defectId", id)
                .put("type", type.name()).put("counted", result == Defects.Result.RECORDED);
        return HttpResponse.json(result == Defects.Result.RECORDED ? 201 : 200, json.toString());
    }

    static ObjectNode write(ShopHealthService.Health health) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        ShopKey shop = health.shop();
        json.putObject("shop").put("marketplace", shop.marketplace().code()).put("site", shop.site())
                .put("shopId", shop.shopId());
        json.put("pack", health.pack().ref()).put("basis", health.pack().healthBasis().name());
        json.put("asOf", health.today().toString());
        json.put("timeZone", health.pack().zone().getId());
        ArrayNode metrics = json.putArray("metrics");
        health.report().metrics().forEach(metric -> metric(metrics.addObject(), metric));
        ShopHealth.Points points = health.report().points();
        if (points != null) {
            json.putObject("penaltyPoints").put("total", points.total()).put("tier", points.tier())
                    .put("since", points.since().toString()).put("resetsOn", points.resetsOn().toString());
        }
        ShopHealth.Fine fine = health.report().fine();
        if (fine != null) {
            ObjectNode node = json.putObject("fine").put("metric", fine.metric()).put("value", fine.value())
                    .put("blockRisk", fine.blockRisk());
            if (fine.percentOfPrice() == null) {
                node.putNull("percentOfPrice");
            } else {
                node.put("percentOfPrice", fine.percentOfPrice());
            }
            node.put("maxFine", fine.maxFine() == null ? null : fine.maxFine().toPlainString())
                    .put("currency", fine.currency());
        }
        ShopHealth.VolumeLimit limit = health.report().volumeLimit();
        if (limit != null) {
            volumeLimit(json.putObject("orderVolumeLimit"), limit);
        }
        return json;
    }

    private static void volumeLimit(ObjectNode json, ShopHealth.VolumeLimit limit) {
        json.put("metric", limit.metric()).put("value", limit.value()).put("applies", limit.applies())
                .put("volumePercent", limit.volumePercent())
                .put("duration", limit.duration() == null ? null : limit.duration().toString())
                .put("source", limit.source());
    }

    private static void metric(ObjectNode json, MetricStatus metric) {
        json.put("metric", metric.definition().id())
                .put("window", metric.definition().window())
                .put("from", metric.from().toString())
                .put("to", metric.to().toString())
                .put("value", metric.value())
                .put("numerator", metric.numerator())
                .put("denominator", metric.denominator())
                .put("threshold", metric.definition().threshold())
                .put("limit", metric.definition().limit().name())
                .put("status", metric.status().name())
                .put("source", metric.definition().source());
    }
}
