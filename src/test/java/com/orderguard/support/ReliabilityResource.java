package com.orderguard.support;

import java.net.URI;
import java.util.Map;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * DynamoDB Local behind a {@link FaultProxy}: the application under test talks to DynamoDB through the proxy (and
 * so through whatever faults a test turns on), while tests look at the table directly ({@link LocalDynamo}).
 * Faults are off until a test turns them on; DynamoDB's conflict and throttling semantics are on for the large
 * adversarial run ({@code -Dreliability.scale=large}).
 */
public class ReliabilityResource implements QuarkusTestResourceLifecycleManager {

    private DynamoDBProxyServer server;
    private FaultProxy proxy;
    private LocalDynamo local;

    @Override
    public Map<String, String> start() {
        try {
            int port = DynamoDbLocalResource.freePort();
            server = ServerRunner.createServerFromCommandLineArgs(
                    new String[] {"-inMemory", "-sharedDb", "-disableTelemetry", "-port", Integer.toString(port)});
            server.start();
            String direct = "http://127.0.0.1:" + port;
            proxy = FaultProxy.start(URI.create(direct));
            if ("large".equals(System.getProperty("reliability.scale"))) {
                // the large adversarial run meets DynamoDB's conflicts and hot-key throttling throughout
                proxy.semantics().use(DynamoSemantics.Settings.realistic());
            }
            local = new LocalDynamo(DynamoDbLocalResource.client(direct), DynamoDbLocalResource.TABLE, direct);
            return Map.of(
                    "quarkus.dynamodb.endpoint-override", proxy.endpoint().toString(),
                    "quarkus.dynamodb.aws.region", "us-east-1",
                    "quarkus.dynamodb.aws.credentials.type", "static",
                    "quarkus.dynamodb.aws.credentials.static-provider.access-key-id", "test",
                    "quarkus.dynamodb.aws.credentials.static-provider.secret-access-key", "test",
                    "orderguard.table-name", DynamoDbLocalResource.TABLE,
                    "orderguard.create-table", "true");
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local or its fault proxy did not start", e);
        }
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(local, new TestInjector.MatchesType(LocalDynamo.class));
        injector.injectIntoFields(proxy, new TestInjector.MatchesType(FaultProxy.class));
    }

    @Override
    public void stop() {
        try {
            if (proxy != null) {
                proxy.close();
            }
            if (local != null) {
                local.client().close();
            }
            if (server != null) {
                server.stop();
            }
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local or its fault proxy did not stop", e);
        }
    }
}
