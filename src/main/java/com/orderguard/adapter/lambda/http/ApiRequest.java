package com.orderguard.adapter.lambda.http;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderguard.domain.TenantId;

/**
 * One authenticated API call as the route handlers see it: the tenant and the acting user from the verified JWT,
 * the path
 * parameters, the parsed JSON body (null when there was none), the request id and when it was received.
 */
public record ApiRequest(TenantId tenant, String actor, String routeKey, Map<String, String> pathParameters,
        Map<String, String> queryParameters, JsonNode body, Map<String, String> headers, String requestId,
        Instant receivedAt) {

    /** A path parameter, or null. */
    public String path(String name) {
        return pathParameters.get(name);
    }

    /** A query string parameter, or null. */
    public String query(String name) {
        return queryParameters.get(name);
    }

    /** A request header (case-insensitive), or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
