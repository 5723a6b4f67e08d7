package com.orderguard.adapter.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.URI;
import java.util.Optional;

import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.Test;

import com.orderguard.support.Loopback;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Dev mode's DynamoDB Local answers on 127.0.0.1 and nowhere else. */
class EmbeddedDynamoDbTest {

    @Test
    void listensOnLoopbackOnly_andAnswersThere() throws Exception {
        int port = Loopback.freePort();
        Server server = EmbeddedDynamoDb.start(port, Optional.empty());
        try (DynamoDbClient client = DynamoDbClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + port))
                .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build()) {
            assertThat(client.listTables().tableNames()).isEmpty();
            Optional<InetAddress> external = Loopback.externalAddress();
            assumeTrue(external.isPresent(), "this machine has no address but loopback");
            assertThat(Loopback.accepts(external.get(), port)).as("DynamoDB Local on %s", external.get()).isFalse();
            assertThat(Loopback.accepts(InetAddress.getLoopbackAddress(), port)).isTrue();
        } finally {
            server.stop();
        }
    }
}
