package com.orderguard.support;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** One test profile per exported function, each with its own DynamoDB Local. */
public final class Profiles {

    private Profiles() {
    }

    /** Base: DynamoDB Local, and the function named by {@link #export()}. */
    abstract static class FunctionProfile implements QuarkusTestProfile {
        abstract String export();

        Map<String, String> extraConfig() {
            return Map.of();
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new java.util.HashMap<>(extraConfig());
            config.put("quarkus.funqy.export", export());
            return config;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(DynamoDbLocalResource.class));
        }
    }

    /** The {@code api} function. */
    public static class Api extends FunctionProfile {
        @Override
        String export() {
            return "api";
        }
    }

    /** The {@code ingest} function. */
    public static class Ingest extends FunctionProfile {
        @Override
        String export() {
            return "ingest";
        }
    }

    /** The {@code sweep} function. */
    public static class Sweep extends FunctionProfile {
        @Override
        String export() {
            return "sweep";
        }

        /** Small pages, so that a test with a few dozen due orders exercises paging. */
        @Override
        Map<String, String> extraConfig() {
            return Map.of("orderguard.sweep.page-size", "7");
        }
    }

    /** The {@code sweep} function at production page size, with DynamoDB calls counted. */
    public static class SweepScale extends FunctionProfile {
        @Override
        String export() {
            return "sweep";
        }

        @Override
        Map<String, String> extraConfig() {
            return Map.of("quarkus.dynamodb.interceptors", CallCounter.class.getName());
        }
    }

    /** A month of orders driven through the local Invoke API on simulated time (see MonthSimulationTest). */
    public static class Simulation extends FunctionProfile {
        /** The Invoke API port of this run. */
        public static final int INVOKE_PORT = Integer.getInteger("simulate.port", 9301);

        @Override
        String export() {
            return "api";
        }

        @Override
        Map<String, String> extraConfig() {
            return Map.of("orderguard.simulation.enabled", "true",
                    "orderguard.local.invoke.enabled", "true",
                    "orderguard.local.invoke.port", Integer.toString(INVOKE_PORT),
                    "quarkus.log.category.\"com.orderguard\".level", "WARN");
        }
    }

    /** The local Lambda Invoke API (all three functions in one process), on its own port. */
    public static class Invoke extends FunctionProfile {
        public static final int PORT = 9302;

        @Override
        String export() {
            return "api";
        }

        @Override
        Map<String, String> extraConfig() {
            return Map.of("orderguard.local.invoke.enabled", "true", "orderguard.local.invoke.port",
                    Integer.toString(PORT));
        }
    }

    /** The local HTTP gateway (plain HTTP, local JWTs, Swagger UI, the seller console), on its own port. */
    public static class Gateway extends FunctionProfile {
        public static final int PORT = 3301;

        @Override
        String export() {
            return "api";
        }

        @Override
        Map<String, String> extraConfig() {
            return Map.of("orderguard.local.gateway.enabled", "true", "orderguard.local.gateway.port",
                    Integer.toString(PORT));
        }
    }

    /**
     * The dev run's Lambda event server in place of Quarkus' mock event server, as {@code %dev} configures it
     * (application.properties), on its own port: the function's poll loop is pointed at it.
     */
    public static class EventServer extends FunctionProfile {
        public static final int PORT = 8381;

        @Override
        String export() {
            return "api";
        }

        @Override
        Map<String, String> extraConfig() {
            return Map.of("quarkus.lambda.mock-event-server.enabled", "false",
                    "orderguard.local.event-server.enabled", "true",
                    "quarkus.lambda.mock-event-server.dev-port", Integer.toString(PORT),
                    "quarkus-internal.aws-lambda.test-api", "127.0.0.1:" + PORT + "/_lambda_");
        }
    }

    /**
     * Production logging and metrics for a function: JSON log lines (the console's JSON settings, written to a
     * file of their own so a test can read them) and EMF metric lines on standard output. The file name is fixed
     * (the profile class is loaded twice, by the test and by the application); tests find their own lines by the
     * ids they sent, and earlier runs' lines only make the personal-data checks stricter.
     */
    abstract static class Observed extends FunctionProfile {
        /** The JSON log file of this profile. */
        abstract Path logFile();

        @Override
        Map<String, String> extraConfig() {
            return Map.of(
                    "quarkus.log.file.enabled", "true",
                    "quarkus.log.file.path", logFile().toString(),
                    "quarkus.log.file.json.enabled", "true",
                    "quarkus.log.file.json.excluded-keys", "${quarkus.log.console.json.excluded-keys}",
                    "quarkus.log.file.json.additional-field.function.value",
                    "${quarkus.log.console.json.additional-field.function.value}",
                    "orderguard.metrics.enabled", "true");
        }
    }

    /** The {@code api} function, observed. */
    public static class ApiObserved extends Observed {
        public static final Path LOG_FILE = Path.of("target", "logs", "api-observed.json");

        @Override
        String export() {
            return "api";
        }

        @Override
        Path logFile() {
            return LOG_FILE;
        }
    }

    /** The {@code ingest} function, observed. */
    public static class IngestObserved extends Observed {
        public static final Path LOG_FILE = Path.of("target", "logs", "ingest-observed.json");

        @Override
        String export() {
            return "ingest";
        }

        @Override
        Path logFile() {
            return LOG_FILE;
        }
    }

    /** The {@code api} function for benchmarks: DynamoDB calls counted, and their consumed capacity asked for. */
    public static class Bench extends FunctionProfile {
        @Override
        String export() {
            return "api";
        }

        @Override
        Map<String, String> extraConfig() {
            return Map.of("quarkus.dynamodb.interceptors", CapacityCounter.class.getName());
        }
    }

    /**
     * The adversarial suite ({@code ./mvnw verify -Preliability}): all three functions on the local Invoke API, the
     * application's DynamoDB calls counted and sent through a {@link FaultProxy}.
     */
    public static class Reliability extends FunctionProfile {
        /** The Invoke API port of this run. */
        public static final int INVOKE_PORT = Integer.getInteger("reliability.port", 9303);

        @Override
        String export() {
            return "api";
        }

        @Override
        Map<String, String> extraConfig() {
            return Map.of("orderguard.local.invoke.enabled", "true",
                    "orderguard.local.invoke.port", Integer.toString(INVOKE_PORT),
                    "orderguard.local.invoke.concurrency", "8",
                    "quarkus.dynamodb.interceptors", CallCounter.class.getName());
            // no log levels here: Quarkus reads every discovered test class's profile, and a level set in one
            // reached the other profiles' tests of the same run; the suite's classes use QuietAppLogs instead
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ReliabilityResource.class));
        }
    }

    /**
     * The 11.11 scenario ({@code ./mvnw verify -Pflashsale}): as {@link Reliability}, with 32 invocations served at
     * once (32 concurrent Lambda instances) and each queue message's DynamoDB attempts counted.
     */
    public static class FlashSale extends Reliability {
        @Override
        Map<String, String> extraConfig() {
            return Map.of("orderguard.local.invoke.enabled", "true",
                    "orderguard.local.invoke.port", Integer.toString(INVOKE_PORT),
                    "orderguard.local.invoke.concurrency", "32",
                    "quarkus.dynamodb.interceptors", CallCounter.class.getName() + ","
                            + MessageAttempts.class.getName());
        }
    }
}
