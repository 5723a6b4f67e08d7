package com.orderguard.adapter.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderguard.support.Events;
import com.orderguard.support.Profiles;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The Lambda Invoke API of a local run, called with a real HTTP client as the AWS CLI would: every function of the
 * artifact answers in one process, against the same DynamoDB Local.
 */
@QuarkusTest
@TestProfile(Profiles.Invoke.class)
class LocalInvokeServerTest {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    static HttpResponse<String> invoke(String function, String payload) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Profiles.Invoke.PORT
                + "/2015-03-31/functions/" + function + "/invocations"))
                .POST(HttpRequest.BodyPublishers.ofString(payload)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String event(String file) throws Exception {
        return Files.readString(Path.of("events", file));
    }

    @Test
    void allThreeFunctions_answerInOneProcess_onTheSameStore() throws Exception {
        HttpResponse<String> ingest = invoke("ingest", event("sqs-order-snapshots.json"));
        assertThat(ingest.statusCode()).isEqualTo(200);
        assertThat(Events.parse(ingest.body()).get("batchItemFailures").findValuesAsText("itemIdentifier"))
                .containsExactly("msg-3");

        HttpResponse<String> api = invoke("api", event("api-get-order.json"));
        JsonNode response = Events.parse(api.body());
        assertThat(response.get("statusCode").asInt()).isEqualTo(200);
        assertThat(Events.parse(response.get("body").asText()).at("/order/status").asText())
                .isEqualTo("AWAITING_SHIPMENT");
        assertThat(api.headers().firstValue("X-Amz-Executed-Version")).contains("$LATEST");

        HttpResponse<String> sweep = invoke("sweep", event("schedule.json"));
        assertThat(Events.parse(sweep.body()).get("runId").asText()).isEqualTo("local-sweep-1");
    }

    @Test
    void anUnknownFunction_is404_andAFunctionError_isReportedAsLambdaDoes() throws Exception {
        HttpResponse<String> unknown = invoke("reports", "{}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("x-amzn-ErrorType")).contains("ResourceNotFoundException");

        HttpResponse<String> broken = invoke("ingest", "{\"eventId\":\"x\"}");
        assertThat(broken.statusCode()).isEqualTo(200);
        assertThat(broken.headers().firstValue("X-Amz-Function-Error")).contains("Unhandled");
        assertThat(Events.parse(broken.body()).get("errorMessage").asText()).contains("tenantId");
    }
}
