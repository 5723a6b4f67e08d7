package com.orderguard.support;

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
                    "quarkus.dynamodb.interceptors", CallCounter.class.getName(),
                    // hundreds of rejected messages and retried calls are the point here, not news
                    "quarkus.log.category.\"com.orderguard\".level", "ERROR",
                    "quarkus.log.category.\"com.orderguard.adapter.lambda.IngestFunction\".level", "OFF",
                    "quarkus.log.category.\"com.orderguard.application.Sweep\".level", "OFF",
                    "quarkus.log.category.\"com.orderguard.adapter.lambda.http.ApiRouter\".level", "OFF");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ReliabilityResource.class));
        }
    }
}
