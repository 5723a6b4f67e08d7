package com.orderguard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.orderguard.adapter.dynamodb.TableSetup;
import com.orderguard.adapter.lambda.queue.MessageHandler;
import com.orderguard.application.Cancellations;
import com.orderguard.application.Inbox;
import com.orderguard.application.OrderQueries;
import com.orderguard.application.OrderSnapshots;
import com.orderguard.application.ShopHealthService;
import com.orderguard.application.Sweep;
import com.orderguard.config.OrderGuardConfig;
import com.orderguard.domain.decision.PolicyCatalog;
import com.orderguard.support.LocalDynamo;
import com.orderguard.support.Profiles;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The benchmark behind {@code ./mvnw -Pbench verify}: the decision engine (JMH), DynamoDB calls and capacity per
 * operation, end-to-end operations per second against DynamoDB Local next to its bare write rate, and the JVM cold
 * start of the packaged function. Prints one table (and writes it to target/bench/table.md); it reports figures and
 * their targets, and never fails on a timing. Surefire's default includes skip it (see the {@code bench} profile).
 */
@QuarkusTest
@TestProfile(Profiles.Bench.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OrderGuardBenchmark {

    static final Path OUTPUT = Path.of(System.getProperty("bench.build-dir", "target"), "bench");
    static final BenchTable TABLE = new BenchTable();

    @Inject
    OrderSnapshots snapshots;

    @Inject
    Cancellations cancellations;

    @Inject
    Sweep sweep;

    @Inject
    OrderQueries queries;

    @Inject
    Inbox inbox;

    @Inject
    ShopHealthService health;

    @Inject
    PolicyCatalog catalog;

    @Inject
    OrderGuardConfig config;

    @Inject
    MessageHandler ingest;

    LocalDynamo dynamo;

    @BeforeAll
    static void describeTheMachine() throws IOException {
        TABLE.note("run " + Instant.now() + " on " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + "; load average at start " + loadAverage());
    }

    @Test
    @Order(1)
    void decisionEngine() throws Exception {
        int forks = Integer.getInteger("bench.jmh.forks", 1);
        Files.createDirectories(OUTPUT);
        DecisionEngineRun.Figures engine = DecisionEngineRun.measure(OUTPUT.resolve("jmh.log"), forks);
        String area = "decision engine";
        TABLE.add(area, "decisions per second (1 thread, " + engine.scenarios() + "-request mix)",
                BenchTable.number(engine.decisionsPerSecond(), 0) + "/s", "-", null);
        TABLE.add(area, "latency p50 / p99 (p99.9), " + BenchTable.number(engine.samples(), 0) + " samples",
                micros(engine.p50Micros()) + " / " + micros(engine.p99Micros()) + " (" + micros(engine.p999Micros())
                        + ")", "p99 < 50 µs", engine.p99Micros() < 50);
        TABLE.note("decision engine: JMH 1.37, Throughput and SampleTime modes, " + engine.setup() + ", "
                + (forks == 0 ? "forks(0): ran inside the test JVM beside Quarkus and DynamoDB Local"
                        : forks + " fork(s), -Xms512m -Xmx512m, full JIT (C2)") + "; log in target/bench/jmh.log");
    }

    @Test
    @Order(2)
    void dynamoDbCallsPerOperation() {
        new OperationCosts(snapshots, cancellations, sweep, queries, health, catalog, config.sweep().pageSize(),
                ingest).measure(TABLE, Integer.getInteger("bench.sweep.orders", 300));
        TABLE.note("DynamoDB per operation: averages over the request mix (sweep: over every due order), "
                + "counted by an SDK interceptor; CU = capacity units as DynamoDB Local reports them "
                + "(ReturnConsumedCapacity=TOTAL); floors from docs/dynamodb.md");
    }

    @Test
    @Order(3)
    void endToEndThroughput() {
        int threads = Integer.getInteger("bench.e2e.threads", 4);
        int count = Integer.getInteger("bench.e2e.ops", 500);
        DynamoBaseline bare = new DynamoBaseline(dynamo.client(), dynamo.table());
        new EndToEnd(snapshots, cancellations, bare, threads, count).measure(TABLE,
                Integer.getInteger("bench.e2e.rounds", 3));
        TABLE.note("end-to-end: application use cases (with their reads) and a plain SDK client, both in this JVM "
                + "against the same in-process DynamoDB Local; the ratio is the figure, not the rates");
    }

    @Test
    @Order(4)
    void attentionFirstPage() throws Exception {
        new InboxBench(snapshots, inbox, config.inbox().shards()).measure(TABLE,
                Integer.getInteger("bench.inbox.orders", 10_000), Integer.getInteger("bench.inbox.runs", 20));
    }

    @Test
    @Order(5)
    void coldStart() throws Exception {
        Path functionZip = OUTPUT.getParent().resolve("function.zip");
        Path runtimeClient = OUTPUT.resolve("ric");
        String area = "cold start (JVM)";
        if (!Files.exists(functionZip) || !Files.isDirectory(runtimeClient)) {
            TABLE.add(area, "start to first api response", "skipped: no function.zip or runtime client in "
                    + OUTPUT.getParent() + " (run ./mvnw -Pbench verify)", "< 1.5 s", null);
            return;
        }
        String endpoint = ConfigProvider.getConfig().getValue("quarkus.dynamodb.endpoint-override", String.class);
        // created here, as SAM creates it in AWS: the function itself never creates its table there
        TableSetup.ensureTable(dynamo.client(), "orderguard-coldstart");
        String jvmArgs = System.getProperty("bench.coldstart.jvm-args", ColdStart.DEFAULT_JVM_ARGS);
        ColdStart start = new ColdStart(OUTPUT.resolve("task"), runtimeClient, endpoint, "orderguard-coldstart",
                OUTPUT, jvmArgs);
        start.unpack(functionZip);
        int runs = Integer.getInteger("bench.coldstart.runs", 5);
        List<ColdStart.Run> results = new ArrayList<>();
        for (int n = 1; n <= runs; n++) {
            ColdStart.Run run = start.once(n);
            if (!run.success()) {
                throw new IllegalStateException("cold start " + n + " did not answer 200: " + run.detail()
                        + " (log: " + OUTPUT.resolve("coldstart-" + n + ".log") + ")");
            }
            results.add(run);
        }
        List<Double> seconds = results.stream().map(ColdStart.Run::seconds).sorted().toList();
        List<Double> init = results.stream().map(ColdStart.Run::initSeconds).sorted().toList();
        List<Long> rss = results.stream().map(ColdStart.Run::rssKiB).sorted().toList();
        List<Long> peak = results.stream().map(ColdStart.Run::peakRssKiB).sorted().toList();
        double median = seconds.get(seconds.size() / 2);
        TABLE.add(area, "process start to first api response (PUT an order), " + runs + " runs", String.format(
                Locale.ROOT, "min %.2f s, median %.2f s (median %.2f s until it asked for the event)",
                seconds.get(0), median, init.get(init.size() / 2)), "median < 1.5 s", median < 1.5);
        TABLE.add(area, "resident memory after that response", String.format(Locale.ROOT,
                "median %d MiB (peak %d MiB)", rss.get(rss.size() / 2) / 1024, peak.get(peak.size() / 2) / 1024),
                "-", null);
        TABLE.note("cold start: function.zip unpacked as the task directory, java " + jvmArgs + " -cp <runtime "
                + "interface client 2.9.0> AWSLambda " + ColdStart.HANDLER + ", environment as Lambda sets it, "
                + "a fake Runtime API on loopback; logs in target/bench/coldstart-*.log");
    }

    @AfterAll
    static void printTheTable() throws IOException {
        TABLE.note("load average at the end " + loadAverage());
        TABLE.print(OUTPUT.resolve("table.md"));
    }

    private static String loadAverage() throws IOException {
        Path load = Path.of("/proc/loadavg");
        return Files.exists(load) ? String.join(" ", List.of(Files.readString(load).trim().split(" ")).subList(0, 3))
                : "(unknown)";
    }

    private static String micros(double value) {
        return String.format(Locale.ROOT, "%.2f µs", value);
    }
}
