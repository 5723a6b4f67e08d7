package com.orderguard.adapter.lambda.http;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An API Gateway HTTP API (payload format 2.0) event: the fields OrderGuard reads. API Gateway routes the
 * request; {@code routeKey} names the route (e.g. {@code GET /v1/orders/{orderKey}}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HttpApiEvent(
        String version,
        String routeKey,
        String rawPath,
        Map<String, String> headers,
        Map<String, String> pathParameters,
        Map<String, String> queryStringParameters,
        String body,
        @JsonProperty("isBase64Encoded") boolean isBase64Encoded,
        RequestContext requestContext) {

    /** The request context: id, time, method and path, and the JWT authorizer's claims. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RequestContext(String requestId, Long timeEpoch, Http http, Authorizer authorizer) {
    }

    /** Method and path as received. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Http(String method, String path) {
    }

    /** The authorizer's output. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Authorizer(Jwt jwt) {
    }

    /** The verified JWT's claims (string values, as API Gateway passes them) and scopes. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Jwt(Map<String, Object> claims) {
    }

    /** The value of a claim, or null. */
    public String claim(String name) {
        if (requestContext == null || requestContext.authorizer() == null
                || requestContext.authorizer().jwt() == null || requestContext.authorizer().jwt().claims() == null) {
            return null;
        }
        Object value = requestContext.authorizer().jwt().claims().get(name);
        return value instanceof String text ? text : null;
    }
}
