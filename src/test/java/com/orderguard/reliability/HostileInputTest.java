package com.orderguard.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderguard.adapter.lambda.http.ApiContract;
import com.orderguard.adapter.lambda.queue.InvalidMessageException;
import com.orderguard.adapter.lambda.queue.MessageHandler;
import com.orderguard.reliability.Hostile.Variant;
import com.orderguard.support.CallCounter;
import com.orderguard.support.Events;
import com.orderguard.support.LocalDynamo;
import com.orderguard.support.Profiles;
import com.orderguard.support.QuietAppLogs;
import com.orderguard.support.TableChanges;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Hostile input at every entry point: at least 100 inputs per family of API routes, 100 queue messages, 100
 * scheduler events (see {@link Hostile} for what they are). Every API input must get a 4xx problem+json that says
 * why; every message must fail alone with a reason naming the field; no input may write anything (no write call
 * reaches DynamoDB, and no item anywhere in the table changes: the table's stream has no record of the inputs'
 * time, see {@link TableChanges}, which costs the same however many items other tests left in the table); and the
 * functions keep answering. A scheduler
 * event is not a user's input and a schedule must never stop on its payload: a sweep event that cannot be read
 * fails the invocation with the reason, one that can is a plain tick (nothing is due here, so nothing is written)
 * whose run id is never a hostile string.
 */
@QuarkusTest
@TestProfile(Profiles.Reliability.class)
@ExtendWith(QuietAppLogs.class)
@Tag("reliability")
class HostileInputTest {

    static final String TENANT = "hostile";
    static final String ORDER = "shopee.MY.HOSTILE1";
    static final Set<String> WRITES = Set.of("TransactWriteItems", "PutItem", "UpdateItem", "DeleteItem",
            "BatchWriteItem");

    @Inject
    MessageHandler handler;

    @Inject
    ObjectMapper mapper;

    LocalDynamo dynamo;

    /** An API input: its family, label and the API Gateway event. */
    record ApiInput(String family, String label, String event) {
    }

    @BeforeEach
    void orderWithPendingRequests() {
        if (Invoker.api(ApiContract.GET_ORDER, Map.of("orderKey", ORDER), TENANT, null).status() == 200) {
            return;
        }
        assertThat(Invoker.api(ApiContract.PUT_ORDER, Map.of("orderKey", ORDER), TENANT,
                order("HOSTILE1").toString()).status()).isEqualTo(200);
        assertThat(Invoker.api(ApiContract.REQUEST_CANCELLATION, Map.of("orderKey", ORDER), TENANT,
                "{\"requestId\":\"pending-1\",\"initiator\":\"BUYER\",\"reason\":\"CHANGE_OF_MIND\"}").status())
                .isEqualTo(201);
        assertThat(Invoker.api(ApiContract.REQUEST_ADDRESS_CHANGE, Map.of("orderKey", ORDER), TENANT,
                "{\"requestId\":\"address-1\",\"initiator\":\"BUYER\"}").status()).isEqualTo(201);
    }

    static ObjectNode order(String orderId) {
        ObjectNode order = Events.JSON.createObjectNode();
        order.put("marketplace", "shopee").put("site", "MY").put("orderId", orderId).put("shopId", "shop-1")
                .put("fulfilment", "SELLER").put("status", "SHIPMENT_ARRANGED")
                .put("placedAt", Instant.now().minus(3, ChronoUnit.HOURS).toString())
                .put("paidAt", Instant.now().minus(2, ChronoUnit.HOURS).toString()).put("carrier", "SPX_EXPRESS")
                .put("trackingNumber", "TRK1").put("buyerId", "b-1");
        ObjectNode item = order.putArray("items").addObject();
        item.put("sku", "A-1").put("quantity", 2).put("unitPrice", "59.90").put("currency", "MYR");
        item.putArray("attributes").add("PRE_ORDER");
        return order;
    }

    @Test
    void everyHostileApiInput_getsAProblemWithAReason_andWritesNothing() {
        List<ApiInput> inputs = apiCorpus();
        Map<String, Integer> perFamily = new TreeMap<>();
        Map<String, List<String>> failures = new LinkedHashMap<>();
        TableChanges changes = TableChanges.mark(dynamo);
        for (ApiInput input : inputs) {
            Map<String, Long> calls = CallCounter.snapshot();
            Invoker.ApiResponse response = Invoker.api(input.event());
            long writes = WRITES.stream().mapToLong(op -> CallCounter.between(calls, CallCounter.snapshot(), op))
                    .sum();
            String problem = problem(response, writes);
            if (problem != null) {
                failures.computeIfAbsent(input.family(), f -> new ArrayList<>()).add(input.label() + ": " + problem);
            }
            perFamily.merge(input.family(), 1, Integer::sum);
        }
        perFamily.forEach((family, count) -> Ledger.add(Ledger.BAD_INPUT + "api " + family, count));
        Ledger.add(Ledger.VIOLATIONS, failures.values().stream().mapToInt(List::size).sum());
        System.out.println("bad input, api: " + perFamily);
        assertThat(failures).as("hostile API inputs not refused with a problem").isEmpty();
        assertThat(changes.keysSince()).as("items changed by %d hostile API inputs", inputs.size()).isEmpty();
        assertThat(perFamily.values()).as("inputs per family").allMatch(count -> count >= 100);
    }

    /** Why a response to a hostile input is wrong, or null when it is right. */
    static String problem(Invoker.ApiResponse response, long writes) {
        if (writes > 0) {
            return writes + " write calls, status " + response.status();
        }
        if (response.status() < 400 || response.status() >= 500) {
            return "status " + response.status() + ": " + clip(response.body());
        }
        if (!"application/problem+json".equals(response.contentType())) {
            return "content type " + response.contentType();
        }
        JsonNode body = response.json();
        if (body == null || body.path("detail").asText("").isBlank()) {
            return "no detail: " + clip(response.body());
        }
        if (response.status() == 400 && body.path("errors").isEmpty()) {
            return "400 without errors: " + clip(response.body());
        }
        return null;
    }

    static String clip(String text) {
        return text == null || text.length() < 300 ? text : text.substring(0, 300) + "...";
    }

    List<ApiInput> apiCorpus() {
        List<ApiInput> out = new ArrayList<>();
        Map<String, String> order = Map.of("orderKey", ORDER);
        ObjectNode put = order("HOSTILE1");
        routeInputs(out, "orders", ApiContract.PUT_ORDER, order, put,
                Set.of("status", "fulfilment", "items[0].attributes"), Set.of("status", "items[0].sku",
                        "items[0].quantity"), Set.of("orderId", "shopId", "carrier"),
                Set.of("buyerId", "trackingNumber", "items[0].sku"));
        routeInputs(out, "orders", ApiContract.GET_ORDER, order, null, Set.of(), Set.of(), Set.of(), Set.of());

        ObjectNode request = Events.JSON.createObjectNode().put("requestId", "r-1").put("initiator", "BUYER")
                .put("reason", "CHANGE_OF_MIND").put("via", "MESSAGE").put("note", "please");
        ObjectNode evaluation = Events.JSON.createObjectNode();
        evaluation.set("order", order("EVAL1"));
        evaluation.set("request", request.deepCopy());
        evaluation.putArray("metrics").addObject().put("metric", "shopee.nonFulfilmentRate").put("window", "P1W")
                .put("numerator", 1).put("denominator", 10);
        routeInputs(out, "cancellations", ApiContract.EVALUATE, Map.of(), evaluation,
                Set.of("order.status", "request.initiator", "request.reason", "request.via"),
                Set.of("order", "request", "order.status", "request.initiator", "request.reason",
                        "metrics[0].numerator"), Set.of("request.requestId", "order.orderId"),
                Set.of("request.note"));
        routeInputs(out, "cancellations", ApiContract.REQUEST_CANCELLATION, order, request,
                Set.of("initiator", "reason", "via"), Set.of("initiator", "reason"), Set.of("requestId"),
                Set.of("note"));
        routeInputs(out, "cancellations", ApiContract.RESOLVE_CANCELLATION, Map.of("orderKey", ORDER, "requestId",
                "pending-1"), Events.JSON.createObjectNode().put("resolution", "APPROVE").put("note", "ok"),
                Set.of("resolution"), Set.of("resolution"), Set.of(), Set.of("note"));

        ObjectNode hold = Events.JSON.createObjectNode().put("until", Instant.now().plus(2, ChronoUnit.DAYS)
                .toString()).put("note", "called the buyer");
        routeInputs(out, "holds", ApiContract.PUT_HOLD, order, hold, Set.of(), Set.of("until"), Set.of(),
                Set.of("note"));
        for (String until : new String[] {"2020-01-01T00:00:00Z", "2099-01-01T00:00:00Z", "tomorrow",
            "2026-13-01T00:00:00Z", "1e10", "2026-11-23", "2026-11-23T10:00:00", "+999999999-12-31T23:59:59Z"}) {
            out.add(api("holds", "until " + until, ApiContract.PUT_HOLD, order, TENANT,
                    Hostile.ascii(hold.deepCopy().put("until", until)), null));
        }
        routeInputs(out, "holds", ApiContract.DELETE_HOLD, order, null, Set.of(), Set.of(), Set.of(), Set.of());

        routeInputs(out, "shops, defects and policies", ApiContract.RECORD_DEFECT, order,
                Events.JSON.createObjectNode().put("defectId", "d-1").put("type", "CHARGEBACK")
                        .put("reportedAt", Instant.now().toString()), Set.of("type"), Set.of("defectId", "type"),
                Set.of("defectId"), Set.of());
        Map<String, String> shop = Map.of("marketplace", "shopee", "site", "MY", "shopId", "shop-1");
        routeInputs(out, "shops, defects and policies", ApiContract.SHOP_HEALTH, shop, null, Set.of(), Set.of(),
                Set.of(), Set.of());
        for (String at : new String[] {"yesterday", "", "2026-11-23", "1999-12-31T23:59:59Z", "2100-01-01T00:00:00Z",
            "2026-11-23T10:00:00", "\u0000", "2026-11-23T10:00:00Z\u200f", "x".repeat(5000), "1e400"}) {
            out.add(api("shops, defects and policies", "policies at '" + at.substring(0, Math.min(20, at.length()))
                    + "'", ApiContract.POLICIES, Map.of(), TENANT, null, Map.of("at", at)));
        }
        envelope(out, "shops, defects and policies", ApiContract.POLICIES, Map.of(), null);

        ObjectNode address = Events.JSON.createObjectNode().put("requestId", "a-2").put("initiator", "BUYER")
                .put("note", "new flat");
        routeInputs(out, "address changes", ApiContract.REQUEST_ADDRESS_CHANGE, order, address,
                Set.of("initiator"), Set.of("initiator"), Set.of("requestId"), Set.of("note"));
        routeInputs(out, "address changes", ApiContract.RESOLVE_ADDRESS_CHANGE, Map.of("orderKey", ORDER,
                "requestId", "address-1"), Events.JSON.createObjectNode().put("resolution", "APPROVE"),
                Set.of("resolution"), Set.of("resolution"), Set.of(), Set.of());

        // the list routes: two orders due to ship within the inbox's default 48 hours, so a page of one has a next
        // cursor to alter
        for (String id : List.of("HOSTILE2", "HOSTILE3")) {
            assertThat(Invoker.api(ApiContract.PUT_ORDER, Map.of("orderKey", "shopee.MY." + id), TENANT, order(id)
                    .put("status", "AWAITING_SHIPMENT").put("shipBy", Instant.now().plus(1, ChronoUnit.HOURS)
                            .toString()).toString()).status()).isEqualTo(200);
        }
        String cursor = Invoker.api(HostileInputTest.api("", "", ApiContract.ATTENTION, Map.of(), TENANT, null,
                Map.of("limit", "1")).event()).json().path("next").asText();
        assertThat(cursor).isNotEmpty();
        out.addAll(HostileListInputs.corpus(TENANT, cursor));
        envelope(out, "attention", ApiContract.ATTENTION, Map.of(), null);
        envelope(out, "order list", ApiContract.LIST_ORDERS, Map.of(), null);
        envelope(out, "shop list", ApiContract.SHOPS, Map.of(), null);
        return out;
    }

    /** The envelope, path and (for routes with a body) body variants of one route. */
    void routeInputs(List<ApiInput> out, String family, String route, Map<String, String> path, ObjectNode body,
            Set<String> enums, Set<String> required, Set<String> ids, Set<String> texts) {
        String valid = body == null ? null : Hostile.ascii(body);
        envelope(out, family, route, path, valid);
        for (String parameter : path.keySet()) {
            Map<String, String> bad = parameter.equals("orderKey") ? Hostile.BAD_KEYS : Hostile.BAD_IDS;
            bad.forEach((label, value) -> {
                Map<String, String> changed = new LinkedHashMap<>(path);
                changed.put(parameter, value);
                out.add(api(family, route + " " + parameter + " " + label, route, changed, TENANT, valid, null));
            });
        }
        if (body == null) {
            return;
        }
        List<Variant> variants = new ArrayList<>(Hostile.malformed());
        variants.addAll(Hostile.truncated(body, 8));
        variants.addAll(Hostile.notObjects());
        variants.addAll(Hostile.fields(body, enums, required, ids, texts));
        variants.addAll(Hostile.structural(body, body.fieldNames().next()));
        for (Variant variant : variants) {
            out.add(api(family, route + " " + variant.label(), route, path, TENANT, variant.text(), null));
        }
    }

    /** No tenant, invalid tenants, a body over 256 KiB, undecodable base64. */
    void envelope(List<ApiInput> out, String family, String route, Map<String, String> path, String valid) {
        out.add(api(family, route + " without a tenant", route, path, null, valid, null));
        for (Map.Entry<String, String> tenant : Map.of("empty", "", "NUL", "ten\u0000ant", "lone surrogate",
                "ten\ud800ant", "129 characters", "t".repeat(129), "blank", "  ", "newline", "ten\nant").entrySet()) {
            out.add(api(family, route + " tenant " + tenant.getKey(), route, path, tenant.getValue(), valid, null));
        }
        out.add(api(family, route + " body of 300 KiB", route, path, TENANT, "{\"note\":\"" + "x".repeat(300 * 1024)
                + "\"}", null));
        ObjectNode event = (ObjectNode) Events.parse(Events.api(route, path, TENANT, "%%%not base64%%%"));
        event.put("isBase64Encoded", true);
        out.add(new ApiInput(family, route + " undecodable base64", Hostile.ascii(event)));
    }

    static ApiInput api(String family, String label, String route, Map<String, String> path, String tenant,
            String body, Map<String, String> query) {
        ObjectNode event = (ObjectNode) Events.parse(Events.api(route, path, tenant == null ? "x" : tenant, body));
        if (tenant == null) {
            ((ObjectNode) event.get("requestContext")).remove("authorizer");
        } else {
            ((ObjectNode) event.at("/requestContext/authorizer/jwt/claims")).put("sub", tenant);
        }
        if (query != null) {
            ObjectNode parameters = event.putObject("queryStringParameters");
            query.forEach(parameters::put);
        }
        return new ApiInput(family, label, Hostile.ascii(event));
    }

    @Test
    void everyHostileMessage_failsAloneWithAReason_andWritesNothing() throws Exception {
        List<Variant> messages = messageCorpus();
        List<String> failures = new ArrayList<>();
        TableChanges changes = TableChanges.mark(dynamo);
        for (Variant message : messages) {
            Map<String, Long> calls = CallCounter.snapshot();
            boolean failed = Invoker.ingestFails(message.text());
            String reason = reason(message.text());
            long writes = WRITES.stream().mapToLong(op -> CallCounter.between(calls, CallCounter.snapshot(), op))
                    .sum();
            if (!failed || reason == null || writes > 0) {
                failures.add(message.label() + ": failed " + failed + ", reason " + reason + ", writes " + writes);
            }
        }
        Ledger.add(Ledger.BAD_INPUT + "ingest messages", messages.size());
        Ledger.add(Ledger.VIOLATIONS, failures.size());
        System.out.println("bad input, ingest: " + messages.size() + " messages");
        assertThat(failures).as("hostile messages not refused with a reason").isEmpty();
        assertThat(changes.keysSince()).as("items changed by %d hostile messages", messages.size()).isEmpty();
        assertThat(messages).hasSizeGreaterThanOrEqualTo(100);
    }

    /**
     * Why the message is refused, as the function sees it: the JSON parser's complaint (Funqy parses each record
     * with the application's object mapper), or the fields the reader names. Null when it was not refused.
     */
    String reason(String text) {
        JsonNode body;
        try {
            body = mapper.readTree(text);
        } catch (Exception e) {
            return "not JSON: " + e.getMessage();
        }
        try {
            handler.handle(body);
            return null;
        } catch (InvalidMessageException e) {
            return e.errors().isEmpty() ? null : e.getMessage();
        } catch (RuntimeException e) {
            return null;
        }
    }

    List<Variant> messageCorpus() throws Exception {
        String now = Instant.now().minus(1, ChronoUnit.MINUTES).toString();
        ObjectNode snapshot = Events.JSON.createObjectNode().put("eventId", "h-1").put("tenantId", TENANT)
                .put("type", "ORDER_SNAPSHOT").put("occurredAt", now);
        snapshot.set("order", order("ING1"));
        ObjectNode request = snapshot.deepCopy().put("eventId", "h-2").put("type", "CANCELLATION_REQUESTED");
        request.putObject("request").put("requestId", "r-2").put("initiator", "BUYER").put("reason", "OUT_OF_STOCK");
        ObjectNode payload = Events.JSON.createObjectNode().put("eventId", "h-3").put("tenantId", TENANT)
                .put("type", "MARKETPLACE_PAYLOAD").put("occurredAt", now).put("source", "shopee")
                .put("shopId", "shop-1");
        payload.set("payload", Events.JSON.readTree(Files.readString(Path.of(
                "src/test/resources/marketplace/shopee/ready-to-ship.json"))));
        List<Variant> out = new ArrayList<>(Hostile.malformed());
        out.addAll(Hostile.notObjects());
        for (ObjectNode base : List.of(snapshot, request, payload)) {
            out.addAll(Hostile.truncated(base, 6));
            out.addAll(Hostile.structural(base, "eventId"));
            out.add(new Variant("duplicate tenantId", "{\"tenantId\":\"victim\"," + Hostile.ascii(base)
                    .substring(1)));
        }
        out.addAll(Hostile.fields(snapshot, Set.of("type", "order.status", "order.fulfilment"),
                Set.of("eventId", "tenantId", "type", "occurredAt", "order", "order.status", "order.marketplace",
                        "order.site", "order.orderId", "order.items[0].sku", "order.items[0].quantity"),
                Set.of("order.orderId", "order.shopId", "order.carrier"),
                Set.of("eventId", "tenantId", "order.buyerId", "order.trackingNumber", "order.items[0].sku")));
        ObjectNode requestOnly = request.deepCopy();
        requestOnly.remove("order");
        for (Variant variant : Hostile.fields(requestOnly, Set.of("request.initiator", "request.reason"),
                Set.of("request.initiator", "request.reason"), Set.of("request.requestId"), Set.of())) {
            if (variant.label().startsWith("request")) {
                ObjectNode changed = (ObjectNode) Events.JSON.readTree(variant.text());
                changed.set("order", order("ING1"));
                out.add(new Variant(variant.label(), Hostile.ascii(changed)));
            }
        }
        out.add(new Variant("request in the future", Hostile.ascii(request.deepCopy().set("request",
                ((ObjectNode) request.get("request")).deepCopy().put("requestedAt", "2099-01-01T00:00:00Z")))));
        out.add(new Variant("request without order", Hostile.ascii(requestOnly)));
        for (String source : new String[] {"ebay", "SHOPEE", "", "shopee\u0000"}) {
            out.add(new Variant("source " + source, Hostile.ascii(payload.deepCopy().put("source", source))));
        }
        for (String junk : new String[] {"123", "\"payload\"", "[]", "true", "{}", "{\"order_sn\":5}"}) {
            out.add(new Variant("payload " + junk, Hostile.ascii(payload.deepCopy().set("payload",
                    Events.JSON.readTree(junk)))));
        }
        Hostile.BAD_IDS.forEach((label, id) -> out.add(new Variant("payload shopId with " + label,
                Hostile.ascii(payload.deepCopy().put("shopId", id)))));
        return out;
    }

    /**
     * An idempotency key used again for something else, at every door that takes one: the API's request id (the
     * key of a {@code PUT} snapshot) for another order and for other content of the same order, a request id with
     * other content, a defect id with another type, and a queue message's event id for another order (snapshot,
     * request, marketplace payload).
     * Each is a 409 problem or a failed message with the field named, never a 500, and the table does not change.
     */
    @Test
    void everyReusedIdempotencyKey_isRefused_andChangesNothing() throws Exception {
        String requestId = "reused-" + System.nanoTime();
        assertThat(Invoker.api(withRequestId(ApiContract.PUT_ORDER, "REUSE1", requestId, order("REUSE1")))
                .status()).isEqualTo(200);
        String now = Instant.now().minus(1, ChronoUnit.MINUTES).toString();
        ObjectNode request = Events.JSON.createObjectNode().put("requestId", "r-reuse").put("initiator", "BUYER")
                .put("reason", "OUT_OF_STOCK");
        ObjectNode requestMessage = ((ObjectNode) Events.parse(Events.snapshot("q-reuse-2", TENANT, now,
                order("QREUSE2")))).put("type", "CANCELLATION_REQUESTED");
        requestMessage.set("request", request);
        JsonNode payload = Events.JSON.readTree(Files.readString(Path.of(
                "src/test/resources/marketplace/shopee/ready-to-ship.json")));
        List<String> messages = List.of(Events.snapshot("q-reuse-1", TENANT, now, order("QREUSE1")),
                requestMessage.toString(), Events.marketplace("q-reuse-3", TENANT, now, "shopee", "shop-1", payload));
        for (String message : messages) {
            assertThat(Invoker.ingestFails(message)).as("first use of %s", message).isFalse();
        }
        assertThat(Invoker.api(ApiContract.RECORD_DEFECT, Map.of("orderKey", ORDER), TENANT,
                "{\"defectId\":\"defect-reuse\",\"type\":\"CHARGEBACK\"}").status()).isIn(200, 201);
        TableChanges changes = TableChanges.mark(dynamo);
        Map<String, Invoker.ApiResponse> api = new LinkedHashMap<>();
        api.put("PUT's request id for another order", Invoker.api(withRequestId(ApiContract.PUT_ORDER, "REUSE2",
                requestId, order("REUSE2"))));
        api.put("PUT's request id for other content", Invoker.api(withRequestId(ApiContract.PUT_ORDER, "REUSE1",
                requestId, order("REUSE1").put("trackingNumber", "OTHER"))));
        api.put("request id with another reason", Invoker.api(ApiContract.REQUEST_CANCELLATION, Map.of("orderKey",
                ORDER), TENANT, "{\"requestId\":\"pending-1\",\"initiator\":\"BUYER\",\"reason\":\"OTHER\"}"));
        api.put("address request id with another initiator", Invoker.api(ApiContract.REQUEST_ADDRESS_CHANGE,
                Map.of("orderKey", ORDER), TENANT, "{\"requestId\":\"address-1\",\"initiator\":\"SELLER\"}"));
        api.put("defect id with another type", Invoker.api(ApiContract.RECORD_DEFECT, Map.of("orderKey", ORDER),
                TENANT, "{\"defectId\":\"defect-reuse\",\"type\":\"A_TO_Z_CLAIM\"}"));
        api.forEach((label, response) -> assertThat(response.status()).as(label + ": " + response.body())
                .isEqualTo(409));
        api.forEach((label, response) -> assertThat(problem(response, 0)).as(label).isNull());
        ObjectNode otherPayload = (ObjectNode) payload.deepCopy();
        otherPayload.put("order_sn", "QREUSE9");
        List<String> reused = List.of(Events.snapshot("q-reuse-1", TENANT, now, order("QREUSE8")),
                ((ObjectNode) requestMessage.deepCopy().set("order", order("QREUSE7"))).toString(),
                Events.marketplace("q-reuse-3", TENANT, now, "shopee", "shop-1", otherPayload));
        for (String message : reused) {
            assertThat(Invoker.ingestFails(message)).as("reuse in %s", message).isTrue();
            assertThat(reason(message)).as("reason of %s", message).contains("eventId");
        }
        assertThat(changes.keysSince()).as("items changed by reused keys").isEmpty();
    }

    static String withRequestId(String route, String orderId, String requestId, ObjectNode order) {
        ObjectNode event = (ObjectNode) Events.parse(Events.api(route, Map.of("orderKey", "shopee.MY." + orderId),
                TENANT, order.toString()));
        ((ObjectNode) event.get("requestContext")).put("requestId", requestId);
        return event.toString();
    }

    @Test
    void everyHostileSchedulerEvent_isRefusedWithAReason_orIsAPlainTick() throws Exception {
        // nothing may be due, so that a tick writes nothing
        for (int run = 0; run < 20 && acted(Invoker.invoke("sweep", "{\"id\":\"drain\"}")) > 0; run++) {
            assertThat(run).isLessThan(19);
        }
        List<Variant> events = sweepCorpus();
        List<String> failures = new ArrayList<>();
        TableChanges changes = TableChanges.mark(dynamo);
        for (Variant event : events) {
            Map<String, Long> calls = CallCounter.snapshot();
            Invoker.Invocation invocation = Invoker.invoke("sweep", event.text());
            long writes = WRITES.stream().mapToLong(op -> CallCounter.between(calls, CallCounter.snapshot(), op))
                    .sum();
            String problem = invocation.status() != 200 ? "status " + invocation.status()
                    : writes > 0 ? writes + " writes"
                    : invocation.functionError() ? (invocation.json().path("errorMessage").asText("").isBlank()
                            ? "an error without a message" : null)
                    : !invocation.json().path("runId").asText("").matches("[A-Za-z0-9:_.-]{1,128}")
                            ? "run id " + clip(invocation.json().path("runId").asText()) : null;
            if (problem != null) {
                failures.add(event.label() + ": " + problem);
            }
        }
        Ledger.add(Ledger.BAD_INPUT + "sweep events", events.size());
        Ledger.add(Ledger.VIOLATIONS, failures.size());
        System.out.println("bad input, sweep: " + events.size() + " events");
        assertThat(failures).as("hostile scheduler events").isEmpty();
        assertThat(changes.keysSince()).as("items changed by %d scheduler events", events.size()).isEmpty();
        assertThat(events).hasSizeGreaterThanOrEqualTo(100);
    }

    static int acted(Invoker.Invocation invocation) {
        int acted = 0;
        for (JsonNode shard : invocation.json().path("shards")) {
            acted += shard.path("acted").asInt();
        }
        return acted;
    }

    static List<Variant> sweepCorpus() {
        ObjectNode event = Events.JSON.createObjectNode().put("id", "9f2c1d7e-0b1a-4c55-8f0e-1d2c3b4a5f60")
                .put("detail-type", "Scheduled Event").put("source", "aws.scheduler")
                .put("time", Instant.now().toString());
        Set<String> fields = Set.of("id", "detail-type", "source", "time");
        List<Variant> out = new ArrayList<>(Hostile.malformed());
        out.addAll(Hostile.notObjects());
        out.addAll(Hostile.truncated(event, 8));
        out.addAll(Hostile.fields(event, Set.of(), Set.of(), fields, fields));
        out.addAll(Hostile.structural(event, "id"));
        out.add(new Variant("body of 300 KiB", "{\"id\":\"" + "x".repeat(300 * 1024) + "\"}"));
        out.add(new Variant("id with a newline", Hostile.ascii(event.deepCopy().put("id", "run\nFAKE LOG LINE"))));
        return out;
    }
}
