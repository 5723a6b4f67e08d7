package com.orderguard.config;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Every OrderGuard setting; each can also be set as an environment variable (ORDERGUARD_TABLE_NAME, ...). */
@ConfigMapping(prefix = "orderguard")
public interface OrderGuardConfig {

    /** The DynamoDB table that holds every item type. */
    @WithDefault("orderguard")
    String tableName();

    /** Creates the table at start-up when it is missing (local runs and tests; SAM creates it in AWS). */
    @WithDefault("false")
    boolean createTable();

    /** The HTTP API settings. */
    Api api();

    /** The due-time index settings. */
    DueIndex dueIndex();

    /** The sweep settings. */
    SweepSettings sweep();

    /** The attention inbox, order list and shop list. */
    Inbox inbox();

    /** Shop health settings. */
    Health health();

    /** Local runs only (quarkus:dev, the simulation): embedded DynamoDB Local and the Lambda Invoke API. */
    LocalSettings local();

    /** The simulated month (tests only): replaces the wall clock. */
    Simulation simulation();

    /** Operational metrics (CloudWatch Embedded Metric Format on standard output). */
    Metrics metrics();

    /** How the DynamoDB client retries (see docs/dynamodb.md, "Retries"). */
    Dynamo dynamodb();

    /** How long an event id is remembered for idempotency; must exceed the queue's retention (14 days max). */
    @WithDefault("P15D")
    Duration eventRetention();

    /**
     * Orders whose last seen state a process remembers (a few hundred bytes each), so that a request on one reads
     * the buyer and the shop the order names together with the order itself. 0 remembers none.
     */
    @WithDefault("4096")
    int seenOrders();

    /** HTTP API settings. */
    interface Api {
        /** The JWT claim that names the tenant. */
        @WithDefault("sub")
        String tenantClaim();

        /** The JWT claim that names the acting user, recorded on holds (falls back to the tenant). */
        @WithDefault("sub")
        String actorClaim();

        /** Largest accepted request body, in bytes; larger bodies get 413. */
        @WithDefault("262144")
        int maxBodyBytes();

        /**
         * The key that signs list cursors (HMAC-SHA256), so a cursor cannot be forged or altered. Set a secret of
         * at least 32 characters in AWS (the template's CursorSigningKey); the default only serves local runs.
         */
        @WithDefault("orderguard-local-cursor-key-not-for-production")
        String cursorKey();

        /** How long a list cursor stays valid. */
        @WithDefault("PT1H")
        Duration cursorTtl();
    }

    /** The indexes behind the attention inbox and the order and shop lists. */
    interface Inbox {
        /**
         * Write shards per tenant (and per kind, or per shop) of the attention, order-list and shop indexes: a
         * burst of one tenant's orders spreads over this many index partitions; a page reads them all in
         * parallel. Only ever increase it.
         */
        @WithDefault("4")
        int shards();

        /** Threads that run one page's Queries in parallel (created at run time, on the first list read). */
        @WithDefault("8")
        int readThreads();
    }

    /** The simulated month. */
    interface Simulation {
        /** Whether the simulation's clock replaces the wall clock (a build-time switch of its test profile). */
        @WithDefault("false")
        boolean enabled();
    }

    /** Shop health settings. */
    interface Health {
        /** The share of a metric's allowed range after which it is "at risk" (0.8: its last 20%). */
        @WithDefault("0.8")
        double atRiskMargin();

        /** Buyers with at least this many cancellation requests in 30 days are flagged as frequent cancellers. */
        @WithDefault("3")
        int frequentCancellerThreshold();

        /** Write shards of each shop's daily counters and look mark, summed on read (only ever increase it). */
        @WithDefault("32")
        int counterShards();
    }

    /** The DynamoDB client's retries: attempts and full-jitter exponential backoff, chosen against the timeouts. */
    interface Dynamo {
        /** Attempts per call, the first included (the SDK's DynamoDB default would be 9). */
        @WithDefault("4")
        int maxAttempts();

        /** Backoff base after a transient error (5xx, a dropped connection). */
        @WithDefault("PT0.025S")
        Duration baseDelay();

        /** Backoff base after a throttling error. */
        @WithDefault("PT0.1S")
        Duration throttlingBaseDelay();

        /** The longest pause between two attempts. */
        @WithDefault("PT1S")
        Duration maxBackoff();
    }

    /** Due-time index settings. */
    interface DueIndex {
        /**
         * Write shards of the due-time index: items are spread over this many partitions so that a burst of
         * orders due in the same minute does not make one partition hot. Only ever increase it.
         */
        @WithDefault("16")
        int shards();
    }

    /** Sweep settings. */
    interface SweepSettings {
        /** Items read per query page. */
        @WithDefault("100")
        int pageSize();

        /** Time a run may spend before it stops cleanly; keep it well under the Lambda timeout. */
        @WithDefault("PT45S")
        Duration timeBudget();

        /**
         * Shards of the due-time index worked at once (each on its own thread and connection to DynamoDB), so a run
         * that finds nothing due costs one round trip, not one per shard. 1 works them one after another.
         */
        @WithDefault("16")
        int parallelShards();

        /** How long before the ship-by time the ShipByApproaching warnings go out (each once). */
        @WithDefault("PT24H,PT4H")
        List<Duration> warningLeads();
    }

    /** Operational metrics settings. */
    interface Metrics {
        /** Whether metric lines are written at all. */
        @WithDefault("true")
        boolean enabled();

        /** The CloudWatch namespace. */
        @WithDefault("OrderGuard")
        String namespace();

        /**
         * The {@code Function} dimension: the Lambda function's name in AWS (so stacks in one account stay apart
         * and the template's alarms can name it), the exported function's name elsewhere.
         */
        @WithDefault("${AWS_LAMBDA_FUNCTION_NAME:${quarkus.funqy.export:api}}")
        String function();
    }
}
