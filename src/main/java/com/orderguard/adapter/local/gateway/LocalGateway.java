package com.orderguard.adapter.local.gateway;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderguard.adapter.lambda.ApiFunction;
import com.orderguard.adapter.lambda.http.ApiContract;
import com.orderguard.adapter.lambda.http.HttpApiEvent;
import com.orderguard.adapter.lambda.http.HttpResponse;
import com.orderguard.config.LocalSettings;
import com.orderguard.config.OrderGuardConfig;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.arc.profile.UnlessBuildProfile;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The public API as plain HTTP on loopback, as {@code sam local start-api} serves it: each request on
 * {@code /v1/...} becomes the HTTP API event of its route and the api function's response becomes the HTTP
 * response; a missing or invalid {@code Authorization: Bearer} token is 401 as at API Gateway. Also serves
 * {@code POST /local/token?sub=...} (a local token), Swagger UI on {@code /docs} and the seller console on
 * {@code /}. Dev mode and tests only: its classes are left out of the runner jar and function.zip.
 */
@UnlessBuildProfile("prod")
@ApplicationScoped
public class LocalGateway {

    private static final Logger LOG = Logger.getLogger(LocalGateway.class);
    /** Where mvnpm and WebJars jars keep their files; served under the same paths ({@code /_static/...}). */
    private static final String JAR_FILES = "META-INF/resources";
    private static final byte[] UNAUTHORIZED = "{\"message\":\"Unauthorized\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NOT_FOUND = "{\"message\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8);

    private final ApiFunction api;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final LocalSettings.Gateway config;
    private final LocalJwt jwt;
    private final GatewayEvents events;
    private HttpServer server;

    public LocalGateway(ApiFunction api, ObjectMapper mapper, Clock clock, OrderGuardConfig config) {
        this.api = api;
        this.mapper = mapper;
        this.clock = clock;
        this.config = config.local().gateway();
        this.jwt = new LocalJwt(this.config.signingKey(), this.config.issuer(), this.config.audience(), mapper);
        this.events = new GatewayEvents(ApiContract.ROUTES, mapper);
    }

    void onStart(@Observes @Priority(40) StartupEvent event) throws IOException {
        if (!config.enabled()) {
            return;
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", config.port()), 0);
        server.createContext("/v1/", exchange -> guarded(exchange, this::api));
        server.createContext("/local/token", exchange -> guarded(exchange, this::token));
        server.createContext("/docs", exchange -> guarded(exchange, this::docs));
        for (String libraries : new String[] {"/_static/", "/webjars/"}) {
            server.createContext(libraries, exchange -> guarded(exchange, ex -> StaticFiles.send(ex, path(ex),
                    StaticFiles.resource(JAR_FILES, path(ex)))));
        }
        server.createContext("/", exchange -> guarded(exchange, this::console));
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        LOG.infof("HTTP API on http://localhost:%d/v1/..., Swagger UI on /docs, the seller console on /",
                config.port());
    }

    void onStop(@Observes ShutdownEvent event) {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** A failure of the gateway itself (not of the function) is a 500 with its message, and is logged. */
    private void guarded(HttpExchange exchange, Handler handler) throws IOException {
        try {
            handler.handle(exchange);
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "local gateway: %s %s", exchange.getRequestMethod(), exchange.getRequestURI());
            StaticFiles.reply(exchange, 500, "application/json", mapper.createObjectNode()
                    .put("message", String.valueOf(e.getMessage())).toString().getBytes(StandardCharsets.UTF_8));
        } finally {
            exchange.close();
        }
    }

    private void api(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Instant now = clock.instant();
        Optional<Map<String, Object>> claims = bearer(exchange).flatMap(token -> jwt.verify(token, now));
        if (claims.isEmpty()) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer");
            StaticFiles.reply(exchange, 401, "application/json", UNAUTHORIZED);
            return;
        }
        var route = events.route(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath());
        if (route.isEmpty()) {
            StaticFiles.reply(exchange, 404, "application/json", NOT_FOUND);
            return;
        }
        var event = events.event(exchange, route.get().getKey(), route.get().getValue(), body, claims.get(), now);
        HttpResponse response = api.api(mapper.treeToValue(event, HttpApiEvent.class));
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] out = response.body() == null ? new byte[0] : response.isBase64Encoded()
                ? Base64.getDecoder().decode(response.body()) : response.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(response.statusCode(), out.length == 0 ? -1 : out.length);
        exchange.getResponseBody().write(out);
    }

    private static Optional<String> bearer(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(header.substring(7).trim());
    }

    /** {@code POST /local/token?sub=seller-1}: a token for that tenant, valid for 12 hours. */
    private void token(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getQuery();
        String subject = query == null ? "" : query.replaceFirst("^(?:.*&)?sub=([^&]*).*$", "$1");
        if (!"POST".equals(exchange.getRequestMethod()) || query == null || !query.matches("(?:.*&)?sub=[^&]+.*")) {
            StaticFiles.reply(exchange, 400, "text/plain; charset=utf-8",
                    "POST /local/token?sub=<tenant>\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        StaticFiles.reply(exchange, 200, "text/plain; charset=utf-8",
                jwt.mint(subject, clock.instant(), Duration.ofHours(12)).getBytes(StandardCharsets.UTF_8));
    }

    /** Swagger UI on {@code /docs}, showing infra/openapi.yaml with the local gateway as its first server. */
    private void docs(HttpExchange exchange) throws IOException {
        String path = path(exchange);
        if (path.equals("/docs") || path.equals("/docs/")) {
            StaticFiles.send(exchange, "index.html", StaticFiles.file(Path.of(config.consoleDir()), "docs.html"));
        } else if (path.equals("/docs/openapi.yaml")) {
            String document = Files.readString(Path.of(config.openapi())).replaceFirst("(?m)^servers:\n",
                    "servers:\n  - url: http://localhost:" + config.port() + "\n    description: The local gateway"
                            + " (./mvnw quarkus:dev; a token from POST /local/token?sub=<tenant>)\n");
            StaticFiles.reply(exchange, 200, "application/yaml", document.getBytes(StandardCharsets.UTF_8));
        } else {
            StaticFiles.send(exchange, path, Optional.empty());
        }
    }

    /** The console's files; {@code /config.json} tells it to sign in with local tokens. */
    private void console(HttpExchange exchange) throws IOException {
        String path = path(exchange);
        if (path.equals("/config.json")) {
            StaticFiles.reply(exchange, 200, "application/json",
                    "{\"auth\":\"local\",\"api\":\"\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String relative = path.substring(1);
        StaticFiles.send(exchange, relative.isEmpty() ? "index.html" : relative,
                StaticFiles.file(Path.of(config.consoleDir()), relative));
    }

    private static String path(HttpExchange exchange) {
        return exchange.getRequestURI().getPath();
    }

    /** One route's handling. */
    @FunctionalInterface
    interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }
}
