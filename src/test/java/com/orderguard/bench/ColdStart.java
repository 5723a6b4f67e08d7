package com.orderguard.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.orderguard.support.Events;
import com.orderguard.support.Orders;

/**
 * JVM-mode cold start, started the way the managed java21 runtime starts the function: function.zip unpacked as the
 * task directory (the working directory), AWS's runtime interface client as the main class with the handler of
 * infra/template.yaml, and the client polling {@code AWS_LAMBDA_RUNTIME_API} - here a {@link FakeRuntimeApi} that
 * hands out one {@code PUT /v1/orders/{orderKey}}. Timed from process start to the function's response. The order
 * goes to DynamoDB Local in this process, so the first call pays for the SDK client's set-up as it would in AWS.
 */
final class ColdStart {

    /** The flags the child JVM gets; Lambda's Java 17+ runtimes stop tiered compilation at C1 by default. */
    static final String DEFAULT_JVM_ARGS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx768m";
    static final String HANDLER = "io.quarkus.funqy.lambda.FunqyStreamHandler::handleRequest";
    static final String CLIENT = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    /**
     * One start: seconds to the first response, of which {@code initSeconds} until the function first asked for an
     * event; resident memory then (and its peak), in KiB.
     */
    record Run(double seconds, double initSeconds, long rssKiB, long peakRssKiB, boolean success, String detail) {
    }

    private final Path task;
    private final Path runtimeClient;
    private final String endpoint;
    private final String table;
    private final Path logs;
    private final List<String> jvmArgs;

    /**
     * @param task where function.zip is unpacked
     * @param runtimeClient the folder with the runtime interface client's jars (the bench profile copies them)
     */
    ColdStart(Path task, Path runtimeClient, String endpoint, String table, Path logs, String jvmArgs) {
        this.task = task.toAbsolutePath();
        this.runtimeClient = runtimeClient.toAbsolutePath();
        this.endpoint = endpoint;
        this.table = table;
        this.logs = logs;
        this.jvmArgs = Arrays.asList(jvmArgs.trim().split("\\s+"));
    }

    /** Unpacks {@code functionZip} into the task directory, replacing what an earlier run left there. */
    void unpack(Path functionZip) throws IOException {
        if (Files.exists(task)) {
            try (Stream<Path> old = Files.walk(task)) {
                for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(functionZip))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                Path target = task.resolve(entry.getName()).normalize();
                if (!target.startsWith(task)) {
                    throw new IOException("entry outside the task directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    copy(zip, target);
                }
            }
        }
    }

    Run once(int n) throws IOException, InterruptedException {
        String orderId = "COLD" + n + "X" + System.nanoTime() % 1_000_000;
        String event = Events.api("PUT /v1/orders/{orderKey}", Map.of("orderKey", "shopee.MY." + orderId),
                "tenant-coldstart", Orders.shopee(orderId, "AWAITING_SHIPMENT").toString());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", runtimeClient.resolve("*").toString(), CLIENT, HANDLER));
        Files.createDirectories(logs);
        try (FakeRuntimeApi api = new FakeRuntimeApi(event)) {
            ProcessBuilder builder = new ProcessBuilder(command).directory(task.toFile()).redirectErrorStream(true)
                    .redirectOutput(logs.resolve("coldstart-" + n + ".log").toFile());
            // only what Lambda sets, plus the local endpoint: nothing of the build's environment leaks in
            builder.environment().clear();
            builder.environment().putAll(Map.ofEntries(
                    Map.entry("AWS_LAMBDA_RUNTIME_API", api.address()),
                    Map.entry("_HANDLER", HANDLER),
                    Map.entry("LAMBDA_TASK_ROOT", task.toString()),
                    Map.entry("AWS_LAMBDA_FUNCTION_NAME", "orderguard-api"),
                    Map.entry("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST"),
                    Map.entry("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024"),
                    Map.entry("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/orderguard-api"),
                    Map.entry("AWS_LAMBDA_LOG_STREAM_NAME", "bench"),
                    Map.entry("AWS_REGION", "us-east-1"),
                    Map.entry("AWS_ACCESS_KEY_ID", "bench"),
                    Map.entry("AWS_SECRET_ACCESS_KEY", "bench"),
                    Map.entry("TZ", ":UTC"),
                    Map.entry("DISABLE_SIGNAL_HANDLERS", "true"),
                    Map.entry("QUARKUS_FUNQY_EXPORT", "api"),
                    Map.entry("ORDERGUARD_TABLE_NAME", table),
                    Map.entry("QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE", endpoint)));
            long started = System.nanoTime();
            Process process = builder.start();
            try {
                CompletableFuture.anyOf(api.outcome(), process.onExit()).get(90, TimeUnit.SECONDS);
                if (!api.outcome().isDone()) {
                    return new Run(0, 0, 0, 0, false, "exited with " + process.exitValue() + " before answering");
                }
                FakeRuntimeApi.Outcome outcome = api.outcome().join();
                long[] memory = memory(process.pid());
                double seconds = (outcome.arrivedNanos() - started) / 1e9;
                double init = (outcome.askedNanos() - started) / 1e9;
                return new Run(seconds, init, memory[0], memory[1], outcome.success() && status(outcome) == 200,
                        outcome.body());
            } catch (TimeoutException | ExecutionException e) {
                return new Run(0, 0, 0, 0, false, "no answer: " + e);
            } finally {
                process.destroy();
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(15, TimeUnit.SECONDS);
                }
            }
        }
    }

    private static void copy(InputStream in, Path target) throws IOException {
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }

    private static int status(FakeRuntimeApi.Outcome outcome) {
        String body = outcome.body().substring(outcome.body().indexOf(' ') + 1);
        return Events.parse(body).path("statusCode").asInt();
    }

    /** VmRSS and VmHWM of a process, in KiB (0 where /proc is not there). */
    private static long[] memory(long pid) throws IOException {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        long[] memory = new long[2];
        if (!Files.exists(status)) {
            return memory;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                memory[0] = kib(line);
            } else if (line.startsWith("VmHWM:")) {
                memory[1] = kib(line);
            }
        }
        return memory;
    }

    private static long kib(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
}
