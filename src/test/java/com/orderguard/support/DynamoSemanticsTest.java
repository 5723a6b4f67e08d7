package com.orderguard.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.orderguard.adapter.dynamodb.TableSetup;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/** The conflict-faithful layer answers as real DynamoDB would, on the wire, to a plain SDK client without retries. */
class DynamoSemanticsTest {

    static final String TABLE = "semantics";
    static DynamoDBProxyServer server;
    static FaultProxy proxy;
    static DynamoDbClient client;

    @BeforeAll
    static void start() throws Exception {
        int port = DynamoDbLocalResource.freePort();
        server = ServerRunner.createServerFromCommandLineArgs(
                new String[] {"-inMemory", "-disableTelemetry", "-port", Integer.toString(port)});
        server.start();
        proxy = FaultProxy.start(URI.create("http://127.0.0.1:" + port));
        client = DynamoDbClient.builder().endpointOverride(proxy.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("t", "t")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
        TableSetup.ensureTable(client, TABLE);
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        proxy.close();
        server.stop();
    }

    @BeforeEach
    void reset() {
        proxy.semantics().use(DynamoSemantics.Settings.OFF);
    }

    @Test
    void overlappingWritesOnOneItem_conflictAsOnDynamoDb_andNothingElseDoes() throws Exception {
        proxy.semantics().use(new DynamoSemantics.Settings(true, 1000, 600, 8));
        CompletableFuture<Void> held = CompletableFuture.runAsync(() -> client.transactWriteItems(r -> r
                .transactItems(add("X", "a"))));
        Thread.sleep(200);
        assertThatThrownBy(() -> client.transactWriteItems(r -> r.transactItems(add("Y", "a"), add("X", "a"))))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> assertThat(e.cancellationReasons())
                        .extracting(CancellationReason::code).containsExactly("None", "TransactionConflict"));
        assertThatThrownBy(() -> client.putItem(r -> r.tableName(TABLE).item(key("X", "a"))))
                .isInstanceOf(TransactionConflictException.class);
        client.putItem(r -> r.tableName(TABLE).item(key("X", "b")));
        client.putItem(r -> r.tableName(TABLE).item(key("Z", "a")));
        held.get(5, TimeUnit.SECONDS);
        Thread.sleep(600);
        client.transactWriteItems(r -> r.transactItems(add("Y", "a"), add("X", "a")));
        assertThat(count("X", "a")).isEqualTo(2);
        assertThat(proxy.semantics().conflicts()).isEqualTo(2);
    }

    @Test
    void aRetriedTransaction_withItsClientRequestToken_isTheSameTransaction_notAConflict() {
        proxy.semantics().use(new DynamoSemantics.Settings(true, 1000, 600, 8));
        client.transactWriteItems(r -> r.clientRequestToken("retry-1").transactItems(add("T", "a")));
        // the answer was lost and the SDK sends it again at once: DynamoDB answers from the first attempt
        client.transactWriteItems(r -> r.clientRequestToken("retry-1").transactItems(add("T", "a")));
        assertThat(count("T", "a")).as("applied once").isEqualTo(1);
        assertThatThrownBy(() -> client.transactWriteItems(r -> r.clientRequestToken("other").transactItems(
                add("T", "a")))).isInstanceOf(TransactionCanceledException.class);
    }

    @Test
    void writesAboveAPartitionKeysRate_areThrottled_perKey() {
        proxy.semantics().use(new DynamoSemantics.Settings(false, 5, 0, 0));
        for (int i = 0; i < 5; i++) {
            String sk = "s" + i;
            client.putItem(r -> r.tableName(TABLE).item(key("HOT", sk)));
        }
        assertThatThrownBy(() -> client.putItem(r -> r.tableName(TABLE).item(key("HOT", "s5"))))
                .isInstanceOf(ProvisionedThroughputExceededException.class);
        assertThatThrownBy(() -> client.transactWriteItems(r -> r.transactItems(add("COLD", "a"), add("HOT", "a"))))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> assertThat(e.cancellationReasons())
                        .extracting(CancellationReason::code).containsExactly("None", "ThrottlingError"));
        client.putItem(r -> r.tableName(TABLE).item(key("COLD", "b")));
        assertThat(proxy.semantics().throttles()).isEqualTo(2);
        assertThat(proxy.semantics().attempts()).containsEntry("PutItem", 7L);
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
    }

    static TransactWriteItem add(String pk, String sk) {
        return TransactWriteItem.builder().update(u -> u.tableName(TABLE).key(key(pk, sk))
                .updateExpression("ADD #n :one").expressionAttributeNames(Map.of("#n", "n"))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))).build();
    }

    static long count(String pk, String sk) {
        AttributeValue n = client.getItem(r -> r.tableName(TABLE).key(key(pk, sk))).item().get("n");
        return n == null ? 0 : Long.parseLong(n.n());
    }

}
