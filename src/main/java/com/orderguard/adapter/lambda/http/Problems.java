package com.orderguard.adapter.lambda.http;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderguard.domain.FieldError;
import com.orderguard.domain.decision.UnknownSite;

/** RFC 9457 problem details for every error the API returns. */
public final class Problems {

    private Problems() {
    }

    /** 400: the body is not JSON, or fields are invalid (every one listed). */
    public static HttpResponse invalid(String detail, List<FieldError> errors) {
        return of(400, "invalid-request", "Invalid request", detail, errors);
    }

    /**
     * 422: a known marketplace, a site no policy pack covers; {@code supportedSites} lists the marketplace's sites
     * so the caller can tell a typo from a site OrderGuard does not serve yet.
     */
    public static HttpResponse unknownSite(UnknownSite unknown, String field) {
        ObjectNode json = body("unknown-site", "Unknown site", 422, unknown.detail(),
                List.of(new FieldError(field, "no policy pack covers " + unknown.marketplace().code() + " site "
                        + unknown.site())));
        ArrayNode sites = json.putArray("supportedSites");
        unknown.supported().forEach(sites::add);
        return HttpResponse.problem(422, json.toString());
    }

    public static HttpResponse unauthorized(String detail) {
        return of(401, "unauthorized", "No tenant", detail, List.of());
    }

    public static HttpResponse notFound(String detail) {
        return of(404, "not-found", "Not found", detail, List.of());
    }

    public static HttpResponse conflict(String detail) {
        return of(409, "conflict", "Conflict", detail, List.of());
    }

    public static HttpResponse tooLarge(int limit) {
        return of(413, "body-too-large", "Request body too large",
                "the body must be at most " + limit + " bytes", List.of());
    }

    public static HttpResponse unavailable(String detail) {
        return of(503, "unavailable", "Service unavailable", detail, List.of());
    }

    public static HttpResponse internal(String requestId) {
        return of(500, "internal", "Internal error",
                "the request failed; nothing was changed unless it says otherwise. Request id " + requestId,
                List.of());
    }

    /** A problem of {@code status}; {@code slug} names the problem type. */
    public static HttpResponse of(int status, String slug, String title, String detail, List<FieldError> errors) {
        return HttpResponse.problem(status, body(slug, title, status, detail, errors).toString());
    }

    private static ObjectNode body(String slug, String title, int status, String detail, List<FieldError> errors) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("type", "urn:orderguard:problem:" + slug);
        json.put("title", title);
        json.put("status", status);
        json.put("detail", detail);
        ArrayNode list = json.putArray("errors");
        for (FieldError error : errors) {
            list.addObject().put("field", error.field()).put("message", error.message());
        }
        return json;
    }
}
