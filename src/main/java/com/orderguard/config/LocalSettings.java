package com.orderguard.config;

import java.util.Optional;

import io.smallrye.config.WithDefault;

/** Local run settings; ignored in AWS. */
public interface LocalSettings {
    /** Embedded DynamoDB Local. */
    LocalDynamo dynamodb();

    /** The Lambda Invoke API on loopback. */
    Invoke invoke();

    /** The Lambda event server on loopback (in place of Quarkus' mock event server in dev mode). */
    EventServer eventServer();

    /** The local HTTP gateway: the HTTP API as plain HTTP, Swagger UI and the seller console. */
    Gateway gateway();

    /** Embedded DynamoDB Local of {@code quarkus:dev}. */
    interface LocalDynamo {
        /** Its port on 127.0.0.1. */
        @WithDefault("8000")
        int port();

        /** A folder to keep its data in across restarts; in memory when absent. */
        Optional<String> dbPath();
    }

    /** The Invoke API ({@code POST /2015-03-31/functions/{name}/invocations}). */
    interface Invoke {
        /** Whether to serve it (true in dev mode). */
        @WithDefault("false")
        boolean enabled();

        /** Its port on 127.0.0.1. */
        @WithDefault("9001")
        int port();

        /** Invocations served at once (as many concurrent Lambda instances); the flash-sale scenario uses 32. */
        @WithDefault("4")
        int concurrency();
    }

    /**
     * The event server ({@code POST /} with an event); its port is Quarkus' own
     * {@code quarkus.lambda.mock-event-server.dev-port} (8080), read where it starts.
     */
    interface EventServer {
        /** Whether to serve it (true in dev mode). */
        @WithDefault("false")
        boolean enabled();
    }

    /**
     * The local HTTP gateway ({@code sam local start-api} for the api function): each request becomes the
     * HTTP API event of its route, with the claims of a JWT signed by {@link #signingKey()}.
     */
    interface Gateway {
        /** Whether to serve it (true in dev mode). */
        @WithDefault("false")
        boolean enabled();

        /** Its port on 127.0.0.1. */
        @WithDefault("3000")
        int port();

        /** The HMAC-SHA256 key that signs and verifies local tokens; never a production secret. */
        @WithDefault("orderguard-local-signing-key-not-a-secret")
        String signingKey();

        /** The issuer of local tokens. */
        @WithDefault("http://localhost:3000/local")
        String issuer();

        /** The audience of local tokens. */
        @WithDefault("orderguard-local")
        String audience();

        /** The seller console's files, relative to the project folder. */
        @WithDefault("src/console")
        String consoleDir();

        /** The OpenAPI document Swagger UI shows, relative to the project folder. */
        @WithDefault("infra/openapi.yaml")
        String openapi();
    }
}
