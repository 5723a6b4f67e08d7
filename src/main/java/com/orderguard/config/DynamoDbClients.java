package com.orderguard.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * The DynamoDB client, built from the builder the Quarkus extension configured (endpoint, region, credentials,
 * HTTP client, interceptors) with our retry strategy on top. The extension has no retry setting, and the SDK's
 * {@code aws.maxAttempts} / {@code aws.retryMode} properties do not reach a client whose override configuration
 * the extension sets, so the strategy is set here, where it is sure to be the one in use (a test counts the
 * attempts on the wire). Producing the client replaces the extension's default one.
 */
@ApplicationScoped
public class DynamoDbClients {

    @Produces
    @Singleton
    DynamoDbClient dynamoDbClient(DynamoDbClientBuilder builder, OrderGuardConfig config) {
        ClientOverrideConfiguration current = builder.overrideConfiguration();
        ClientOverrideConfiguration.Builder override = current == null ? ClientOverrideConfiguration.builder()
                : current.toBuilder();
        return builder.overrideConfiguration(override.retryStrategy(retryStrategy(config.dynamodb())).build())
                .build();
    }

    void close(@Disposes DynamoDbClient client) {
        client.close();
    }

    /**
     * The SDK's standard strategy (it retries throttling, 5xx and I/O errors, never a cancelled transaction or a
     * failed condition) with our attempts and backoff. Its retry quota (a circuit breaker shared by all calls of
     * a client) is off: a Lambda container runs one invocation at a time, attempts are already bounded, and a
     * quota drained by one throttled burst would fail the calls that follow without trying them.
     */
    static RetryStrategy retryStrategy(OrderGuardConfig.Dynamo settings) {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(settings.maxAttempts())
                .backoffStrategy(BackoffStrategy.exponentialDelay(settings.baseDelay(), settings.maxBackoff()))
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(settings.throttlingBaseDelay(),
                        settings.maxBackoff()))
                .circuitBreakerEnabled(false)
                .build();
    }
}
