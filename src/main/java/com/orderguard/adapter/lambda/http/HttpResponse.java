package com.orderguard.adapter.lambda.http;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The API Gateway HTTP API response: status, headers and a JSON body. */
public record HttpResponse(int statusCode, Map<String, String> headers, String body,
        @JsonProperty("isBase64Encoded") boolean isBase64Encoded) {

    /** A JSON response. */
    public static HttpResponse json(int status, String body) {
        return new HttpResponse(status, Map.of("content-type", "application/json"), body, false);
    }

    /** An RFC 9457 problem response. */
    public static HttpResponse problem(int status, String body) {
        return new HttpResponse(status, Map.of("content-type", "application/problem+json"), body, false);
    }
}
