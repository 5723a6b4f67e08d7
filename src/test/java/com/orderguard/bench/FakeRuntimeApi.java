package com.orderguard.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The part of the Lambda Runtime API a function's poll loop uses, on loopback: the first
 * {@code GET /2018-06-01/runtime/invocation/next} gets the one event, later ones wait (as Lambda freezes an idle
 * environment); the function's {@code POST .../invocation/{id}/response} (or {@code .../error}, or
 * {@code /runtime/init/error}) completes {@link #outcome()} with the moment it arrived.
 */
final class FakeRuntimeApi implements AutoCloseable {

    /**
     * How the invocation ended: the response body (or the error the function reported), when the function first
     * asked for an event (its initialisation was done) and when the answer arrived, in {@link System#nanoTime()}.
     */
    record Outcome(boolean success, String body, long askedNanos, long arrivedNanos) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final byte[] event;
    private final AtomicBoolean handedOut = new AtomicBoolean();
    private final AtomicLong askedNanos = new AtomicLong();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();

    FakeRuntimeApi(String event) throws IOException {
        this.event = event.getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/2018-06-01/runtime/", this::handle);
        // a waiting "next" must not hold up the response that follows it
        server.setExecutor(threads);
        server.start();
    }

    /** host:port, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    CompletableFuture<Outcome> outcome() {
        return outcome;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        try (exchange) {
            if (exchange.getRequestMethod().equals("GET") && path.endsWith("/invocation/next")) {
                next(exchange);
            } else if (exchange.getRequestMethod().equals("POST")) {
                String body = read(exchange.getRequestBody());
                long arrived = System.nanoTime();
                outcome.complete(new Outcome(path.endsWith("/response"), path + " " + body, askedNanos.get(),
                        arrived));
                exchange.sendResponseHeaders(202, -1);
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        askedNanos.compareAndSet(0, System.nanoTime());
        if (handedOut.getAndSet(true)) {
            try {
                closing.await(5, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(503, -1);
            return;
        }
        exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", UUID.randomUUID().toString());
        exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms",
                Long.toString(System.currentTimeMillis() + 10_000));
        exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn",
                "arn:aws:lambda:us-east-1:000000000000:function:orderguard-api");
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, event.length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(event);
        }
    }

    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
