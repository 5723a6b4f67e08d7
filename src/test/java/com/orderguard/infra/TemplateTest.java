package com.orderguard.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.orderguard.adapter.dynamodb.TableLayout;
import com.orderguard.adapter.lambda.http.ApiContract;
import com.orderguard.adapter.telemetry.EmfTelemetry;

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
    void architecture_isAParameterOfBothRuntimes_x86OrArm64() {
        JsonNode parameter = template.at("/Parameters/Architecture");
        assertThat(parameter.get("Default").asText()).isEqualTo("x86_64");
        assertThat(parameter.get("AllowedValues")).extracting(JsonNode::asText).containsExactly("x86_64", "arm64");
        assertThat(template.at("/Globals/Function/Architectures").toString()).isEqualTo("[\"Architecture\"]");
        for (String export : List.of("api", "ingest", "sweep")) {
            assertThat(function(export).at("/Properties/Architectures").isMissingNode()).as(export).isTrue();
        }
    }

    @Test
    void theJvmRuntime_publishesSnapStartVersionsBehindAnAlias_andTheNativeOneDoesNot() {
        JsonNode globals = template.at("/Globals/Function");
        assertThat(globals.get("AutoPublishAlias").asText()).isEqualTo("live");
        // short-form tags read as plain values: !If [IsNative, None, PublishedVersions]
        assertThat(globals.at("/SnapStart/ApplyOn")).extracting(JsonNode::asText)
                .containsExactly("IsNative", "None", "PublishedVersions");
        assertThat(template.at("/Conditions/IsNative").toString()).contains("Runtime", "native");
        assertThat(template.at("/Globals/Function/Runtime").toString()).contains("IsNative", "java21");
        assertThat(template.at("/Parameters/Runtime/AllowedValues")).extracting(JsonNode::asText)
                .containsExactly("native", "jvm");
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
        assertThat(table.get("GlobalSecondaryIndexes")).hasSameSizeAs(local.globalSecondaryIndexes());
        assertThat(table.get("GlobalSecondaryIndexes").get(0).get("IndexName").asText())
                .isEqualTo(TableLayout.DUE_INDEX);
        for (int i = 0; i < local.globalSecondaryIndexes().size(); i++) {
            JsonNode index = table.get("GlobalSecondaryIndexes").get(i);
            var expected = local.globalSecondaryIndexes().get(i);
            assertThat(index.get("IndexName").asText()).isEqualTo(expected.indexName());
            assertThat(keys(index.get("KeySchema"))).isEqualTo(expected.keySchema().stream()
                    .map(k -> k.attributeName() + ":" + k.keyTypeAsString()).toList());
            assertThat(index.at("/Projection/ProjectionType").asText())
                    .isEqualTo(expected.projection().projectionTypeAsString());
        }
        List<String> attributes = new ArrayList<>();
        table.get("AttributeDefinitions").forEach(a -> attributes.add(a.get("AttributeName").asText()));
        assertThat(attributes).containsExactlyInAnyOrderElementsOf(local.attributeDefinitions().stream()
                .map(a -> a.attributeName()).toList());
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

    /**
     * Every DynamoDB call the application makes (read from its sources; TableSetup only runs locally) is allowed to
     * every function: a missing action shows on AWS only, as AccessDenied. A transaction needs the actions of its
     * items, which are all among these.
     */
    @Test
    void eachFunction_mayMakeEveryDynamoDbCallTheCodeMakes() throws Exception {
        Set<String> actions = new TreeSet<>(List.of("dynamodb:PutItem", "dynamodb:UpdateItem",
                "dynamodb:ConditionCheckItem"));
        Pattern call = Pattern.compile("\\bdynamo\\.(\\w+)\\(");
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")
                    && !p.endsWith("TableSetup.java")).toList()) {
                Matcher matcher = call.matcher(Files.readString(source));
                while (matcher.find()) {
                    String method = matcher.group(1);
                    if (!method.startsWith("transact")) {
                        actions.add("dynamodb:" + Character.toUpperCase(method.charAt(0)) + method.substring(1));
                    }
                }
            }
        }
        assertThat(actions).contains("dynamodb:Query", "dynamodb:GetItem", "dynamodb:DeleteItem");
        for (String export : List.of("api", "ingest", "sweep")) {
            String policies = function(export).get("Properties").get("Policies").toString();
            for (String action : actions) {
                assertThat(policies).as("%s may call %s", export, action).contains(action);
            }
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
    void theConsole_isOnlyBehindItsParameter_privateBehindCloudFront_andSignsInWithCodeAndPkce() {
        assertThat(template.at("/Parameters/Console/Default").asText()).isEqualTo("false");
        List<String> console = List.of("ConsoleBucket", "ConsoleOriginAccessControl", "ConsoleDistribution",
                "ConsoleBucketPolicy", "ConsoleUserPoolClient", "ConsoleUserPoolDomain");
        for (String name : console) {
            assertThat(resources.at("/" + name + "/Condition").asText()).as(name).isEqualTo("HostConsole");
        }
        JsonNode block = resources.at("/ConsoleBucket/Properties/PublicAccessBlockConfiguration");
        assertThat(block.findValuesAsText("BlockPublicAcls")).containsExactly("true");
        assertThat(block.size()).isEqualTo(4);
        block.forEach(flag -> assertThat(flag.asBoolean()).isTrue());
        JsonNode statement = resources.at("/ConsoleBucketPolicy/Properties/PolicyDocument/Statement/0");
        assertThat(statement.at("/Principal/Service").asText()).isEqualTo("cloudfront.amazonaws.com");
        assertThat(statement.at("/Action").asText()).isEqualTo("s3:GetObject");
        assertThat(resources.at("/ConsoleDistribution/Properties/DistributionConfig/DefaultCacheBehavior"
                + "/ViewerProtocolPolicy").asText()).isEqualTo("redirect-to-https");

        JsonNode client = resources.at("/ConsoleUserPoolClient/Properties");
        assertThat(client.get("GenerateSecret").asBoolean()).isFalse();
        assertThat(client.get("AllowedOAuthFlows").toString()).isEqualTo("[\"code\"]");
        assertThat(client.get("CallbackURLs").get(0).asText()).contains("ConsoleDistribution.DomainName");
        JsonNode api = ofType("AWS::Serverless::HttpApi").values().iterator().next().get("Properties");
        assertThat(api.get("CorsConfiguration").toString()).contains("HostConsole", "authorization");
        assertThat(api.at("/Auth/Authorizers/OrderGuardJwt/JwtConfiguration/audience").toString())
                .contains("ConsoleUserPoolClient");
    }

    @Test
    void outputs_nameTheEndpointsAnOperatorNeeds() {
        assertThat(template.get("Outputs").fieldNames()).toIterable()
                .contains("HttpApiUrl", "EventsQueueUrl", "EventsDeadLetterQueueUrl", "TableName", "TableStreamArn",
                        "EventBusName");
    }

    /** A metric an alarm watches: namespace, name and dimensions (values as the template's references read). */
    record Watched(String namespace, String name, Map<String, String> dimensions) {
    }

    /** Every metric the alarm reads, whether it watches one metric or computes from several. */
    static List<Watched> watched(JsonNode alarm) {
        List<Watched> metrics = new ArrayList<>();
        JsonNode properties = alarm.get("Properties");
        if (properties.has("MetricName")) {
            metrics.add(metric(properties));
        }
        properties.path("Metrics").forEach(m -> {
            if (m.has("MetricStat")) {
                metrics.add(metric(m.at("/MetricStat/Metric")));
            }
        });
        return metrics;
    }

    static Watched metric(JsonNode metric) {
        Map<String, String> dimensions = new TreeMap<>();
        metric.path("Dimensions").forEach(d -> dimensions.put(d.get("Name").asText(), d.get("Value").asText()));
        return new Watched(metric.get("Namespace").asText(), metric.get("MetricName").asText(), dimensions);
    }

    /** The one alarm that watches this metric with exactly these dimensions. */
    static JsonNode alarmOn(String namespace, String name, Map<String, String> dimensions) {
        List<JsonNode> found = ofType("AWS::CloudWatch::Alarm").values().stream()
                .filter(a -> watched(a).contains(new Watched(namespace, name, new TreeMap<>(dimensions)))).toList();
        assertThat(found).as("an alarm on %s %s %s", namespace, name, dimensions).hasSize(1);
        return found.get(0).get("Properties");
    }

    @Test
    void everyAlarm_notifiesTheGivenTopic_orTheOneTheStackCreatesWhenNoneIsGiven() {
        assertThat(template.at("/Parameters/AlarmTopicArn/Default").asText()).isEmpty();
        assertThat(template.at("/Conditions/CreateAlarmTopic").toString()).contains("AlarmTopicArn");
        JsonNode topic = resources.get("AlarmTopic");
        assertThat(topic.get("Type").asText()).isEqualTo("AWS::SNS::Topic");
        assertThat(topic.get("Condition").asText()).isEqualTo("CreateAlarmTopic");
        assertThat(resources.at("/AlarmEmailSubscription/Properties/TopicArn").asText()).isEqualTo("AlarmTopic");

        Map<String, JsonNode> alarms = ofType("AWS::CloudWatch::Alarm");
        assertThat(alarms).hasSizeGreaterThanOrEqualTo(10);
        alarms.forEach((name, alarm) -> {
            // short-form tags read as plain values: !If [CreateAlarmTopic, !Ref AlarmTopic, !Ref AlarmTopicArn]
            assertThat(alarm.at("/Properties/AlarmActions").toString()).as(name)
                    .isEqualTo("[[\"CreateAlarmTopic\",\"AlarmTopic\",\"AlarmTopicArn\"]]");
            assertThat(alarm.at("/Properties/EvaluationPeriods").asInt()).as(name).isPositive();
            assertThat(alarm.at("/Properties/ComparisonOperator").asText()).as(name).isNotEmpty();
            assertThat(alarm.at("/Properties/TreatMissingData").asText()).as(name).isNotEmpty();
        });
        assertThat(template.at("/Outputs/AlarmTopicArn/Value").toString()).contains("AlarmTopic");
    }

    @Test
    void everyDeadLetterQueue_hasAnAlarmOnItsFirstMessage() {
        List<String> queues = List.of("EventsDeadLetterQueue", "SweepScheduleDeadLetterQueue",
                "OutboxDeadLetterQueue");
        for (String queue : queues) {
            JsonNode alarm = alarmOn("AWS/SQS", "ApproximateNumberOfMessagesVisible",
                    Map.of("QueueName", queue + ".QueueName"));
            assertThat(alarm.get("Threshold").asDouble()).isZero();
            assertThat(alarm.get("ComparisonOperator").asText()).isEqualTo("GreaterThanThreshold");
        }
        // and every dead-letter queue the template wires up is one of them
        assertThat(template.toString()).containsPattern("deadLetterTargetArn\":\"EventsDeadLetterQueue\\.Arn");
        assertThat(function("sweep").at("/Properties/Events/Schedule/Properties/DeadLetterConfig/Arn").asText())
                .isEqualTo("SweepScheduleDeadLetterQueue.Arn");
        assertThat(ofType("AWS::Pipes::Pipe").values().iterator().next()
                .at("/Properties/SourceParameters/DynamoDBStreamParameters/DeadLetterConfig/Arn").asText())
                .isEqualTo("OutboxDeadLetterQueue.Arn");
    }

    @Test
    void theSweep_pagesOnErrors_andOnLag_includingWhenItStopsReporting() {
        assertThat(alarmOn("AWS/Lambda", "Errors", Map.of("FunctionName", "SweepFunction")).get("Threshold")
                .asDouble()).isZero();
        // the code's EMF metric: namespace, name and the Function dimension set to the Lambda function's name
        JsonNode lag = alarmOn("OrderGuard", EmfTelemetry.SWEEP_LAG, Map.of(EmfTelemetry.FUNCTION, "SweepFunction"));
        assertThat(lag.get("Threshold").asText()).isEqualTo("SweepLagAlarmSeconds");
        assertThat(template.at("/Parameters/SweepLagAlarmSeconds/Default").asInt()).isPositive();
        assertThat(lag.get("Statistic").asText()).isEqualTo("Maximum");
        assertThat(lag.get("TreatMissingData").asText()).isEqualTo("breaching");
    }

    @Test
    void theApi_pagesOnItsShareOf5xx() {
        JsonNode resource = ofType("AWS::CloudWatch::Alarm").values().stream()
                .filter(a -> watched(a).contains(new Watched("AWS/ApiGateway", "5xx", Map.of("ApiId", "HttpApi"))))
                .findFirst().orElseThrow();
        assertThat(watched(resource)).contains(new Watched("AWS/ApiGateway", "Count", Map.of("ApiId", "HttpApi")));
        JsonNode alarm = resource.get("Properties");
        List<String> expressions = alarm.get("Metrics").findValuesAsText("Expression");
        assertThat(expressions).singleElement().asString().contains("errors / requests");
        assertThat(alarm.get("Threshold").asText()).isEqualTo("Api5xxAlarmPercent");
    }

    @Test
    void throttling_ofAnyFunction_orOfTheTable_pages() {
        for (String function : List.of("ApiFunction", "IngestFunction", "SweepFunction")) {
            assertThat(alarmOn("AWS/Lambda", "Throttles", Map.of("FunctionName", function)).get("Threshold")
                    .asDouble()).isZero();
        }
        alarmOn("AWS/DynamoDB", "ReadThrottleEvents", Map.of("TableName", "Table"));
        alarmOn("AWS/DynamoDB", "WriteThrottleEvents", Map.of("TableName", "Table"));
        alarmOn("AWS/DynamoDB", "WriteThrottleEvents", Map.of("TableName", "Table",
                "GlobalSecondaryIndexName", TableLayout.DUE_INDEX));
    }

    @Test
    void functionLogs_areText_soThatOurJsonAndEmfLinesReachCloudWatchAsWritten() {
        for (String export : List.of("api", "ingest", "sweep")) {
            assertThat(function(export).at("/Properties/LoggingConfig/LogFormat").asText()).isEqualTo("Text");
        }
    }

    static List<String> keys(JsonNode schema) {
        List<String> keys = new ArrayList<>();
        schema.forEach(k -> keys.add(k.get("AttributeName").asText() + ":" + k.get("KeyType").asText()));
        return keys;
    }
}
