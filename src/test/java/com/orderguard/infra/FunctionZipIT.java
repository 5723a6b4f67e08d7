package com.orderguard.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

/**
 * Runs after packaging: the deployable zip holds the function and its runtime libraries, nothing for tests, and
 * nothing of the local run (DynamoDB Local, the HTTP gateway, the seller console and its libraries).
 */
class FunctionZipIT {

    static final List<String> FORBIDDEN = List.of("DynamoDBLocal", "dynamodbv2/local", "sqlite4java",
            "com.amazonaws.DynamoDBLocal", "org.eclipse.jetty", "antlr", "mockito", "junit", "assertj",
            "rest-assured", "restassured", "archunit", "com/orderguard/support/", "log4j-core",
            // the dev-mode gateway and the seller console: dev only, never deployed with the function
            "com/orderguard/adapter/local/gateway/", "META-INF/resources/", "_static/", "webjars", "org.mvnpm",
            "swagger", "chart.js", "selenium", "index.html", "app.js");

    static List<String> entries() throws IOException {
        try (ZipFile zip = new ZipFile(Path.of("target", "function.zip").toFile())) {
            List<String> names = new ArrayList<>();
            Collections.list(zip.entries()).forEach(entry -> names.add(entry.getName()));
            return names;
        }
    }

    @Test
    void functionZip_holdsTheFunction_andNoDynamoDbLocalGatewayConsoleOrTestLibrary() throws IOException {
        List<String> entries = entries();
        // a JVM zip holds our classes, a native zip the bootstrap executable
        assertThat(entries).anyMatch(name -> name.equals("bootstrap")
                || name.contains("com/orderguard/adapter/lambda/"));
        // the gateway's classes were compiled (dev mode serves them), so leaving them out was the package's doing
        assertThat(Path.of("target", "classes", "com", "orderguard", "adapter", "local", "gateway",
                "LocalGateway.class")).exists();
        for (String forbidden : FORBIDDEN) {
            // (an empty folder entry may remain where the package left out every file)
            assertThat(entries).as("entries containing %s", forbidden).noneMatch(name -> !name.endsWith("/")
                    && name.toLowerCase().contains(forbidden.toLowerCase()));
        }
    }
}
