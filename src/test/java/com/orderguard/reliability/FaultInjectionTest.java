package com.orderguard.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderguard.adapter.lambda.http.ApiContract;
import com.orderguard.application.RequestOutcome;
import com.orderguard.application.Cancellations;
import com.orderguard.application.DeadlineService;
import com.orderguard.application.OrderSnapshots;
import com.orderguard.application.ShopHealthService;
import com.orderguard.application.SnapshotSource;
import com.orderguard.application.Sweep;
import com.orderguard.application.SweepReport;
import com.orderguard.application.port.OrderChangeStore;
import com.orderguard.application.port.OrderStore;
import com.orderguard.config.OrderGuardConfig;
import com.orderguard.domain.Order;
import com.orderguard.domain.OrderStatus;
import com.orderguard.domain.TenantId;
import com.orderguard.domain.decision.CancelReason;
import com.orderguard.domain.decision.OrderRequest;
import com.orderguard.domain.decision.Channel;
import com.orderguard.domain.decision.Initiator;
import com.orderguard.domain.decision.PolicyCatalog;
import com.orderguard.support.Events;
import com.orderguard.support.FaultProxy;
import com.orderguard.support.LocalDynamo;
import com.orderguard.support.Profiles;
import com.orderguard.support.QuietAppLogs;
import com.orderguard.support.TestOrders;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A flaky network to DynamoDB. The same seeded workload - order lifecycles and cancellation requests on the queue;
 * orders, requests with fixed ids, resolutions, defects and holds on the API; sweeps - runs once without faults
 * (the expected result) and once through the {@link FaultProxy} throttling, failing, dropping connections before
 * and after forwarding, and delaying DynamoDB calls, in bursts longer than the SDK's retries. A call that fails is
 * redelivered, as SQS or a retrying client would, until it is accepted. Then nothing accepted may be lost and
 * nothing applied twice: both tenants' orders, requests, bucket counters, defect markers and outbox events by
 * type and order must be the same.
 *
 * <p>Second, sweeps killed at random points - their time budget cut short, or the process dying just before or
 * just after a commit - and resumed by the next run, with faults on: every due order must be acted on exactly once.
 * {@code -Dreliability.seed=N} replays a run.
 */
@QuarkusTest
@TestProfile(Profiles.Reliability.class)
@ExtendWith(QuietAppLogs.class)
@Tag("reliability")
class FaultInjectionTest {

    static final long SEED = Long.getLong("reliability.seed", System.currentTimeMillis());
    static final double RATE = Scale.of("reliability.fault-rate", 0.15, 0.05);
    /** Orders of the flaky-store workload, and due orders of the killed sweeps (about one commit in 12 killed). */
    static final int WORKLOAD_ORDERS = Scale.of("reliability.fault.orders", 20, 200);
    static final int DUE_ORDERS = Scale.of("reliability.kill.orders", 40, 660);
    /** Decision and resolution times, and the hold (its author is the caller, its time the receive time). */
    static final Set<String> IGNORED = Set.of("decidedAt", "at", "hold");
    static final int MAX_ATTEMPTS = 60;

    @Inject
    OrderSnapshots snapshots;

    @Inject
    Cancellations cancellations;

    @Inject
    OrderStore orders;

    @Inject
    OrderChangeStore store;

    @Inject
    DeadlineService deadlines;

    @Inject
    PolicyCatalog catalog;

    @Inject
    ShopHealthService health;

    @Inject
    OrderGuardConfig config;

    LocalDynamo dynamo;
    FaultProxy proxy;
    /** The items written since the test began: each test's tenants are new, so all their items are among them. */
    TenantItems written;

    @BeforeEach
    void markTheTable() {
        written = TenantItems.since(dynamo);
    }

    /** One call of the workload for a tenant; true when it was accepted. */
    interface Step {
        boolean attempt(String tenant, boolean repeat);
    }

    @Test
    void aFlakyStore_losesNothingAccepted_andAppliesNothingTwice() {
        System.out.printf("faults: rate %.2f, outages of 10-20 requests, seed %d (-Dreliability.seed=%d to replay)%n",
                RATE, SEED, SEED);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Step> steps = workload(new Random(SEED), now);
        String clean = "fault-" + SEED + "-clean";
        String faulty = "fault-" + SEED + "-faulty";
        run(steps, clean, false);
        Map<FaultProxy.Fault, Long> before = proxy.injected();
        proxy.faults(SEED, RATE, 20);
        long redeliveries;
        try {
            redeliveries = run(steps, faulty, true);
        } finally {
            proxy.off();
        }
        Map<FaultProxy.Fault, Long> after = proxy.injected();
        after.forEach((fault, count) -> Ledger.add(Ledger.FAULTS + fault, count - before.get(fault)));
        Ledger.add(Ledger.EVENTS, 2L * steps.size() + redeliveries);
        Ledger.add(Ledger.REDELIVERIES, redeliveries);
        System.out.printf("faults: %d steps, %d redeliveries, faults injected %s%n", steps.size(), redeliveries,
                after);

        TenantState expected = TenantState.of(written, clean, IGNORED);
        TenantState actual = TenantState.of(written, faulty, IGNORED);
        List<String> differences = withoutApiStamps(actual).differences(withoutApiStamps(expected));
        Outcomes.record(differences);
        assertThat(differences).as("faulty run vs fault-free run (seed %d)", SEED).isEmpty();
        assertThat(expected.outbox()).as("the workload exercised the outbox").containsKey("CancellationDecided");
    }

    /** Orders stored through the API are stamped with their receive time, which differs between the two runs. */
    static TenantState withoutApiStamps(TenantState state) {
        Map<String, Object> orders = new java.util.TreeMap<>();
        state.orders().forEach((key, value) -> {
            Map<String, Object> order = new java.util.TreeMap<>(castMap(value));
            if (String.valueOf(order.get("snapshotEventId")).startsWith("api:")) {
                order.remove("snapshotAt");
                order.remove("snapshotEventId");
            }
            orders.put(key, order);
        });
        return new TenantState(orders, state.requests(), state.buckets(), state.outbox(), state.outboxByOrder(),
                state.markers());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }

    @Test
    void aMetricLookThatFails_isDoneByTheNextSweepRun() {
        String tenant = "watch-" + SEED;
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // shipped two days after its ship-by time: Amazon's late shipment rate is 1 of 1, breached
        Instant[] reached = {now.minus(Duration.ofDays(4)), now.minus(Duration.ofDays(4)), now.minus(
            Duration.ofDays(3)), now.minus(Duration.ofHours(30)), null, null};
        String message = new Lifecycles.Event("watch-1", now.minus(Duration.ofHours(1)), Lifecycles.snapshot(
                new String[] {"amazon", "US", "USD"}, "W" + Long.toString(SEED, 36), "IN_TRANSIT", reached[0], reached,
                now.minus(Duration.ofDays(3)), "TRK1"), null).message(tenant);
        // the delivery reads once and commits once, leaving the shop's look mark; it does not look itself
        assertThat(Invoker.ingestFails(message)).as("the delivery").isFalse();
        // every query fails: the sweep run cannot look at the shop, and the mark stays
        proxy.faults(SEED, 1.0, 0, EnumSet.of(FaultProxy.Fault.SERVER_ERROR), Set.of("Query"));
        try {
            Invoker.invoke("sweep", "{\"id\":\"watch-failing-" + SEED + "\"}");
        } finally {
            proxy.off();
        }
        assertThat(TenantState.of(written, tenant, Set.of()).outbox()).as("no look yet")
                .doesNotContainKey("MetricAtRisk");
        Invoker.invoke("sweep", "{\"id\":\"watch-" + SEED + "\"}");
        TenantState state = TenantState.of(written, tenant, Set.of());
        assertThat(state.buckets().values().toString()).contains("shippedLate=N:1");
        Ledger.add(Ledger.REDELIVERIES, 1);
        Ledger.add(Ledger.LOST, state.outbox().containsKey("MetricAtRisk") ? 0 : 1);
        assertThat(state.outbox()).as("outbox events after the next sweep run").containsKey("MetricAtRisk");
    }

    /** Runs every step for {@code tenant}, redelivering failed ones; returns the redeliveries. */
    long run(List<Step> steps, String tenant, boolean faulty) {
        long redeliveries = 0;
        for (int i = 0; i < steps.size(); i++) {
            int attempts = 1;
            while (!steps.get(i).attempt(tenant, attempts > 1)) {
                assertThat(faulty).as("step %d failed without any fault injected", i).isTrue();
                assertThat(attempts).as("attempts of step %d", i).isLessThan(MAX_ATTEMPTS);
                attempts++;
                redeliveries++;
            }
        }
        // the sweep, until a run finds nothing left to do
        for (int run = 0; ; run++) {
            assertThat(run).as("sweep runs").isLessThan(MAX_ATTEMPTS);
            Invoker.Invocation invocation = Invoker.invoke("sweep", "{\"id\":\"sweep-" + tenant + "-" + run + "\"}");
            if (invocation.functionError()) {
                assertThat(faulty).as("a sweep failed without faults: %s", invocation.payload()).isTrue();
                redeliveries++;
                continue;
            }
            var report = invocation.json();
            int acted = 0;
            int failed = 0;
            for (var shard : report.path("shards")) {
                acted += shard.path("acted").asInt();
                failed += shard.path("failed").asInt();
            }
            if (report.path("complete").asBoolean() && acted == 0 && failed == 0) {
                return redeliveries;
            }
        }
    }

    /** The seeded workload: queue lifecycles and requests, then API orders, requests, answers, defects, holds. */
    List<Step> workload(Random random, Instant now) {
        List<Step> steps = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        Map<String, String> finalStatus = new HashMap<>();
        for (int i = 0; i < WORKLOAD_ORDERS; i++) {
            String orderId = "F" + Long.toString(SEED, 36).toUpperCase() + "x" + i;
            List<Lifecycles.Event> events = Lifecycles.order(random, orderId,
                    now.minus(Duration.ofHours(24 * 7 + random.nextInt(48))), i % 5 == 0);
            for (Lifecycles.Event event : events) {
                steps.add((tenant, repeat) -> !Invoker.ingestFails(event.message(tenant)));
            }
            Lifecycles.Event last = events.get(events.size() - 1);
            keys.add(last.orderKey());
            finalStatus.put(last.orderKey(), last.request() == null ? last.order().get("status").asText() : "");
        }
        // two orders through the API, due soon: the sweep warns about them
        for (int i = 0; i < 2; i++) {
            String orderId = "F" + Long.toString(SEED, 36).toUpperCase() + "api" + i;
            String key = "amazon.US." + orderId;
            String body = "{\"status\":\"AWAITING_SHIPMENT\",\"shopId\":\"shop-amazon\",\"placedAt\":\""
                    + now.minus(Duration.ofHours(30)) + "\",\"paidAt\":\"" + now.minus(Duration.ofHours(30))
                    + "\",\"shipBy\":\"" + now.plus(Duration.ofHours(12)) + "\",\"buyerId\":\"buyer-" + orderId
                    + "\",\"items\":[{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":\"10.00\",\"currency\":\"USD\"}]}";
            steps.add(api(ApiContract.PUT_ORDER, Map.of("orderKey", key), body));
            keys.add(key);
            finalStatus.put(key, "AWAITING_SHIPMENT");
        }
        Instant requestedAt = now.minus(Duration.ofHours(26));
        List<String[]> pending = new ArrayList<>();
        for (String key : keys) {
            String status = finalStatus.get(key);
            int action = random.nextInt(4);
            String id = key.replace('.', '-');
            if (Set.of("AWAITING_SHIPMENT", "SHIPMENT_ARRANGED", "IN_TRANSIT").contains(status) && action < 2) {
                boolean buyer = action == 0;
                steps.add(api(ApiContract.REQUEST_CANCELLATION, Map.of("orderKey", key), "{\"requestId\":\"api-"
                        + id + "\",\"initiator\":\"" + (buyer ? "BUYER\",\"reason\":\"CHANGE_OF_MIND"
                        : "SELLER\",\"reason\":\"OUT_OF_STOCK") + "\",\"requestedAt\":\"" + requestedAt + "\"}"));
                if (buyer && random.nextBoolean()) {
                    pending.add(new String[] {key, "api-" + id});
                }
            } else if (Set.of("DELIVERED", "RETURNED", "IN_TRANSIT").contains(status) && action == 2) {
                steps.add(api(ApiContract.RECORD_DEFECT, Map.of("orderKey", key), "{\"defectId\":\"df-" + id
                        + "\",\"type\":\"A_TO_Z_CLAIM\"}"));
            } else if (Set.of("AWAITING_SHIPMENT", "SHIPMENT_ARRANGED").contains(status) && action == 3) {
                steps.add(api(ApiContract.PUT_HOLD, Map.of("orderKey", key), "{\"until\":\""
                        + now.plus(Duration.ofDays(2)) + "\",\"note\":\"customer called\"}"));
            }
        }
        // the seller answers some requests; an answer to a request that is not pending is refused either way
        for (String[] request : pending) {
            String answer = random.nextBoolean() ? "APPROVE" : "REJECT";
            steps.add(resolution(request, answer));
        }
        return steps;
    }

    /** An API call accepted with a 2xx; a 5xx is redelivered; any other answer fails the test. */
    static Step api(String route, Map<String, String> path, String body) {
        return (tenant, repeat) -> {
            Invoker.ApiResponse response = Invoker.api(route, path, tenant, body);
            if (response.status() >= 500) {
                return retryable(response);
            }
            assertThat(response.status() / 100).as("%s %s: %s", route, path, response.body()).isEqualTo(2);
            return true;
        };
    }

    /** A failure the client can act on: 503 (retry), never a 500 that claims nothing changed; false (retry it). */
    static boolean retryable(Invoker.ApiResponse response) {
        assertThat(response.status()).as("a call that failed on the store: %s", response.body()).isEqualTo(503);
        return false;
    }

    /**
     * The seller's answer. Its first delivery may be refused (409) when the request was decided otherwise; a
     * redelivery after a failed call may also find it already answered by the attempt whose reply was lost.
     */
    static Step resolution(String[] request, String answer) {
        return (tenant, repeat) -> {
            Invoker.ApiResponse response = Invoker.api(ApiContract.RESOLVE_CANCELLATION, Map.of("orderKey",
                    request[0], "requestId", request[1]), tenant, "{\"resolution\":\"" + answer + "\"}");
            if (response.status() >= 500) {
                return retryable(response);
            }
            assertThat(response.status()).as("resolution: %s", response.body()).isIn(200, 409);
            return true;
        };
    }

    @Test
    void sweepsKilledPartWay_actOnEveryDueOrderExactlyOnce() {
        long seed = SEED + 1;
        Random random = new Random(seed);
        Instant now = Instant.now();
        String clean = "kill-" + seed + "-clean";
        String killed = "kill-" + seed + "-killed";
        int count = DUE_ORDERS;
        int shards = config.dueIndex().shards();
        // the expected result: the same orders swept by runs that are never interrupted
        List<Order> due = dueOrders(count, now, seed);
        store(clean, due, now);
        CountingStore cleanStore = new CountingStore(store);
        sweepUntilDone(new Sweep(orders, cleanStore, deadlines, catalog, health, Clock.systemUTC(), shards, 7),
                random, false);
        store(killed, due, now);
        CountingStore sabotaged = new CountingStore(store);
        AtomicLong kills = new AtomicLong();
        sabotaged.sabotage((commit, committed) -> {
            synchronized (random) {
                if (random.nextInt(12) == 0) {
                    kills.incrementAndGet();
                    throw new Killed(committed ? "after a commit" : "before a commit");
                }
            }
        });
        Map<FaultProxy.Fault, Long> before = proxy.injected();
        proxy.faults(seed, RATE, 20);
        int runs;
        try {
            runs = sweepUntilDone(new Sweep(orders, sabotaged, deadlines, catalog, health, new StoppingClock(
                    random), shards, 7), random, true);
        } finally {
            proxy.off();
        }
        proxy.injected().forEach((fault, n) -> Ledger.add(Ledger.FAULTS + fault, n - before.get(fault)));
        Ledger.add(Ledger.SWEEP_KILLS, kills.get());
        System.out.printf("killed sweeps: %d orders, %d runs until done, %d killed at a commit (seed %d)%n", count,
                runs, kills.get(), seed);

        for (Order order : due) {
            // a commit that failed on the store may still have landed: it counts as one at most
            long expected = cleanStore.commits(clean, order.key());
            long landed = sabotaged.commits(killed, order.key());
            assertThat(landed).as("sweep commits on %s", order.key()).isLessThanOrEqualTo(expected);
            assertThat(landed + sabotaged.unknown(killed, order.key())).as("sweep commits on %s, with unknown"
                    + " outcomes", order.key()).isGreaterThanOrEqualTo(expected);
        }
        TenantState expected = TenantState.of(written, clean, IGNORED);
        TenantState actual = TenantState.of(written, killed, IGNORED);
        // a run looks at the shops it counted against once, at its end; a run killed before then leaves each shop's
        // look mark, and a later run looks: the metrics' last statuses must end as without kills, every status the
        // uninterrupted sweep announced must have been announced, and no mark may be left
        List<String> looks = lookDifferences(killed, clean);
        Ledger.add(Ledger.RISKS_CHECKED, announced(clean).size());
        Outcomes.record(looks);
        assertThat(looks).as("metric statuses after killed sweeps vs uninterrupted ones (seed %d)", seed).isEmpty();
        List<String> differences = actual.withoutMetricAtRisk().differences(expected.withoutMetricAtRisk());
        Outcomes.record(differences);
        assertThat(differences).as("killed and resumed sweeps vs uninterrupted ones (seed %d)", seed).isEmpty();
    }

    /**
     * How the looks of {@code actual}'s sweeps differ from {@code expected}'s: each shop's last metric statuses,
     * the MetricAtRisk announcements {@code expected} made that {@code actual} did not (a worse status may have
     * been announced on the way there as well: runs cut short look at the counts of the moment), and look marks
     * left behind.
     */
    List<String> lookDifferences(String actual, String expected) {
        List<String> out = new ArrayList<>();
        Map<String, String> statuses = statuses(actual);
        statuses(expected).forEach((shop, status) -> {
            if (!status.equals(statuses.get(shop))) {
                out.add("metric statuses of " + shop + ": " + statuses.get(shop) + "\n    vs " + status);
            }
        });
        Set<String> announced = announced(actual);
        for (String risk : announced(expected)) {
            if (!announced.contains(risk)) {
                out.add("MetricAtRisk " + risk + ": null\n    vs announced");
            }
        }
        long marks = items(actual).stream().filter(item -> item.get("type").s().equals("LOOK")).count();
        if (marks > 0) {
            out.add("look marks left: " + marks + "\n    vs none");
        }
        return out;
    }

    /** The tenant's shops' last statuses, by shop. */
    Map<String, String> statuses(String tenant) {
        Map<String, String> statuses = new TreeMap<>();
        for (Map<String, AttributeValue> item : items(tenant)) {
            if (item.get("type").s().equals("HEALTH")) {
                String pk = item.get("pk").s();
                Map<String, String> metrics = new TreeMap<>();
                item.get("statuses").m().forEach((metric, status) -> metrics.put(metric, status.s()));
                statuses.put(pk.substring(pk.indexOf("#S#") + 3), metrics.toString());
            }
        }
        return statuses;
    }

    /** The tenant's MetricAtRisk announcements, as shop, metric, window and status. */
    Set<String> announced(String tenant) {
        Set<String> announced = new TreeSet<>();
        for (Map<String, AttributeValue> item : items(tenant)) {
            if (item.get("type").s().equals("OUTBOX") && item.get("eventType").s().equals("MetricAtRisk")) {
                JsonNode detail = Events.parse(item.get("detail").s());
                announced.add(detail.get("shop").asText() + " " + detail.get("metric").asText() + " "
                        + detail.get("window").asText() + " " + detail.get("status").asText());
            }
        }
        return announced;
    }

    List<Map<String, AttributeValue>> items(String tenant) {
        return written.of(tenant);
    }

    /** Overdue orders (auto-cancel due), orders due a warning, and orders whose buyer request has expired. */
    static List<Order> dueOrders(int count, Instant now, long seed) {
        List<Order> due = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = "K" + Long.toString(seed, 36).toUpperCase() + "x" + i;
            String site = List.of("shopee.MY.", "amazon.US.", "tiktok.TH.", "lazada.MY.").get(i % 4);
            Instant shipBy = switch (i % 3) {
                case 0 -> now.minus(Duration.ofDays(15));
                case 1 -> now.plus(Duration.ofHours(12));
                default -> now.plus(Duration.ofDays(3));
            };
            due.add(TestOrders.order(site + id).placedAt(now.minus(Duration.ofDays(i % 3 == 0 ? 20 : 2)))
                    .shipBy(shipBy).status(i % 2 == 0 ? OrderStatus.SHIPMENT_ARRANGED : OrderStatus.AWAITING_SHIPMENT)
                    .buyer("b-" + id).build());
        }
        return due;
    }

    /** Stores the orders for {@code tenant} and files a buyer request, made two days ago, on every third. */
    void store(String tenant, List<Order> due, Instant now) {
        TenantId id = new TenantId(tenant);
        for (int i = 0; i < due.size(); i++) {
            Order order = due.get(i);
            snapshots.apply(id, order, new SnapshotSource("kill-" + i, now.minusSeconds(60), "test"), now);
            if (i % 3 == 2) {
                RequestOutcome outcome = cancellations.request(id, order.key(), new OrderRequest(
                        "buyer-" + i, Initiator.BUYER, CancelReason.CHANGE_OF_MIND, Channel.PLATFORM_REQUEST,
                        now.minus(Duration.ofDays(2)), null), now);
                assertThat(outcome).isInstanceOf(RequestOutcome.Recorded.class);
            }
        }
    }

    /** Runs the sweep until a run completes with nothing left; a killed run is followed by the next one. */
    static int sweepUntilDone(Sweep sweep, Random random, boolean sabotaged) {
        for (int run = 1; run < 400; run++) {
            try {
                SweepReport report = sweep.run("run-" + run, Instant.now(), Duration.ofSeconds(60),
                        random.nextInt(16));
                if (report.complete() && report.acted() == 0 && report.failed() == 0) {
                    return run;
                }
            } catch (Killed e) {
                assertThat(sabotaged).isTrue();
            } catch (RuntimeException e) {
                // the store failed beyond the SDK's retries while paging: the scheduler runs it again
                assertThat(sabotaged).as("a sweep failed without faults: %s", e).isTrue();
            }
        }
        throw new AssertionError("the sweep never finished");
    }

    /** The Lambda being killed: an Error, so that nothing in the sweep can catch it and carry on. */
    static final class Killed extends Error {
        Killed(String where) {
            super("killed " + where);
        }
    }

    /** A clock that says the budget is spent after a random number of reads, so runs stop part way. */
    static final class StoppingClock extends Clock {
        private final Random random;
        private final Instant start = Instant.now();
        private long reads;

        StoppingClock(Random random) {
            this.random = random;
        }

        @Override
        public synchronized Instant instant() {
            reads++;
            // each read is, at random, a few seconds or a whole minute later: the 60 s budget ends at random
            return start.plusSeconds(reads * 2 + (random.nextInt(6) == 0 ? 3600 * reads : 0));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
