package com.orderguard.adapter.dynamodb;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.orderguard.config.OrderGuardConfig;

import io.quarkus.runtime.StartupEvent;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * Creates the table at start-up when {@code orderguard.create-table} is set (local runs and tests). In AWS the
 * SAM template creates it, with the same layout.
 */
@ApplicationScoped
public class TableSetup {

    private static final Logger LOG = Logger.getLogger(TableSetup.class);

    void onStart(@Observes @Priority(20) StartupEvent event, OrderGuardConfig config, DynamoDbClient dynamo) {
        if (config.createTable()) {
            ensureTable(dynamo, config.tableName());
        }
    }

    /** Creates {@code table} unless it exists, then waits until it is active. */
    public static void ensureTable(DynamoDbClient dynamo, String table) {
        try {
            dynamo.describeTable(r -> r.tableName(table));
            return;
        } catch (ResourceNotFoundException missing) {
            LOG.infof("Creating DynamoDB table %s", table);
        }
        dynamo.createTable(TableLayout.createTableRequest(table));
        dynamo.waiter().waitUntilTableExists(r -> r.tableName(table));
        dynamo.updateTimeToLive(r -> r.tableName(table)
                .timeToLiveSpecification(t -> t.attributeName(TableLayout.TTL).enabled(true)));
    }
}
