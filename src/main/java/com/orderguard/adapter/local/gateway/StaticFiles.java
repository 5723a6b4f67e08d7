package com.orderguard.adapter.local.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import com.sun.net.httpserver.HttpExchange;

/** Files of the local gateway: the console from the project folder, libraries from class-path jars. */
final class StaticFiles {

    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "mjs", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "json", "application/json", "yaml", "application/yaml",
            "svg", "image/svg+xml", "png", "image/png", "map", "application/json");

    private StaticFiles() {
    }

    /** The file {@code relative} under {@code root}, never outside it. */
    static Optional<byte[]> file(Path root, String relative) throws IOException {
        Path base = root.toAbsolutePath().normalize();
        Path file = base.resolve(relative.isEmpty() ? "index.html" : relative).normalize();
        if (!file.startsWith(base) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(Files.readAllBytes(file));
    }

    /** The class-path resource {@code prefix + path} (a jar's {@code META-INF/resources/...}). */
    static Optional<byte[]> resource(String prefix, String path) throws IOException {
        if (path.contains("..") || path.endsWith("/")) {
            return Optional.empty();
        }
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(prefix + path)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        }
    }

    /** Sends {@code content} of the file named {@code name}, or 404. */
    static void send(HttpExchange exchange, String name, Optional<byte[]> content) throws IOException {
        if (content.isEmpty()) {
            reply(exchange, 404, "text/plain; charset=utf-8", "Not Found".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String extension = name.substring(name.lastIndexOf('.') + 1);
        exchange.getResponseHeaders().add("Cache-Control", "no-cache");
        reply(exchange, 200, TYPES.getOrDefault(extension, "application/octet-stream"), content.get());
    }

    /** One response with a body. */
    static void reply(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
