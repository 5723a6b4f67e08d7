package com.orderguard.adapter.local.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.arc.profile.UnlessBuildProfile;
import io.quarkus.runtime.ShutdownEvent;

/**
 * The Lambda event server of {@code quarkus:dev} on 127.0.0.1: {@code POST /} with the event AWS would deliver
 * answers with what the function returns, as Quarkus' mock event server does, which this replaces in dev mode
 * because that one listens on every interface and starts before any project code can check its port. The
 * function's poll loop reaches it through the Lambda Runtime API ({@code /_lambda_/2018-06-01/runtime/...}).
 * It starts when the CDI container is initialised, before the poll loop starts and after {@link LocalPorts}.
 */
@UnlessBuildProfile("prod")
@ApplicationScoped
public class LocalEventServer {

    /** Where the poll loop finds this server: {@code quarkus-internal.aws-lambda.test-api} points at it. */
    static final String RUNTIME = "/_lambda_/2018-06-01/runtime/";
    static final String PORT_PROPERTY = "quarkus.lambda.mock-event-server.dev-port";
    private static final Logger LOG = Logger.getLogger(LocalEventServer.class);
    private static final long TIMEOUT_MINUTES = 15;

    private final Clock clock;
    private final BlockingQueue<Invocation> queue = new LinkedBlockingQueue<>();
    private final Map<String, Invocation> running = new ConcurrentHashMap<>();
    private HttpServer server;
    private ExecutorService threads;

    /** One event on its way through the function, and the HTTP reply its poster waits for. */
    record Invocation(String id, byte[] event, CompletableFuture<Reply> reply) {
    }

    /** The status and body the poster gets. */
    record Reply(int status, byte[] body) {
    }

    public LocalEventServer(Clock clock) {
        this.clock = clock;
    }

    void onInit(@Observes @Priority(10) @Initialized(ApplicationScoped.class) Object event) throws IOException {
        var config = ConfigProvider.getConfig();
        if (config.getOptionalValue("orderguard.local.event-server.enabled", Boolean.class).orElse(false)) {
            start(config.getOptionalValue(PORT_PROPERTY, Integer.class).orElse(8080));
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (server != null) {
            server.stop(0);
            threads.shutdownNow();
            running.values().forEach(invocation -> invocation.reply().cancel(true));
            queue.forEach(invocation -> invocation.reply().cancel(true));
            server = null;
        }
    }

    void start(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", this::handle);
        // a thread per open call: the poll loop's "next" waits in one until an event comes
        threads = Executors.newFixedThreadPool(16);
        server.setExecutor(threads);
        server.start();
        LOG.infof("Lambda event server on http://127.0.0.1:%d (POST the event AWS would deliver)", port);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        try {
            if (!path.startsWith(RUNTIME)) {
                post(exchange);
            } else if (path.endsWith("/invocation/next")) {
                next(exchange);
            } else {
                result(exchange, path.substring(RUNTIME.length()).split("/"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply(exchange, 503, new byte[0]);
        }
    }

    /** A caller's event: queued for the poll loop, answered with the function's output (or its error as 500). */
    private void post(HttpExchange exchange) throws IOException, InterruptedException {
        Invocation invocation = new Invocation(UUID.randomUUID().toString(), exchange.getRequestBody().readAllBytes(),
                new CompletableFuture<>());
        queue.put(invocation);
        try {
            Reply reply = invocation.reply().get(TIMEOUT_MINUTES, TimeUnit.MINUTES);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            reply(exchange, reply.status(), reply.body());
        } catch (ExecutionException | TimeoutException | CancellationException e) {
            reply(exchange, 504, "no answer from the function".getBytes(StandardCharsets.UTF_8));
        }
    }

    private void next(HttpExchange exchange) throws IOException, InterruptedException {
        Invocation invocation = queue.take();
        running.put(invocation.id(), invocation);
        var headers = exchange.getResponseHeaders();
        headers.add("Lambda-Runtime-Aws-Request-Id", invocation.id());
        headers.add("Lambda-Runtime-Deadline-Ms",
                Long.toString(clock.millis() + TimeUnit.MINUTES.toMillis(TIMEOUT_MINUTES)));
        headers.add("Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:us-east-1:000000000000:function:local");
        headers.add("Lambda-Runtime-Trace-Id", "Root=1-00000000-" + invocation.id().replace("-", "").substring(0, 24));
        headers.add("Content-Type", "application/json");
        reply(exchange, 200, invocation.event());
    }

    /** {@code invocation/{id}/response|error|requeue} from the poll loop; {@code init/error} is only logged. */
    private void result(HttpExchange exchange, String[] parts) throws IOException, InterruptedException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (parts.length != 3 || !"invocation".equals(parts[0])) {
            LOG.errorf("The function reported: %s", new String(body, StandardCharsets.UTF_8));
            reply(exchange, 202, new byte[0]);
            return;
        }
        Invocation invocation = running.remove(parts[1]);
        if (invocation == null) {
            reply(exchange, 404, new byte[0]);
            return;
        }
        switch (parts[2]) {
            case "response" -> invocation.reply().complete(new Reply(200, body));
            case "error" -> invocation.reply().complete(new Reply(500, body));
            default -> queue.put(invocation);
        }
        reply(exchange, 202, new byte[0]);
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
