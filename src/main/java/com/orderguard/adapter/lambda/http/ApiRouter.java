package com.orderguard.adapter.lambda.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.orderguard.adapter.json.StrictJson;
import com.orderguard.application.ConcurrentUpdateException;
import com.orderguard.adapter.telemetry.LogFields;
import com.orderguard.config.OrderGuardConfig;
import com.orderguard.domain.FieldError;
import com.orderguard.domain.OrderKey;
import com.orderguard.domain.TenantId;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * Turns an HTTP API event into a call of one route: tenant from the JWT claims (never the body), body size
 * limit, strict JSON parsing, and the mapping of infrastructure failures to problem responses.
 */
@ApplicationScoped
public class ApiRouter {

    private static final Logger LOG = Logger.getLogger(ApiRouter.class);

    private final RouteTable routes;
    private final StrictJson json;
    private final OrderGuardConfig config;
    private final Clock clock;

    public ApiRouter(OrderRoutes orders, CancellationRoutes cancellations, HoldRoutes holds, PolicyRoutes policies,
            HealthRoutes health, AddressChangeRoutes addresses, InboxRoutes inbox, StrictJson json,
            OrderGuardConfig config, Clock clock) {
        this.routes = new RouteTable(Map.ofEntries(
                Map.entry(ApiContract.PUT_ORDER, orders::put),
                Map.entry(ApiContract.GET_ORDER, orders::get),
                Map.entry(ApiContract.EVALUATE, cancellations::evaluate),
                Map.entry(ApiContract.REQUEST_CANCELLATION, cancellations::request),
                Map.entry(ApiContract.RESOLVE_CANCELLATION, cancellations::resolve),
                Map.entry(ApiContract.PUT_HOLD, holds::put),
                Map.entry(ApiContract.DELETE_HOLD, holds::delete),
                Map.entry(ApiContract.SHOP_HEALTH, health::health),
                Map.entry(ApiContract.RECORD_DEFECT, health::defect),
                Map.entry(ApiContract.REQUEST_ADDRESS_CHANGE, addresses::request),
                Map.entry(ApiContract.RESOLVE_ADDRESS_CHANGE, addresses::resolve),
                Map.entry(ApiContract.POLICIES, policies::list),
                Map.entry(ApiContract.ATTENTION, inbox::attention),
                Map.entry(ApiContract.SHOPS, inbox::shops),
                Map.entry(ApiContract.LIST_ORDERS, inbox::orders)));
        this.json = json;
        this.config = config;
        this.clock = clock;
    }

    /** Only a valid key is logged: the path is the caller's text, and a log field must not carry anything else. */
    private static void logOrderKey(String orderKey) {
        if (orderKey != null && OrderKey.parse(orderKey, "orderKey").valueOrNull() != null) {
            LogFields.put(LogFields.ORDER_KEY, orderKey);
        }
    }

    /** Handles one API event; never throws. */
    public HttpResponse handle(HttpApiEvent event) {
        if (event == null) {
            return Problems.invalid("no API Gateway event", List.of());
        }
        String requestId = event.requestContext() != null && event.requestContext().requestId() != null
                ? event.requestContext().requestId() : UUID.randomUUID().toString();
        LogFields.put(LogFields.REQUEST_ID, requestId);
        String tenant = event.claim(config.api().tenantClaim());
        if (!TenantId.isValid(tenant)) {
            return Problems.unauthorized("the request carries no valid '" + config.api().tenantClaim()
                    + "' claim naming the tenant");
        }
        LogFields.put(LogFields.TENANT, tenant);
        byte[] body = body(event);
        if (body.length > config.api().maxBodyBytes()) {
            return Problems.tooLarge(config.api().maxBodyBytes());
        }
        var http = event.requestContext() == null ? null : event.requestContext().http();
        var match = routes.find(event.routeKey(), event.pathParameters(), http == null ? null : http.method(),
                http == null ? event.rawPath() : http.path());
        if (match.isEmpty()) {
            return Problems.notFound("no route " + (event.routeKey() != null ? event.routeKey() : "for this path"));
        }
        LogFields.put(LogFields.ROUTE, match.get().routeKey());
        logOrderKey(match.get().pathParameters().get("orderKey"));
        JsonNode parsed;
        try {
            parsed = body.length == 0 ? null : json.parse(new String(body, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            return Problems.invalid("the body is not valid JSON: " + StrictJson.describe(e),
                    List.of(new FieldError("(body)", "malformed JSON")));
        }
        String actor = event.claim(config.api().actorClaim());
        ApiRequest request = new ApiRequest(new TenantId(tenant), actor != null ? actor : tenant,
                match.get().routeKey(),
                match.get().pathParameters(), event.queryStringParameters() == null ? Map.of()
                        : event.queryStringParameters(), parsed, lowerCase(event.headers()), requestId,
                clock.instant());
        return dispatch(match.get(), request);
    }

    private HttpResponse dispatch(RouteTable.Match match, ApiRequest request) {
        try {
            return match.handler().apply(request);
        } catch (ConcurrentUpdateException e) {
            return Problems.conflict(e.getMessage());
        } catch (SdkException e) {
            LOG.errorf(e, "route %s failed on DynamoDB (request %s)", match.routeKey(), request.requestId());
            return transientFailure(e)
                    ? Problems.unavailable("the store is busy or did not answer, so the change may or may not have"
                            + " been made; retry (a request repeated with the same requestId is recorded once)")
                    : Problems.internal(request.requestId());
        } catch (RuntimeException e) {
            LOG.errorf(e, "route %s failed (request %s)", match.routeKey(), request.requestId());
            return Problems.internal(request.requestId());
        }
    }

    /**
     * DynamoDB throttled or failed (5xx), or never answered (the connection failed or dropped, perhaps after the
     * write was made): the outcome is unknown, the caller must retry, and must not be told that nothing changed.
     */
    private static boolean transientFailure(SdkException e) {
        if (e.retryable() || e.getCause() instanceof IOException) {
            return true;
        }
        return e instanceof SdkServiceException service && (service.isThrottlingException()
                || service.statusCode() >= 500);
    }

    private static byte[] body(HttpApiEvent event) {
        if (event.body() == null) {
            return new byte[0];
        }
        if (event.isBase64Encoded()) {
            try {
                return Base64.getDecoder().decode(event.body());
            } catch (IllegalArgumentException e) {
                return event.body().getBytes(StandardCharsets.UTF_8);
            }
        }
        return event.body().getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, String> lowerCase(Map<String, String> headers) {
        Map<String, String> lower = new HashMap<>();
        if (headers != null) {
            headers.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
        }
        return lower;
    }
}
