package com.orderguard.support;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback HTTP proxy in front of DynamoDB Local that misbehaves like a flaky network and a busy DynamoDB: at a
 * configured rate it answers a request with a throttling error or a 5xx, drops the connection before forwarding,
 * forwards and then drops the response (the write happened, the client never hears of it), or forwards late.
 * Faults also come in bursts longer than the SDK's own retries, so that whole calls fail and callers must
 * redeliver. Decisions are drawn from one seeded random sequence; the counts of each kind are kept. Behind the
 * faults, {@link DynamoSemantics} can add what real DynamoDB does under concurrency (conflicts, hot-key throttling).
 */
public final class FaultProxy implements AutoCloseable {

    /** What the proxy can do to one request. */
    public enum Fault { THROTTLE, SERVER_ERROR, DROP_BEFORE, DROP_AFTER, DELAY }

    /** Hop-by-hop and computed headers the forwarding client sets itself. */
    private static final Set<String> SKIPPED = Set.of("host", "content-length", "connection", "expect", "upgrade",
            "transfer-encoding", "keep-alive");
    private static final String THROTTLED = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ThrottlingException\","
            + "\"message\":\"Rate of requests exceeds the allowed throughput (injected)\"}";
    private static final String UNAVAILABLE = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\","
            + "\"message\":\"Internal server error (injected)\"}";

    private final ServerSocket server;
    private final URI target;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "fault-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Fault, AtomicLong> injected = new EnumMap<>(Fault.class);
    private final AtomicLong requests = new AtomicLong();
    private final DynamoSemantics semantics = new DynamoSemantics();
    private Random random = new Random(0);
    private double rate;
    private Fault[] kinds = Fault.values();
    private Set<String> operations = Set.of();
    private int burstLeft;
    private int maxBurst;
    private volatile boolean open = true;

    private FaultProxy(ServerSocket server, URI target) {
        this.server = server;
        this.target = target;
        for (Fault fault : Fault.values()) {
            injected.put(fault, new AtomicLong());
        }
    }

    /** Starts a proxy on a free loopback port that forwards to {@code target} (e.g. http://127.0.0.1:8000). */
    public static FaultProxy start(URI target) throws IOException {
        FaultProxy proxy = new FaultProxy(new ServerSocket(0, 100, InetAddress.getLoopbackAddress()), target);
        Thread acceptor = new Thread(proxy::accept, "fault-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return proxy;
    }

    /** The endpoint to give the client under test. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /**
     * From now on, each request is faulty with probability {@code rate}; one in four faults starts a burst (an
     * outage) of {@code maxBurst / 2} to {@code maxBurst} failing requests in a row. A rate of 0 turns faults off.
     */
    public void faults(long seed, double rate, int maxBurst) {
        faults(seed, rate, maxBurst, EnumSet.allOf(Fault.class));
    }

    /** As {@link #faults(long, double, int)}, drawing only from {@code kinds}. */
    public void faults(long seed, double rate, int maxBurst, Set<Fault> kinds) {
        faults(seed, rate, maxBurst, kinds, Set.of());
    }

    /**
     * As {@link #faults(long, double, int, Set)}, on requests for {@code operations} only (e.g.
     * {@code TransactWriteItems}; empty: all operations).
     */
    public synchronized void faults(long seed, double rate, int maxBurst, Set<Fault> kinds, Set<String> operations) {
        this.kinds = kinds.toArray(new Fault[0]);
        this.operations = Set.copyOf(operations);
        this.random = new Random(seed);
        this.rate = rate;
        this.maxBurst = maxBurst;
        this.burstLeft = 0;
    }

    /** Turns faults off. */
    public void off() {
        faults(0, 0, 0);
    }

    /** The faults injected so far, by kind. */
    public Map<Fault, Long> injected() {
        Map<Fault, Long> copy = new LinkedHashMap<>();
        injected.forEach((fault, count) -> copy.put(fault, count.get()));
        return copy;
    }

    /**
     * Real DynamoDB's transaction conflicts and per-partition-key throttling, on the requests that no fault
     * answered; off until {@link DynamoSemantics#use} turns them on.
     */
    public DynamoSemantics semantics() {
        return semantics;
    }

    /** The requests seen so far. */
    public long requests() {
        return requests.get();
    }

    /** The fault for the next request of {@code operation}, or null to forward it untouched. */
    private synchronized Fault draw(String operation) {
        if (rate <= 0 || !operations.isEmpty() && !operations.contains(operation)) {
            return null;
        }
        boolean faulty = burstLeft > 0 || random.nextDouble() < rate;
        if (!faulty) {
            return null;
        }
        if (burstLeft > 0) {
            burstLeft--;
            // a burst is an outage: every request in it fails, so that calls fail beyond the SDK's retries (of
            // which there are 8; throttling in a burst would only make the SDK back off for longer, so it is left
            // to single faults)
            Fault fault = kinds[random.nextInt(kinds.length)];
            return fault == Fault.DELAY || fault == Fault.THROTTLE ? Fault.SERVER_ERROR : fault;
        }
        if (maxBurst > 1 && random.nextInt(4) == 0) {
            burstLeft = maxBurst / 2 + random.nextInt(maxBurst - maxBurst / 2);
        }
        return kinds[random.nextInt(kinds.length)];
    }

    private synchronized long delayMillis() {
        return 20 + random.nextInt(180);
    }

    private void accept() {
        while (open) {
            try {
                Socket socket = server.accept();
                connections.submit(() -> serve(socket));
            } catch (IOException e) {
                if (open) {
                    System.err.println("fault proxy: accept failed: " + e);
                }
            }
        }
    }

    /** Serves one keep-alive connection until the client closes it or a fault drops it. */
    private void serve(Socket socket) {
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream());
                OutputStream out = new BufferedOutputStream(socket.getOutputStream())) {
            while (open) {
                Request request = Request.read(in);
                if (request == null) {
                    return;
                }
                requests.incrementAndGet();
                Fault fault = draw(request.operation());
                if (fault != null) {
                    injected.get(fault).incrementAndGet();
                }
                if (fault == Fault.DROP_BEFORE) {
                    return;
                }
                if (fault == Fault.THROTTLE || fault == Fault.SERVER_ERROR) {
                    write(out, fault == Fault.THROTTLE ? 400 : 500, Map.of("Content-Type",
                            "application/x-amz-json-1.0"), (fault == Fault.THROTTLE ? THROTTLED : UNAVAILABLE)
                            .getBytes(StandardCharsets.UTF_8));
                    continue;
                }
                DynamoSemantics.Admission admission = semantics.admit(request.operation(), request.body());
                if (admission.refusal() != null) {
                    write(out, 400, Map.of("Content-Type", "application/x-amz-json-1.0"), admission.refusal());
                    continue;
                }
                if (fault == Fault.DELAY) {
                    Thread.sleep(delayMillis());
                }
                HttpResponse<byte[]> response = forward(request);
                if (fault == Fault.DROP_AFTER) {
                    return;
                }
                Map<String, String> headers = new LinkedHashMap<>();
                response.headers().map().forEach((name, values) -> {
                    if (!SKIPPED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                        headers.put(name, values.get(0));
                    }
                });
                write(out, response.statusCode(), headers, response.body());
            }
        } catch (IOException e) {
            // the client went away: nothing to do
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpResponse<byte[]> forward(Request request) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(target.resolve(request.path()))
                .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach((name, value) -> {
            if (!SKIPPED.contains(name.toLowerCase(Locale.ROOT))) {
                builder.header(name, value);
            }
        });
        return client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void write(OutputStream out, int status, Map<String, String> headers, byte[] body)
            throws IOException {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(status < 400 ? " OK" : " Error")
                .append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        open = false;
        server.close();
        connections.shutdownNow();
    }

    /** One HTTP/1.1 request as read from the socket. */
    private record Request(String method, String path, Map<String, String> headers, byte[] body) {

        /** The DynamoDB operation, from {@code X-Amz-Target: DynamoDB_20120810.GetItem}. */
        String operation() {
            return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("x-amz-target"))
                    .map(h -> h.getValue().substring(h.getValue().indexOf('.') + 1)).findFirst().orElse("");
        }

        /** The next request on the connection, or null when the client closed it. */
        static Request read(InputStream in) throws IOException {
            String line = line(in);
            while (line != null && line.isEmpty()) {
                line = line(in);
            }
            if (line == null) {
                return null;
            }
            String[] start = line.split(" ", 3);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                headers.put(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
            }
            byte[] body = new byte[0];
            for (Map.Entry<String, String> header : headers.entrySet()) {
                if (header.getKey().equalsIgnoreCase("content-length")) {
                    body = in.readNBytes(Integer.parseInt(header.getValue()));
                } else if (header.getKey().equalsIgnoreCase("transfer-encoding")) {
                    body = chunked(in);
                }
            }
            return new Request(start[0], start[1], headers, body);
        }

        private static byte[] chunked(InputStream in) throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
                    size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
            line(in);
            return body.toByteArray();
        }

        /** A CRLF-terminated line, or null at the end of the stream. */
        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            int b = in.read();
            if (b < 0) {
                return null;
            }
            while (b >= 0 && b != '\n') {
                if (b != '\r') {
                    bytes.write(b);
                }
                b = in.read();
            }
            return bytes.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
