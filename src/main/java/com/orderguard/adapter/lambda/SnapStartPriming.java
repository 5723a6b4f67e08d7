package com.orderguard.adapter.lambda;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.orderguard.adapter.lambda.http.HttpApiEvent;
import com.orderguard.adapter.lambda.http.HttpResponse;

import io.quarkus.runtime.ImageMode;
import io.quarkus.runtime.StartupEvent;

/**
 * SnapStart priming of the {@code api} function (JVM runtime): before Lambda takes the snapshot of an initialised
 * function version, a few requests go through the whole API path - routing, JSON, the policy packs, a decision,
 * DynamoDB reads - so that their classes are loaded and initialised in the snapshot instead of on the first call
 * of every restored instance. Only reads and a what-if: priming writes nothing, and a failed priming request
 * (no table reachable while the snapshot is taken) is logged and never stops the snapshot.
 */
@ApplicationScoped
public class SnapStartPriming implements Resource {

    static final String TENANT = "snapstart-priming";
    private static final Logger LOG = Logger.getLogger(SnapStartPriming.class);
    private static final String EVALUATION = """
            {"order":{"marketplace":"shopee","site":"MY","orderId":"PRIMING","shopId":"priming",\
            "status":"AWAITING_SHIPMENT","placedAt":"2025-01-06T09:30:00Z","paidAt":"2025-01-06T09:35:00Z",\
            "buyerId":"priming","items":[{"sku":"P-1","quantity":1,"unitPrice":"1.00","currency":"MYR",\
            "attributes":[]}]},"request":{"initiator":"BUYER","reason":"CHANGE_OF_MIND",\
            "requestedAt":"2025-01-06T10:00:00Z"}}""";

    private final ApiFunction api;
    private final Clock clock;
    private final String export;
    private final boolean enabled;

    public SnapStartPriming(ApiFunction api, Clock clock, @ConfigProperty(name = "quarkus.funqy.export") String export,
            @ConfigProperty(name = "orderguard.snapstart.priming", defaultValue = "true") boolean enabled) {
        this.api = api;
        this.clock = clock;
        this.export = export;
        this.enabled = enabled;
    }

    void onStart(@Observes StartupEvent event) {
        // a native image has no snapshot to prime; the other functions are not behind SnapStart's alias traffic
        if (enabled && "api".equals(export) && !ImageMode.current().isNativeImage()) {
            Core.getGlobalContext().register(this);
        }
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        List<Integer> statuses = prime();
        LOG.infof("SnapStart priming answered %s", statuses);
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing to renew: the DynamoDB client opens new connections when the snapshot's ones are gone
    }

    /** The priming requests through the api function; their status codes, or 0 for one that threw. */
    List<Integer> prime() {
        return List.of(call("GET", "/v1/policies", "GET /v1/policies", Map.of(), null),
                call("POST", "/v1/evaluations", "POST /v1/evaluations", Map.of(), EVALUATION),
                call("GET", "/v1/orders/shopee.MY.PRIMING", "GET /v1/orders/{orderKey}",
                        Map.of("orderKey", "shopee.MY.PRIMING"), null),
                call("GET", "/v1/attention", "GET /v1/attention", Map.of(), null));
    }

    private int call(String method, String path, String route, Map<String, String> parameters, String body) {
        var context = new HttpApiEvent.RequestContext("priming-" + UUID.randomUUID(), clock.millis(),
                new HttpApiEvent.Http(method, path),
                new HttpApiEvent.Authorizer(new HttpApiEvent.Jwt(Map.of("sub", TENANT))));
        var event = new HttpApiEvent("2.0", route, path, Map.of("content-type", "application/json"), parameters,
                Map.of(), body, false, context);
        try {
            HttpResponse response = api.api(event);
            return response.statusCode();
        } catch (RuntimeException e) {
            LOG.warnf("SnapStart priming of %s failed (the snapshot is taken all the same): %s", route, e.toString());
            return 0;
        }
    }
}
