package com.orderguard.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.orderguard.config.OrderGuardConfig;
import com.orderguard.domain.Marketplace;
import com.orderguard.domain.TenantId;
import com.orderguard.domain.health.ShopKey;
import com.orderguard.support.Profiles;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;

/**
 * A shop whose registration failed beside its order's committed transaction is registered by the shop's next order
 * write (the redelivered message finds its event recorded and writes nothing), and a registered shop costs no call.
 */
@QuarkusTest
@TestProfile(Profiles.Api.class)
class ShopRegistrationTest {

    @Inject
    DynamoDbClient dynamo;

    @Inject
    OrderGuardConfig config;

    @Inject
    ParallelReads parallel;

    @Test
    void aFailedRegistration_isMadeByTheShopsNextWrite_andARememberedShopCostsNoCall() {
        TenantId tenant = new TenantId("registration-" + System.nanoTime());
        ShopKey shop = new ShopKey(Marketplace.SHOPEE, "MY", "shop-r");
        AtomicInteger puts = new AtomicInteger();
        AtomicInteger failuresLeft = new AtomicInteger(1);
        ShopRegistry registry = new ShopRegistry(new PutOnly(dynamo, request -> {
            puts.incrementAndGet();
            if (failuresLeft.getAndDecrement() > 0) {
                throw SdkClientException.create("connection reset (injected)");
            }
        }), config);
        AtomicInteger transactions = new AtomicInteger();

        assertThatThrownBy(() -> OrderItems.write(transactions::incrementAndGet, tenant, shop, registry, parallel))
                .hasMessageContaining("injected");
        assertThat(transactions).as("the order's transaction ran").hasValue(1);
        assertThat(registered(tenant, shop)).as("registered after the failed put").isFalse();
        assertThat(registry.remembers(tenant, shop)).isFalse();

        OrderItems.write(transactions::incrementAndGet, tenant, shop, registry, parallel);
        assertThat(registered(tenant, shop)).as("registered by the shop's next write").isTrue();
        assertThat(registry.remembers(tenant, shop)).isTrue();

        OrderItems.write(transactions::incrementAndGet, tenant, shop, registry, parallel);
        assertThat(puts).as("puts: the failed one, the one that registered, none after").hasValue(2);
        assertThat(transactions).hasValue(3);
    }

    private boolean registered(TenantId tenant, ShopKey shop) {
        return dynamo.getItem(r -> r.tableName(config.tableName()).consistentRead(true).key(Map.of(TableLayout.PK,
                Attrs.s(InboxLayout.registryPk(tenant)), TableLayout.SK, Attrs.s(InboxLayout.registrySk(shop)))))
                .hasItem();
    }

    /** The real client, with a look at every PutItem before it goes out. */
    record PutOnly(DynamoDbClient real, Consumer<PutItemRequest> before) implements DynamoDbClient {

        @Override
        public PutItemResponse putItem(PutItemRequest request) {
            before.accept(request);
            return real.putItem(request);
        }

        @Override
        public String serviceName() {
            return real.serviceName();
        }

        @Override
        public void close() {
            // the real client belongs to the application
        }
    }
}
