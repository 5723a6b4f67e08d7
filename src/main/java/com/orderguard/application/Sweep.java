package com.orderguard.application;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

import com.orderguard.application.Retry.Attempt;
import com.orderguard.application.port.Correlation;
import com.orderguard.application.port.OrderChangeStore;
import com.orderguard.application.port.OrderChangeStore.OrderChange;
import com.orderguard.application.port.OrderStore;
import com.orderguard.application.port.OrderStore.DuePage;
import com.orderguard.application.port.OrderStore.ShopLook;
import com.orderguard.application.port.ReadRound;
import com.orderguard.application.port.Telemetry;
import com.orderguard.domain.TenantId;
import com.orderguard.domain.decision.PolicyCatalog;
import com.orderguard.domain.health.ShopKey;

/**
 * Works through the due-time index shard by shard within a time budget and applies what each platform does when
 * a deadline passes. Each order's actions are one conditional transaction, so overlapping or retried sweeps and
 * ship events racing the sweep never cancel twice or cancel a shipped order: a lost race re-reads the order and
 * finds nothing left to do.
 */
public class Sweep {

    /** The JDK's logging facade: the application names no logging framework; the runtime's log manager backs it. */
    private static final System.Logger LOG = System.getLogger(Sweep.class.getName());

    /** A shop of a tenant, whose metrics the run changed or whose look mark it found. */
    record TenantShop(TenantId tenant, ShopKey shop) {
    }

    /** What became of one due item. */
    enum Result { ACTED, SKIPPED, FAILED }

    private final OrderStore orders;
    private final OrderChangeStore store;
    private final DueActionPlanner planner;
    private final ShopHealthService health;
    private final Clock clock;
    private final int shards;
    private final int pageSize;
    private final Telemetry telemetry;
    private final Correlation correlation;
    private final ReadRound round;

    /** Without metrics or log correlation, shard after shard (unit tests). */
    public Sweep(OrderStore orders, OrderChangeStore store, DeadlineService deadlines,
            PolicyCatalog catalog, ShopHealthService health, Clock clock, int shards,
            int pageSize) {
        this(orders, store, deadlines, catalog, health, clock, shards, pageSize, Telemetry.NONE, Correlation.NONE,
                ReadRound.SEQUENTIAL);
    }

    /**
     * @param clock measures the time budget only; what is due is judged against the {@code now} of each run
     * @param correlation names each order in the log lines written while it is processed
     * @param round works the shards at once, each as one task (its pages and its orders' transactions in turn)
     */
    public Sweep(OrderStore orders, OrderChangeStore store, DeadlineService deadlines,
            PolicyCatalog catalog, ShopHealthService health, Clock clock, int shards,
            int pageSize, Telemetry telemetry, Correlation correlation, ReadRound round) {
        this.round = round;
        this.telemetry = telemetry;
        this.correlation = correlation;
        this.orders = orders;
        this.store = store;
        this.health = health;
        this.planner = new DueActionPlanner(catalog, deadlines);
        this.clock = clock;
        this.shards = shards;
        this.pageSize = pageSize;
    }

    /**
     * Acts on every item due at or before {@code now}, stopping cleanly when {@code budget} is spent. The shards are
     * worked at once (as many as the round runs together; the rest as threads come free, from {@code firstShard} on,
     * so runs cut short by their budget do not starve the last shards). Each order lives in one shard and each
     * action is one conditional transaction, so working shards side by side changes nothing about exactly-once.
     */
    public SweepReport run(String runId, Instant now, Duration budget, int firstShard) {
        Instant stopAt = clock.instant().plus(budget);
        Map<TenantShop, ShopCounts> counted = new ConcurrentHashMap<>();
        Map<TenantShop, ShopLook> looks = new ConcurrentHashMap<>();
        List<Callable<ShardRun>> tasks = new ArrayList<>();
        for (int i = 0; i < shards; i++) {
            int shard = Math.floorMod(firstShard + i, shards);
            tasks.add(() -> shard(shard, now, stopAt, counted, looks));
        }
        List<ShardRun> runs = round.all(tasks);
        boolean complete = runs.stream().allMatch(ShardRun::complete);
        List<SweepReport.ShardReport> reports = runs.stream().filter(ShardRun::started).map(ShardRun::report)
                .toList();
        Looks looked = lookAtShops(counted.keySet(), looks, now);
        SweepReport report = new SweepReport(runId, now, reports, complete, looked.done(), looked.failed());
        telemetry.sweepRan(report);
        return report;
    }

    /** One shard's part of a run: whether it started before the budget ran out, and whether it finished. */
    private record ShardRun(boolean started, boolean complete, SweepReport.ShardReport report) {
    }

    /** Works one shard page by page until its last page or the end of the budget. */
    private ShardRun shard(int shard, Instant now, Instant stopAt, Map<TenantShop, ShopCounts> counted,
            Map<TenantShop, ShopLook> looks) {
        long started = System.nanoTime();
        int[] counts = new int[Result.values().length];
        int examined = 0;
        int pages = 0;
        long maxLag = 0;
        String cursor = null;
        do {
            if (!clock.instant().isBefore(stopAt)) {
                return new ShardRun(pages > 0, false, report(shard, counts, examined, pages, maxLag, started));
            }
            DuePage page = orders.due(shard, now, pageSize, cursor);
            pages++;
            for (StoredOrder due : page.orders()) {
                examined++;
                maxLag = Math.max(maxLag, Duration.between(due.nextDueAt(), now).toSeconds());
                counts[process(due, now, counted).ordinal()]++;
            }
            for (ShopLook look : page.looks()) {
                looks.merge(new TenantShop(look.tenant(), look.shop()), look, ShopLook::merge);
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return new ShardRun(true, true, report(shard, counts, examined, pages, maxLag, started));
    }

    private static SweepReport.ShardReport report(int shard, int[] counts, int examined, int pages, long maxLag,
            long startedNanos) {
        return new SweepReport.ShardReport(shard, examined, counts[Result.ACTED.ordinal()],
                counts[Result.SKIPPED.ordinal()], counts[Result.FAILED.ordinal()], pages, maxLag,
                Duration.ofNanos(System.nanoTime() - startedNanos).toMillis());
    }

    /**
     * One look per shop at the end of the run, not one per cancelled order: at the shops this run counted against,
     * and at those whose look mark it found (left by a run killed before its looks). A look that fails leaves the
     * shop's mark for the next run.
     */
    private Looks lookAtShops(Set<TenantShop> counted, Map<TenantShop, ShopLook> marked, Instant now) {
        Set<TenantShop> shops = new LinkedHashSet<>(counted);
        shops.addAll(marked.keySet());
        int done = 0;
        int failed = 0;
        for (TenantShop shop : shops) {
            try {
                ShopLook look = marked.get(shop);
                if (look != null) {
                    health.look(look, now);
                } else {
                    health.watch(shop.tenant(), shop.shop(), now);
                }
                done++;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "sweep: looking at shop " + shop.shop() + " failed: " + e, e);
                failed++;
            }
        }
        return new Looks(done, failed);
    }

    /** Shops looked at, and shops whose look failed. */
    private record Looks(int done, int failed) {
    }

    /** Applies what is due for one order: plan, commit; a lost race re-reads it (the index copy may be stale). */
    Result process(StoredOrder due, Instant now, Map<TenantShop, ShopCounts> counted) {
        try (Correlation.Scope scope = correlation.order(due.tenant(), due.order().key())) {
            return Retry.SWEEP.attempt(attempt -> act(attempt == 1 ? Optional.of(due)
                    : orders.find(due.tenant(), due.order().key()), now, counted)).orElse(Result.FAILED);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "sweep: order " + due.order().key() + " failed: " + e, e);
            return Result.FAILED;
        }
    }

    private Attempt<Result> act(Optional<StoredOrder> current, Instant now, Map<TenantShop, ShopCounts> counted) {
        Optional<OrderChange> change = current.flatMap(order -> planner.plan(order, now));
        if (change.isEmpty()) {
            return Retry.done(Result.SKIPPED);
        }
        return Retry.committed(store.commit(change.get()), committed -> {
            report(change.get());
            if (!change.get().counts().isEmpty()) {
                counted.merge(new TenantShop(committed.tenant(), change.get().counts().shop()),
                        change.get().counts(), ShopCounts::plus);
            }
            return Result.ACTED;
        });
    }

    /** Counts what a committed change did, from its events: they are exactly what the outside world is told. */
    private void report(OrderChange commit) {
        for (OutboxEvent event : commit.events()) {
            if (event instanceof OutboxEvent.OrderAutoCancelled) {
                telemetry.autoCancelled(commit.order().marketplace());
            } else if (event instanceof OutboxEvent.ShipByApproaching) {
                telemetry.shipByWarned(commit.order().marketplace());
            }
        }
    }
}
