package com.orderguard.adapter.lambda.http;

import jakarta.enterprise.context.ApplicationScoped;

import com.orderguard.adapter.json.OrderJson;
import com.orderguard.application.OrderQueries;
import com.orderguard.application.OrderSnapshots;
import com.orderguard.application.SnapshotOutcome;
import com.orderguard.application.SnapshotSource;
import com.orderguard.domain.FieldErrors;
import com.orderguard.domain.Order;
import com.orderguard.domain.OrderDraft;
import com.orderguard.domain.OrderKey;
import com.orderguard.domain.OrderValidator;
import com.orderguard.domain.Validated;
import com.orderguard.domain.decision.PolicyCatalog;
import com.orderguard.domain.decision.UnknownSite;

/** {@code PUT} and {@code GET /v1/orders/{orderKey}}. */
@ApplicationScoped
public class OrderRoutes {

    private final OrderSnapshots snapshots;
    private final OrderQueries queries;
    private final PolicyCatalog catalog;

    public OrderRoutes(OrderSnapshots snapshots, OrderQueries queries, PolicyCatalog catalog) {
        this.snapshots = snapshots;
        this.queries = queries;
        this.catalog = catalog;
    }

    /** Creates or updates an order snapshot, exactly as an ingested ORDER_SNAPSHOT event would. */
    HttpResponse put(ApiRequest request) {
        Validated<OrderKey> key = OrderKey.parse(request.path("orderKey"), "orderKey");
        if (key instanceof Validated.Invalid<OrderKey> invalid) {
            return Problems.invalid("the order key in the path is invalid", invalid.errors());
        }
        OrderKey orderKey = key.valueOrNull();
        FieldErrors errors = new FieldErrors();
        OrderDraft draft = OrderJson.read(request.body(), "", errors);
        Order order = draft == null ? null : OrderValidator.validate(draft, "", orderKey, errors);
        if (!errors.isEmpty()) {
            return Problems.invalid("the order is invalid", errors.list());
        }
        UnknownSite unknown = catalog.unknownSite(orderKey.marketplace(), orderKey.site()).orElse(null);
        if (unknown != null) {
            return Problems.unknownSite(unknown, "orderKey");
        }
        SnapshotOutcome outcome = snapshots.apply(request.tenant(), order,
                new SnapshotSource("api:" + request.requestId(), request.receivedAt(), "api"), request.receivedAt());
        if (outcome instanceof SnapshotOutcome.Stale stale) {
            return Problems.conflict("a newer snapshot of this order is stored (observed at "
                    + stale.current().stamp().occurredAt() + ")");
        }
        if (outcome instanceof SnapshotOutcome.EventIdReused) {
            return Problems.conflict("this request's id (the idempotency key) was already used for a different"
                    + " snapshot; nothing was stored (send the snapshot again as a new request)");
        }
        if (outcome instanceof SnapshotOutcome.Conflicting conflicting) {
            return Problems.conflict(conflicting.reason());
        }
        return view(request, orderKey);
    }

    /** The order view; 404 when this tenant has no such order. */
    HttpResponse get(ApiRequest request) {
        Validated<OrderKey> key = OrderKey.parse(request.path("orderKey"), "orderKey");
        if (key instanceof Validated.Invalid<OrderKey> invalid) {
            return Problems.invalid("the order key in the path is invalid", invalid.errors());
        }
        return view(request, key.valueOrNull());
    }

    private HttpResponse view(ApiRequest request, OrderKey key) {
        return queries.view(request.tenant(), key, request.receivedAt())
                .map(view -> HttpResponse.json(200, OrderViewJson.write(view).toString()))
                .orElseGet(() -> Problems.notFound("no order " + key));
    }
}
