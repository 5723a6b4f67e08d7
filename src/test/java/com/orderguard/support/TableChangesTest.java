package com.orderguard.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.orderguard.adapter.dynamodb.TableSetup;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The table's changes after a mark are exactly the writes after it, wherever in the table they land. */
class TableChangesTest {

    static final String TABLE = "changes";
    static DynamoDBProxyServer server;
    static LocalDynamo dynamo;

    @BeforeAll
    static void start() throws Exception {
        int port = DynamoDbLocalResource.freePort();
        server = DynamoDbLocalResource.startInMemory(port);
        String endpoint = "http://127.0.0.1:" + port;
        dynamo = new LocalDynamo(DynamoDbLocalResource.client(endpoint), TABLE, endpoint);
        TableSetup.ensureTable(dynamo.client(), TABLE);
    }

    @AfterAll
    static void stop() throws Exception {
        dynamo.client().close();
        server.stop();
    }

    static void put(String pk, String sk, String value) {
        dynamo.client().putItem(r -> r.tableName(TABLE).item(Map.of("pk", AttributeValue.fromS(pk), "sk",
                AttributeValue.fromS(sk), "value", AttributeValue.fromS(value))));
    }

    @Test
    void changes_areTheWritesAfterTheMark_andOnlyThose() {
        for (int i = 0; i < 300; i++) {
            put("T#earlier#O#" + i, "ORDER", "v" + i);
        }
        TableChanges changes = TableChanges.mark(dynamo);
        assertThat(changes.since()).as("nothing written since the mark").isEmpty();

        put("T#other#O#1", "ORDER", "new");
        put("T#earlier#O#7", "ORDER", "changed");
        dynamo.client().deleteItem(r -> r.tableName(TABLE).key(Map.of("pk", AttributeValue.fromS("T#earlier#O#8"),
                "sk", AttributeValue.fromS("ORDER"))));
        var seen = changes.since();
        assertThat(seen).extracting(TableChanges.Change::event, TableChanges.Change::key).containsExactly(
                tuple("INSERT", "T#other#O#1|ORDER"),
                tuple("MODIFY", "T#earlier#O#7|ORDER"),
                tuple("REMOVE", "T#earlier#O#8|ORDER"));
        assertThat(seen.get(1).image().get("value").s()).isEqualTo("changed");
        assertThat(changes.since()).as("each change is seen once").isEmpty();
    }

    @Test
    void aWriteThatChangesNothing_isNoChange() {
        put("T#same#O#1", "ORDER", "v");
        TableChanges changes = TableChanges.mark(dynamo);
        put("T#same#O#1", "ORDER", "v");
        assertThat(changes.keysSince()).isEmpty();
        put("T#same#O#1", "ORDER", "w");
        assertThat(changes.keysSince()).containsExactly("T#same#O#1|ORDER");
    }
}
