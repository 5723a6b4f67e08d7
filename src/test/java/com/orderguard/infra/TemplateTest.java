package com.orderguard.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.orderguard.adapter.dynamodb.TableLayout;
import com.orderguard.adapter.lambda.http.ApiContract;

import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

/** Reads infra/template.yaml and checks what the deployment promises. Short-form tags read as plain values. */
class TemplateTest {

    static JsonNode resources;
    static JsonNode template;

    @BeforeAll
    static void read() throws Exception {
        template = new ObjectMapper(new YAMLFactory()).readTree(new File("infra/template.yaml"));
        resources = template.get("Resources");
    }

    static Map<String, JsonNode> ofType(String type) {
        Map<String, JsonNode> found = new TreeMap<>();
        resources.fields().forEachRemaining(e -> {
            if (type.equals(e.getValue().path("Type").asText())) {
                found.put(e.getKey(), e.getValue());
            }
        });
        return found;
    }

    static JsonNode function(String export) {
        return ofType("AWS::Serverless::Function").values().stream()
                .filter(f -> export.equals(f.at("/Properties/Environment/Variables/QUARKUS_FUNQY_EXPORT").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no function exports " + export));
    }

    @Test
    void threeFunctions_fromOneFunctionZip_oneExportEach() {
        assertThat(ofType("AWS::Serverless::Function")).hasSize(3);
        assertThat(template.at("/Globals/Function/CodeUri").asText()).isEqualTo("../target/function.zip");
        for (String export : List.of("api", "ingest", "sweep")) {
            assertThat(function(export).at("/Properties/CodeUri").isMissingNode()).isTrue();
        }
        assertThat(template.at("/Globals/Function/Runtime").toString()).contains("provided.al2023", "java21");
    }

    @Test
    void httpApi_hasAJwtAuthorizer_andExactlyTheContractsRoutes() {
        JsonNode api = ofType("AWS::Serverless::HttpApi").values().iterator().next();
        String authorizer = api.at("/Properties/Auth/DefaultAuthorizer").asText();
        assertThat(api.at("/Properties/Auth/Authorizers/" + authorizer + "/JwtConfiguration/issuer").isMissingNode())
                .isFalse();
        List<String> routes = new ArrayList<>();
        function("api").at("/Properties/Events").forEach(event -> {
            assertThat(event.get("Type").asText()).isEqualTo("HttpApi");
            routes.add(event.at("/Properties/Method").asText() + " " + event.at("/Properties/Path").asText());
        });
        assertThat(routes).containsExactlyInAnyOrderElementsOf(ApiContract.ROUTES);
    }

    @Test
    void queue_hasADeadLetterQueue_andAVisibilityTimeoutOfAtLeastSixTimesTheIngestTimeout() {
        JsonNode queue = resources.get("EventsQueue").get("Properties");
        int maxReceive = queue.at("/RedrivePolicy/maxReceiveCount").asInt();
        assertThat(maxReceive).isBetween(2, 10);
        assertThat(queue.at("/RedrivePolicy/deadLetterTargetArn").asText()).isEqualTo("EventsDeadLetterQueue.Arn");
        int ingestTimeout = function("ingest").at("/Properties/Timeout").asInt();
        assertThat(queue.get("VisibilityTimeout").asInt()).isGreaterThanOrEqualTo(6 * ingestTimeout);
        JsonNode sqs = function("ingest").at("/Properties/Events/Queue");
        assertThat(sqs.get("Type").asText()).isEqualTo("SQS");
        assertThat(sqs.at("/Properties/FunctionResponseTypes").toString()).contains("ReportBatchItemFailures");
    }

    @Test
    void sweep_runsOnASchedule_withRetriesAndItsOwnDeadLetterQueue() {
        JsonNode schedule = function("sweep").at("/Properties/Events/Schedule");
        assertThat(schedule.get("Type").asText()).isEqualTo("ScheduleV2");
        assertThat(schedule.at("/Properties/RetryPolicy/MaximumRetryAttempts").asInt()).isPositive();
        assertThat(schedule.at("/Properties/DeadLetterConfig/Arn").asText())
                .isEqualTo("SweepScheduleDeadLetterQueue.Arn");
        assertThat(function("sweep").at("/Properties/Timeout").asInt()).isGreaterThan(45);
    }

    @Test
    void table_isOnDemand_withPitrTtlAndStream_andMatchesTheLayoutTheCodeUses() {
        JsonNode table = resources.get("Table").get("Properties");
        assertThat(table.get("BillingMode").asText()).isEqualTo("PAY_PER_REQUEST");
        assertThat(table.at("/PointInTimeRecoverySpecification/PointInTimeRecoveryEnabled").asBoolean()).isTrue();
        assertThat(table.at("/TimeToLiveSpecification/AttributeName").asText()).isEqualTo(TableLayout.TTL);
        assertThat(table.at("/StreamSpecification/StreamViewType").asText()).isNotEmpty();

        CreateTableRequest local = TableLayout.createTableRequest("t");
        assertThat(keys(table.get("KeySchema"))).isEqualTo(local.keySchema().stream()
                .map(k -> k.attributeName() + ":" + k.keyTypeAsString()).toList());
        JsonNode index = table.get("GlobalSecondaryIndexes").get(0);
        assertThat(index.get("IndexName").asText()).isEqualTo(TableLayout.DUE_INDEX);
        assertThat(keys(index.get("KeySchema"))).isEqualTo(local.globalSecondaryIndexes().get(0).keySchema().stream()
                .map(k -> k.attributeName() + ":" + k.keyTypeAsString()).toList());
        assertThat(index.at("/Projection/ProjectionType").asText()).isEqualTo("ALL");
    }

    @Test
    void eachFunction_hasLeastPrivilegeTableAccess_andALogGroupWithRetention() {
        for (String export : List.of("api", "ingest", "sweep")) {
            JsonNode properties = function(export).get("Properties");
            String policies = properties.get("Policies").toString();
            assertThat(policies).doesNotContain("dynamodb:*", "DeleteTable", "Scan", "FullAccess", "CrudPolicy");
            assertThat(policies).contains("Table.Arn");
            String logGroup = properties.at("/LoggingConfig/LogGroup").asText();
            assertThat(resources.get(logGroup).at("/Properties/RetentionInDays").asText()).isNotEmpty();
        }
    }

    @Test
    void outboxItems_areForwardedFromTheStreamToTheEventBus() {
        JsonNode pipe = ofType("AWS::Pipes::Pipe").values().iterator().next().get("Properties");
        assertThat(pipe.get("Source").asText()).isEqualTo("Table.StreamArn");
        assertThat(pipe.at("/SourceParameters/FilterCriteria/Filters/0/Pattern").asText())
                .contains("\"type\":{\"S\":[\"OUTBOX\"]}");
        assertThat(pipe.get("Target").asText()).isEqualTo("EventBus.Arn");
        assertThat(pipe.at("/SourceParameters/DynamoDBStreamParameters/DeadLetterConfig/Arn").asText()).isNotEmpty();
    }

    @Test
    void outputs_nameTheEndpointsAnOperatorNeeds() {
        assertThat(template.get("Outputs").fieldNames()).toIterable()
                .contains("HttpApiUrl", "EventsQueueUrl", "EventsDeadLetterQueueUrl", "TableName", "TableStreamArn",
                        "EventBusName");
    }

    static List<String> keys(JsonNode schema) {
        List<String> keys = new ArrayList<>();
        schema.forEach(k -> keys.add(k.get("AttributeName").asText() + ":" + k.get("KeyType").asText()));
        return keys;
    }
}
