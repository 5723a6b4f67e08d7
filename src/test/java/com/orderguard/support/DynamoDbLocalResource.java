package com.orderguard.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Runs a real DynamoDB Local (in memory) in the test JVM for the application under test, and hands tests a
 * client of their own ({@link LocalDynamo}) to look at the table directly.
 */
public class DynamoDbLocalResource implements QuarkusTestResourceLifecycleManager {

    public static final String TABLE = "orderguard-test";

    private DynamoDBProxyServer server;
    private LocalDynamo local;

    @Override
    public Map<String, String> start() {
        try {
            int port = freePort();
            server = startInMemory(port, "-sharedDb");
            String endpoint = "http://127.0.0.1:" + port;
            local = new LocalDynamo(client(endpoint), TABLE, endpoint);
            return Map.of(
                    "quarkus.dynamodb.endpoint-override", endpoint,
                    "quarkus.dynamodb.aws.region", "us-east-1",
                    "quarkus.dynamodb.aws.credentials.type", "static",
                    "quarkus.dynamodb.aws.credentials.static-provider.access-key-id", "test",
                    "quarkus.dynamodb.aws.credentials.static-provider.secret-access-key", "test",
                    "orderguard.table-name", TABLE,
                    "orderguard.create-table", "true");
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start", e);
        }
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(local, new TestInjector.MatchesType(LocalDynamo.class));
    }

    @Override
    public void stop() {
        try {
            if (local != null) {
                local.client().close();
            }
            if (server != null) {
                server.stop();
            }
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop", e);
        }
    }

    /** A plain SDK client for the endpoint, like the one the application builds. */
    public static DynamoDbClient client(String endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** A started in-memory DynamoDB Local on {@code port}, with {@code options} (e.g. {@code -sharedDb}). */
    static DynamoDBProxyServer startInMemory(int port, String... options) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("-inMemory", "-disableTelemetry", "-port",
                Integer.toString(port)));
        arguments.addAll(List.of(options));
        DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(arguments.toArray(new String[0]));
        server.start();
        return server;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
