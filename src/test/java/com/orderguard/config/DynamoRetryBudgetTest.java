package com.orderguard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.orderguard.support.DynamoDbLocalResource;
import com.orderguard.support.DynamoSemantics;
import com.orderguard.support.FaultProxy;
import com.orderguard.support.Profiles;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The retry budget in configuration is the one the application's DynamoDB client really uses: counted on the wire
 * (the fault proxy sees every attempt), not read back from the configuration.
 */
@QuarkusTest
@TestProfile(Profiles.Reliability.class)
class DynamoRetryBudgetTest {

    private static final Map<String, AttributeValue> KEY = Map.of("pk", AttributeValue.fromS("T#retry#O#x"),
            "sk", AttributeValue.fromS("ORDER"));

    @Inject
    DynamoDbClient dynamo;

    @Inject
    OrderGuardConfig config;

    FaultProxy proxy;

    @AfterEach
    void faultsOff() {
        proxy.off();
        proxy.semantics().use(DynamoSemantics.Settings.OFF);
    }

    @Test
    void aThrottledCall_isTriedExactlyMaxAttemptsTimes() {
        assertThat(config.dynamodb().maxAttempts()).isEqualTo(4);
        proxy.faults(7, 1.0, 0, EnumSet.of(FaultProxy.Fault.THROTTLE), Set.of("GetItem"));
        long before = proxy.requests();
        assertThatThrownBy(() -> dynamo.getItem(r -> r.tableName(DynamoDbLocalResource.TABLE).key(KEY)))
                .isInstanceOf(DynamoDbException.class).hasMessageContaining("injected");
        assertThat(proxy.requests() - before).isEqualTo(config.dynamodb().maxAttempts());
    }

    @Test
    void aCallMeetingServerErrors_isTriedExactlyMaxAttemptsTimes_andOneThatRecoversSucceeds() {
        proxy.faults(7, 1.0, 0, EnumSet.of(FaultProxy.Fault.SERVER_ERROR), Set.of("GetItem"));
        long before = proxy.requests();
        assertThatThrownBy(() -> dynamo.getItem(r -> r.tableName(DynamoDbLocalResource.TABLE).key(KEY)))
                .isInstanceOf(DynamoDbException.class);
        assertThat(proxy.requests() - before).isEqualTo(4);
        proxy.off();
        assertThat(dynamo.getItem(r -> r.tableName(DynamoDbLocalResource.TABLE).key(KEY)).hasItem()).isFalse();
    }

    @Test
    void aCancelledTransaction_isNotRetriedByTheSdk_theApplicationDecides() {
        // one write unit a second: a transactional write (two units) is always cancelled with ThrottlingError
        proxy.semantics().use(new DynamoSemantics.Settings(false, 1, 0, 0));
        assertThatThrownBy(() -> dynamo.transactWriteItems(r -> r.transactItems(t -> t.put(p -> p
                .tableName(DynamoDbLocalResource.TABLE).item(Map.of("pk", AttributeValue.fromS("T#retry#O#y"),
                        "sk", AttributeValue.fromS("ORDER")))))))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> assertThat(e.cancellationReasons())
                        .extracting(reason -> reason.code()).containsExactly("ThrottlingError"));
        assertThat(proxy.semantics().attempts()).containsEntry("TransactWriteItems", 1L);
    }
}
