package com.orderguard.adapter.local.gateway;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

/**
 * Turns a plain HTTP request into the API Gateway HTTP API (payload format 2.0) event of its route, as
 * {@code sam local start-api} does: route key, path parameters, query string, lower-case headers, the body (base64
 * for binary content) and the authorizer's JWT claims.
 */
final class GatewayEvents {

    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z0-9_]+)}");

    private final List<String> routeKeys;
    private final ObjectMapper mapper;

    GatewayEvents(List<String> routeKeys, ObjectMapper mapper) {
        this.routeKeys = List.copyOf(routeKeys);
        this.mapper = mapper;
    }

    /** The route key of {@code method} and {@code path} with its path parameters, or empty (API Gateway's 404). */
    Optional<Map.Entry<String, Map<String, String>>> route(String method, String path) {
        for (String routeKey : routeKeys) {
            int space = routeKey.indexOf(' ');
            if (!routeKey.substring(0, space).equals(method)) {
                continue;
            }
            String template = routeKey.substring(space + 1);
            List<String> names = new ArrayList<>();
            Matcher parameter = PARAMETER.matcher(template);
            while (parameter.find()) {
                names.add(parameter.group(1));
            }
            Matcher actual = Pattern.compile(PARAMETER.matcher(Pattern.quote(template)).replaceAll("\\\\E([^/]+)\\\\Q"))
                    .matcher(path);
            if (actual.matches()) {
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < names.size(); i++) {
                    values.put(names.get(i), URLDecoder.decode(actual.group(i + 1), StandardCharsets.UTF_8));
                }
                return Optional.of(Map.entry(routeKey, values));
            }
        }
        return Optional.empty();
    }

    /** The event of a request on {@code routeKey}, with the verified token's {@code claims}. */
    ObjectNode event(HttpExchange exchange, String routeKey, Map<String, String> pathParameters, byte[] body,
            Map<String, Object> claims, Instant now) {
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        ObjectNode event = mapper.createObjectNode().put("version", "2.0").put("routeKey", routeKey)
                .put("rawPath", path).put("rawQueryString", query == null ? "" : query);
        ObjectNode headers = event.putObject("headers");
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        if (query != null && !query.isEmpty()) {
            event.set("queryStringParameters", mapper.valueToTree(queryParameters(query)));
        }
        if (!pathParameters.isEmpty()) {
            event.set("pathParameters", mapper.valueToTree(pathParameters));
        }
        ObjectNode context = event.putObject("requestContext").put("accountId", "local").put("apiId", "local")
                .put("domainName", "localhost").put("requestId", "local-" + UUID.randomUUID())
                .put("routeKey", routeKey).put("stage", "$default").put("timeEpoch", now.toEpochMilli());
        context.putObject("http").put("method", exchange.getRequestMethod()).put("path", path)
                .put("protocol", exchange.getProtocol())
                .put("sourceIp", exchange.getRemoteAddress().getAddress().getHostAddress())
                .put("userAgent", exchange.getRequestHeaders().getFirst("User-Agent"));
        context.putObject("authorizer").putObject("jwt").set("claims", mapper.valueToTree(claims));
        boolean text = isText(exchange.getRequestHeaders().getFirst("Content-Type"));
        event.put("isBase64Encoded", body.length > 0 && !text);
        if (body.length > 0) {
            event.put("body", text ? new String(body, StandardCharsets.UTF_8)
                    : Base64.getEncoder().encodeToString(body));
        }
        return event;
    }

    /** Repeated names are joined with commas, as payload format 2.0 does. */
    private static Map<String, String> queryParameters(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.merge(name, value, (first, next) -> first + "," + next);
        }
        return parameters;
    }

    /** Bodies API Gateway passes as text; everything else arrives base64-encoded. */
    static boolean isText(String contentType) {
        if (contentType == null) {
            return true;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.contains("json") || type.contains("xml")
                || type.contains("x-www-form-urlencoded") || type.contains("javascript");
    }
}
