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
}
