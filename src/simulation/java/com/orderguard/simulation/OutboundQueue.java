package com.orderguard.simulation;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

import com.orderguard.support.LocalDynamo;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * The local stand-in for the stack's outbox pipe: it reads the table's stream from DynamoDB Local, keeps the new
 * OUTBOX items, and sends each event's detail to a queue of an ElasticMQ server on loopback (a real SQS API), where
 * the simulation counts what a consumer of the event bus would have received.
 */
final class OutboundQueue implements AutoCloseable {

    private final SQSRestServer server;
    private final SqsClient sqs;
    private final DynamoDbStreamsClient streams;
    private final LocalDynamo dynamo;
    private final String queueUrl;
    private final Map<String, String> iterators = new HashMap<>();
    private long forwarded;

    OutboundQueue(LocalDynamo dynamo, int port) {
        this.dynamo = dynamo;
        this.server = SQSRestServerBuilder.withPort(port).withInterface("127.0.0.1").start();
        server.waitUntilStarted();
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        this.sqs = SqsClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + port))
                .region(Region.US_EAST_1).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create()).build();
        this.streams = DynamoDbStreamsClient.builder().endpointOverride(URI.create(dynamo.endpoint()))
                .region(Region.US_EAST_1).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create()).build();
        this.queueUrl = sqs.createQueue(r -> r.queueName("orderguard-outbound")).queueUrl();
    }

    /** Forwards the OUTBOX items written since the last call; returns how many. */
    long forward() {
        String stream = dynamo.client().describeTable(r -> r.tableName(dynamo.table())).table().latestStreamArn();
        long before = forwarded;
        List<Shard> shards = streams.describeStream(r -> r.streamArn(stream)).streamDescription().shards();
        for (Shard shard : shards) {
            String iterator = iterators.computeIfAbsent(shard.shardId(), id -> streams.getShardIterator(r -> r
                    .streamArn(stream).shardId(id).shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator());
            while (iterator != null) {
                String current = iterator;
                var page = streams.getRecords(r -> r.shardIterator(current).limit(1000));
                page.records().forEach(this::send);
                iterator = page.records().isEmpty() ? page.nextShardIterator() : page.nextShardIterator();
                iterators.put(shard.shardId(), iterator);
                if (page.records().isEmpty()) {
                    break;
                }
            }
        }
        return forwarded - before;
    }

    private void send(Record record) {
        Map<String, AttributeValue> image = record.dynamodb().newImage();
        if (!"INSERT".equals(record.eventNameAsString()) || image == null || !image.containsKey("type")
                || !"OUTBOX".equals(image.get("type").s())) {
            return;
        }
        sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(image.get("detail").s()).messageAttributes(Map.of(
                "eventType", MessageAttributeValue.builder().dataType("String")
                        .stringValue(image.get("eventType").s()).build())));
        forwarded++;
    }

    /** Receives everything on the queue, as a consumer would, and counts it by event type. */
    Map<String, Long> drain() {
        Map<String, Long> counts = new TreeMap<>();
        while (true) {
            List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .messageAttributeNames("eventType").waitTimeSeconds(0)).messages();
            if (messages.isEmpty()) {
                return counts;
            }
            for (Message message : messages) {
                counts.merge(message.messageAttributes().get("eventType").stringValue(), 1L, Long::sum);
                sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
        }
    }

    @Override
    public void close() {
        sqs.close();
        streams.close();
        server.stopAndWait();
    }
}
