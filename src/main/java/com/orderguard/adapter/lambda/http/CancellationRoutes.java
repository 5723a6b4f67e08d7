package com.orderguard.adapter.lambda.http;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.orderguard.adapter.json.DecisionJson;
import com.orderguard.adapter.json.JsonReader;
import com.orderguard.adapter.json.MetricsJson;
import com.orderguard.adapter.json.OrderJson;
import com.orderguard.application.RequestOutcome;
import com.orderguard.application.Cancellations;
import com.orderguard.application.OrderHint;
import com.orderguard.domain.FieldError;
import com.orderguard.domain.FieldErrors;
import com.orderguard.domain.InputRules;
import com.orderguard.domain.Order;
import com.orderguard.domain.OrderDraft;
import com.orderguard.domain.OrderKey;
import com.orderguard.domain.OrderValidator;
import com.orderguard.domain.decision.OrderRequest;
import com.orderguard.domain.decision.MetricValue;
import com.orderguard.domain.decision.RequestDraft;
import com.orderguard.domain.decision.RequestValidator;
import com.orderguard.domain.decision.DecisionContext;
import com.orderguard.domain.decision.PolicyCatalog;
import com.orderguard.domain.decision.UnknownSite;

/** Evaluate, record and resolve cancellation requests. */
@ApplicationScoped
public class CancellationRoutes {

    private static final Set<String> EVALUATION_FIELDS = Set.of("order", "request", "metrics");
    private static final Set<String> RESOLUTION_FIELDS = Set.of("resolution", "note");

    private final Cancellations cancellations;
    private final PolicyCatalog catalog;

    public CancellationRoutes(Cancellations cancellations, PolicyCatalog catalog) {
        this.cancellations = cancellations;
        this.catalog = catalog;
    }

    /** {@code POST /v1/evaluations}: decide without storing anything. */
    HttpResponse evaluate(ApiRequest call) {
        FieldErrors errors = new FieldErrors();
        JsonReader body = JsonReader.of(call.body(), "", EVALUATION_FIELDS, errors);
        Order order = null;
        OrderRequest request = null;
        List<MetricValue> metrics = List.of();
        if (body != null) {
            order = required(body, "order", errors) ? order(body, errors) : null;
            request = required(body, "request", errors) ? request(body.node("request"), "request", call, errors)
                    : null;
            metrics = MetricsJson.read(body.node("metrics"), "metrics", errors);
        }
        if (!errors.isEmpty()) {
            return Problems.invalid("the evaluation request is invalid", errors.list());
        }
        UnknownSite unknown = catalog.unknownSite(order.marketplace(), order.site()).orElse(null);
        if (unknown != null) {
            return Problems.unknownSite(unknown, "order.site");
        }
        RequestOutcome outcome = cancellations.evaluate(order, request,
                new DecisionContext(metrics, List.of(), List.of(), List.of()), call.receivedAt());
        if (outcome instanceof RequestOutcome.Evaluated evaluated) {
            return HttpResponse.json(200, DecisionJson.write(evaluated.decision()).toString());
        }
        return answer(outcome);
    }

    /**
     * {@code POST /v1/orders/{orderKey}/cancellation-requests}: decide and record. The optional {@code buyerId} and
     * {@code shopId} are the caller's hints of the order's names, read together with the order (the order decides).
     */
    HttpResponse request(ApiRequest call) {
        OrderKey key = OrderKey.parse(call.path("orderKey"), "orderKey").valueOrNull();
        FieldErrors errors = new FieldErrors();
        if (key == null) {
            errors.addAll(OrderKey.parse(call.path("orderKey"), "orderKey").errors());
        }
        DecisionJson.OrderRequestDraft draft = DecisionJson.readOrderRequest(call.body(), errors);
        OrderRequest request = draft == null ? null : validate(draft.request(), "", call, errors);
        OrderHint hint = draft == null ? null : hint(draft, errors);
        if (!errors.isEmpty()) {
            return Problems.invalid("the cancellation request is invalid", errors.list());
        }
        UnknownSite unknown = catalog.unknownSite(key.marketplace(), key.site()).orElse(null);
        if (unknown != null) {
            return Problems.unknownSite(unknown, "orderKey");
        }
        return answer(cancellations.request(call.tenant(), key, request, hint, call.receivedAt()));
    }

    /** The caller's hint of the order's buyer and shop, validated as the order's own fields are; null: no shop. */
    private static OrderHint hint(DecisionJson.OrderRequestDraft draft, FieldErrors errors) {
        String buyerId = InputRules.text(draft.buyerId(), 128, "buyerId", errors);
        String shopId = InputRules.matching(draft.shopId(), OrderValidator.SHOP_ID,
                "1-64 letters, digits, '.', '-' or '_'", "shopId", errors);
        return shopId == null ? null : new OrderHint(buyerId, shopId);
    }

    /** {@code POST .../cancellation-requests/{requestId}/resolution}: the seller approves or rejects. */
    HttpResponse resolve(ApiRequest call) {
        return resolution(call, (key, requestId, approve, note) -> cancellations.resolve(call.tenant(), key,
                requestId, approve, note, call.receivedAt()));
    }

    /** Resolves a pending request of any type: validates the path and body, then hands over to {@code resolver}. */
    static HttpResponse resolution(ApiRequest call, Resolver resolver) {
        FieldErrors errors = new FieldErrors();
        OrderKey key = OrderKey.parse(call.path("orderKey"), "orderKey").valueOrNull();
        if (key == null) {
            errors.addAll(OrderKey.parse(call.path("orderKey"), "orderKey").errors());
        }
        String requestId = InputRules.matching(call.path("requestId"), RequestValidator.REQUEST_ID,
                "1-64 letters, digits, '-' or '_'", "requestId", errors);
        JsonReader body = JsonReader.of(call.body(), "", RESOLUTION_FIELDS, errors);
        String resolution = body == null ? null : body.string("resolution");
        if (body != null && !"APPROVE".equals(resolution) && !"REJECT".equals(resolution)) {
            errors.add("resolution", resolution == null ? "is required" : "must be APPROVE or REJECT");
        }
        String note = body == null ? null : InputRules.text(body.string("note"), 1000, "note", errors);
        if (!errors.isEmpty()) {
            return Problems.invalid("the resolution is invalid", errors.list());
        }
        return answer(resolver.resolve(key, requestId, "APPROVE".equals(resolution), note));
    }

    /** The use case that resolves a request. */
    interface Resolver {
        RequestOutcome resolve(OrderKey key, String requestId, boolean approve, String note);
    }

    static HttpResponse answer(RequestOutcome outcome) {
        if (outcome instanceof RequestOutcome.Recorded recorded) {
            return HttpResponse.json(201, DecisionJson.write(recorded.record()).toString());
        } else if (outcome instanceof RequestOutcome.Replayed replayed) {
            return HttpResponse.json(201, DecisionJson.write(replayed.record()).toString());
        } else if (outcome instanceof RequestOutcome.Resolved resolved) {
            return HttpResponse.json(200, DecisionJson.write(resolved.record()).toString());
        } else if (outcome instanceof RequestOutcome.NoPolicy noPolicy) {
            return Problems.invalid(noPolicy.detail(), List.of(new FieldError("order.site",
                    "no policy pack covers this marketplace and site")));
        } else if (outcome instanceof RequestOutcome.OrderNotFound) {
            return Problems.notFound("no such order");
        } else if (outcome instanceof RequestOutcome.RequestNotFound) {
            return Problems.notFound("no such cancellation request on this order");
        } else if (outcome instanceof RequestOutcome.RequestIdReused reused) {
            return Problems.conflict("request id " + reused.existing().requestId()
                    + " was already used for a different request");
        } else if (outcome instanceof RequestOutcome.NotPending notPending) {
            return Problems.conflict("request " + notPending.record().requestId() + " is no longer pending (it is "
                    + notPending.record().status() + ")");
        } else if (outcome instanceof RequestOutcome.NoLongerPossible impossible) {
            return Problems.conflict(impossible.reason());
        }
        throw new IllegalStateException("unexpected outcome " + outcome);
    }

    private static boolean required(JsonReader body, String name, FieldErrors errors) {
        if (body.node(name) == null) {
            errors.add(name, "is required");
            return false;
        }
        return true;
    }

    private static Order order(JsonReader body, FieldErrors errors) {
        OrderDraft draft = OrderJson.read(body.node("order"), "order", errors);
        return draft == null ? null : OrderValidator.validate(draft, "order", null, errors);
    }

    static OrderRequest request(com.fasterxml.jackson.databind.JsonNode node, String at, ApiRequest call,
            FieldErrors errors) {
        return validate(DecisionJson.readRequest(node, at, errors), at, call, errors);
    }

    private static OrderRequest validate(RequestDraft draft, String at, ApiRequest call, FieldErrors errors) {
        return draft == null ? null : RequestValidator.validate(draft, at, "r-" + UUID.randomUUID(),
                call.receivedAt(), errors);
    }
}
