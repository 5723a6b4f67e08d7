package com.orderguard.adapter.lambda.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The API's routes by route key ({@code METHOD /path/{param}}). API Gateway routes requests itself and names
 * the route; for events without a route key (the catch-all {@code $default} route, or hand-made local events)
 * the route is found from method and path.
 */
final class RouteTable {

    /** A matched route: its key, handler and path parameters. */
    record Match(String routeKey, Function<ApiRequest, HttpResponse> handler, Map<String, String> pathParameters) {
    }

    private final Map<String, Function<ApiRequest, HttpResponse>> routes;

    RouteTable(Map<String, Function<ApiRequest, HttpResponse>> routes) {
        this.routes = Map.copyOf(routes);
    }

    /** The route named by {@code routeKey}, else the one matching {@code method} and {@code path}. */
    Optional<Match> find(String routeKey, Map<String, String> pathParameters, String method, String path) {
        if (routeKey != null && routes.containsKey(routeKey)) {
            return Optional.of(new Match(routeKey, routes.get(routeKey),
                    pathParameters == null ? Map.of() : pathParameters));
        }
        if (method == null || path == null) {
            return Optional.empty();
        }
        for (Map.Entry<String, Function<ApiRequest, HttpResponse>> route : routes.entrySet()) {
            Map<String, String> parameters = match(route.getKey(), method, path);
            if (parameters != null) {
                return Optional.of(new Match(route.getKey(), route.getValue(), parameters));
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> match(String routeKey, String method, String path) {
        int space = routeKey.indexOf(' ');
        if (!routeKey.substring(0, space).equalsIgnoreCase(method)) {
            return null;
        }
        List<String> template = List.of(routeKey.substring(space + 1).split("/", -1));
        List<String> actual = List.of(path.split("/", -1));
        if (template.size() != actual.size()) {
            return null;
        }
        Map<String, String> parameters = new HashMap<>();
        for (int i = 0; i < template.size(); i++) {
            String part = template.get(i);
            if (part.startsWith("{") && part.endsWith("}")) {
                if (actual.get(i).isEmpty()) {
                    return null;
                }
                parameters.put(part.substring(1, part.length() - 1),
                        URLDecoder.decode(actual.get(i), StandardCharsets.UTF_8));
            } else if (!part.equals(actual.get(i))) {
                return null;
            }
        }
        return parameters;
    }
}
