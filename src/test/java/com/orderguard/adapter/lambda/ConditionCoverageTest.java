package com.orderguard.adapter.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderguard.domain.decision.Condition;
import com.orderguard.domain.decision.PolicyCatalog;
import com.orderguard.domain.decision.PolicyPack;
import com.orderguard.domain.decision.RequestType;
import com.orderguard.domain.decision.Rule;
import com.orderguard.support.Events;
import com.orderguard.support.Orders;
import com.orderguard.support.Profiles;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Every condition a shipped pack uses is fed by the use case that decides with it. For each condition field in use
 * (per request type, read from the loaded packs), a scenario drives the {@code api} function against DynamoDB Local
 * into a state where that condition holds, and the rule that tests it shows in the recorded decision. A condition
 * field that a pack starts to use without such a scenario fails {@link #everyConditionFieldInUse_hasAScenario()}.
 */
@QuarkusTest
@TestProfile(Profiles.Api.class)
class ConditionCoverageTest {

    @Inject
    PolicyCatalog catalog;

    /** A request as the scenario recorded it: read back from the order view. */
    record Recorded(String tenant, String orderKey, String requestId) {
    }

    /**
     * A state in which each listed rule's listed condition fields hold: {@code drive} brings a fresh tenant there
     * and returns the request whose recorded decision must cite the rules.
     */
    record Scenario(String name, RequestType type, Map<String, Set<String>> fields, Function<String, Recorded> drive) {
    }

    static final List<Scenario> SCENARIOS = List.of(
            new Scenario("a second seller cancellation within 30 days on Amazon DE", RequestType.CANCELLATION,
                    Map.of("amazon.eu.second-seller-cancellation-in-30-days",
                            Set.of("initiator", "status", "reasonNot", "priorSellerCancellations"),
                            "amazon.eu.reason-code-no-inventory", Set.of("reason")),
                    ConditionCoverageTest::secondSellerCancellation),
            new Scenario("a buyer cancels an FBA order on Amazon DE ten minutes after placing it",
                    RequestType.CANCELLATION,
                    Map.of("amazon.eu.buyer-cancel-within-30-minutes", Set.of("via", "requestedWithinOfPlacement"),
                            "amazon.eu.fulfilled-by-amazon", Set.of("fulfilment")),
                    ConditionCoverageTest::earlyBuyerCancellationOfAnFbaOrder),
            new Scenario("a seller cancels before the ship-by date on Amazon IN", RequestType.CANCELLATION,
                    Map.of("amazon.in.cancellation-fee-before-ship-date", Set.of("beforeShipBy")),
                    ConditionCoverageTest::sellerCancellationBeforeShipBy),
            new Scenario("a buyer asks late to cancel a pre-order on Shopee MY", RequestType.CANCELLATION,
                    Map.of("shopee.my.pre-order-late-request",
                            Set.of("anyItemAttribute", "requestedLaterThanPlacement")),
                    ConditionCoverageTest::latePreOrderRequest),
            new Scenario("a buyer asks twice on one arranged order on Shopee MY", RequestType.CANCELLATION,
                    Map.of("shopee.my.one-request-per-order", Set.of("priorOrderRequests")),
                    ConditionCoverageTest::secondRequestOnOneOrder),
            new Scenario("a buyer asks to cancel in transit with SPX on Shopee MY", RequestType.CANCELLATION,
                    Map.of("shopee.my.in-transit-spx-instant", Set.of("carrier")),
                    tenant -> inTransitRequest(tenant, "SPX_EXPRESS", "b-" + tenant)),
            new Scenario("a buyer asks to cancel in transit with another carrier on Shopee MY",
                    RequestType.CANCELLATION,
                    Map.of("shopee.my.in-transit-not-spx", Set.of("carrierNot")),
                    tenant -> inTransitRequest(tenant, "J_AND_T", "b-" + tenant)),
            new Scenario("a buyer asks to cancel an order the seller ships itself on TikTok Shop ID",
                    RequestType.CANCELLATION,
                    Map.of("tiktok.id.buyer-request-shipped-by-seller", Set.of("deliveryScheme")),
                    ConditionCoverageTest::requestOnAnOrderShippedBySeller),
            new Scenario("a buyer's sixth in-transit return within 30 days on Shopee MY", RequestType.CANCELLATION,
                    Map.of("shopee.my.in-transit-buyer-limit", Set.of("priorBuyerRequests")),
                    ConditionCoverageTest::sixthInTransitReturnOfOneBuyer),
            new Scenario("an address change in transit with SPX on Shopee MY", RequestType.ADDRESS_CHANGE,
                    Map.of("shopee.my.address-in-transit-spx-cancel-and-reorder",
                            Set.of("status", "carrier", "noItemAttribute")),
                    ConditionCoverageTest::addressChangeInTransit));

    static Stream<String> scenarios() {
        return SCENARIOS.stream().map(Scenario::name);
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void inEachScenario_theRulesTestingTheCondition_fireInTheRecordedDecision(String name) {
        Scenario scenario = SCENARIOS.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
        Recorded recorded = scenario.drive().apply("cond-" + UUID.randomUUID());

        JsonNode decision = recordedDecision(recorded, scenario.type());
        assertThat(decision.get("rules").findValuesAsText("id")).as(name)
                .containsAll(scenario.fields().keySet());
    }

    @Test
    void everyConditionFieldInUse_hasAScenario() {
        Set<String> covered = new TreeSet<>();
        for (Scenario scenario : SCENARIOS) {
            scenario.fields().forEach((rule, fields) -> fields.forEach(field -> {
                assertThat(rulesCalled(scenario.type(), rule)).as("%s in %s", rule, scenario.name()).isNotEmpty()
                        .anyMatch(r -> used(r.when()).contains(field));
                covered.add(scenario.type() + " " + field);
            }));
        }
        Set<String> inUse = new TreeSet<>();
        for (PolicyPack pack : catalog.packs()) {
            for (RequestType type : RequestType.values()) {
                pack.rules(type).forEach(rule -> used(rule.when()).forEach(field -> inUse.add(type + " " + field)));
            }
        }
        assertThat(inUse).as("condition fields the loaded packs use").isNotEmpty();
        assertThat(covered).as("condition fields with a scenario that shows them fed").containsAll(inUse);
    }

    @Test
    void theFirstSellerCancellation_doesNotFireTheSecondCancellationRule() {
        String tenant = "cond-" + UUID.randomUUID();
        String key = storeOrder(tenant, amazon("DE", "AWAITING_SHIPMENT", "SELLER", Instant.now()));
        JsonNode first = CancellationApiTest.body(CancellationApiTest.request(tenant, key, sellerCancellation("s-1")));
        assertThat(first.get("rules").findValuesAsText("id"))
                .doesNotContain("amazon.eu.second-seller-cancellation-in-30-days");
    }

    /** The condition fields a condition sets: those that differ from the always-true condition. */
    static Set<String> used(Condition condition) {
        Set<String> fields = new TreeSet<>();
        for (RecordComponent component : Condition.class.getRecordComponents()) {
            try {
                Object value = component.getAccessor().invoke(condition);
                if (!Objects.equals(value, component.getAccessor().invoke(Condition.ALWAYS))) {
                    fields.add(component.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return fields;
    }

    List<Rule> rulesCalled(RequestType type, String id) {
        List<Rule> rules = new ArrayList<>();
        catalog.packs().forEach(pack -> pack.rules(type).stream().filter(r -> r.id().equals(id)).forEach(rules::add));
        return rules;
    }

    static JsonNode recordedDecision(Recorded recorded, RequestType type) {
        JsonNode view = CancellationApiTest.body(CancellationApiTest.call("GET /v1/orders/{orderKey}",
                Map.of("orderKey", recorded.orderKey()), recorded.tenant(), null));
        String list = type == RequestType.ADDRESS_CHANGE ? "addressChangeRequests" : "cancellationRequests";
        for (JsonNode request : view.get(list)) {
            if (request.get("requestId").asText().equals(recorded.requestId())) {
                return request.get("decision") != null ? request.get("decision") : request;
            }
        }
        throw new AssertionError("request " + recorded.requestId() + " is not recorded on " + recorded.orderKey()
                + ": " + view);
    }

    // --- the scenarios ---

    static Recorded secondSellerCancellation(String tenant) {
        Instant now = Instant.now();
        String first = storeOrder(tenant, amazon("DE", "AWAITING_SHIPMENT", "SELLER", now));
        accepted(CancellationApiTest.request(tenant, first, sellerCancellation("s-1")));
        String second = storeOrder(tenant, amazon("DE", "AWAITING_SHIPMENT", "SELLER", now));
        accepted(CancellationApiTest.request(tenant, second, sellerCancellation("s-2")));
        return recorded(tenant, second, "s-2");
    }

    static Recorded earlyBuyerCancellationOfAnFbaOrder(String tenant) {
        String key = storeOrder(tenant, amazon("DE", "AWAITING_SHIPMENT", "PLATFORM",
                Instant.now().minus(10, ChronoUnit.MINUTES)));
        accepted(CancellationApiTest.request(tenant, key,
                "{\"requestId\":\"b-1\",\"initiator\":\"BUYER\",\"reason\":\"CHANGE_OF_MIND\","
                        + "\"via\":\"PLATFORM_REQUEST\"}"));
        return recorded(tenant, key, "b-1");
    }

    static Recorded sellerCancellationBeforeShipBy(String tenant) {
        String key = storeOrder(tenant, amazon("IN", "AWAITING_SHIPMENT", "SELLER", Instant.now()));
        accepted(CancellationApiTest.request(tenant, key, sellerCancellation("s-1")));
        return recorded(tenant, key, "s-1");
    }

    static Recorded latePreOrderRequest(String tenant) {
        ObjectNode order = shopee("AWAITING_SHIPMENT", "SPX_EXPRESS", "b-" + tenant,
                Instant.now().minus(2, ChronoUnit.HOURS));
        ((ObjectNode) order.get("items").get(0)).putArray("attributes").add("PRE_ORDER");
        String key = storeOrder(tenant, order);
        accepted(CancellationApiTest.request(tenant, key, buyerRequest("b-1")));
        return recorded(tenant, key, "b-1");
    }

    static Recorded requestOnAnOrderShippedBySeller(String tenant) {
        ObjectNode order = shopee("AWAITING_SHIPMENT", "J_AND_T", "b-" + tenant, Instant.now().minus(1,
                ChronoUnit.HOURS)).put("marketplace", "tiktok").put("site", "ID").put("deliveryScheme", "SELLER");
        String key = storeOrder(tenant, order);
        accepted(CancellationApiTest.request(tenant, key, buyerRequest("b-1")));
        return recorded(tenant, key, "b-1");
    }

    static Recorded secondRequestOnOneOrder(String tenant) {
        String key = storeOrder(tenant, shopee("SHIPMENT_ARRANGED", "SPX_EXPRESS", "b-" + tenant,
                Instant.now().minus(1, ChronoUnit.HOURS)));
        accepted(CancellationApiTest.request(tenant, key, buyerRequest("b-1")));
        accepted(CancellationApiTest.request(tenant, key, buyerRequest("b-2")));
        return recorded(tenant, key, "b-2");
    }

    static Recorded inTransitRequest(String tenant, String carrier, String buyer) {
        String key = storeOrder(tenant, shopee("IN_TRANSIT", carrier, buyer, Instant.now().minus(2, ChronoUnit.DAYS)));
        accepted(CancellationApiTest.request(tenant, key, buyerRequest("b-1")));
        return recorded(tenant, key, "b-1");
    }

    static Recorded sixthInTransitReturnOfOneBuyer(String tenant) {
        String buyer = "b-" + tenant;
        for (int i = 0; i < 5; i++) {
            inTransitRequest(tenant, "SPX_EXPRESS", buyer);
        }
        return inTransitRequest(tenant, "SPX_EXPRESS", buyer);
    }

    static Recorded addressChangeInTransit(String tenant) {
        String key = storeOrder(tenant, shopee("IN_TRANSIT", "SPX_EXPRESS", "b-" + tenant,
                Instant.now().minus(2, ChronoUnit.DAYS)));
        accepted(CancellationApiTest.call(AddressChangeApiTest.ROUTE, Map.of("orderKey", key), tenant,
                "{\"requestId\":\"a-1\",\"initiator\":\"BUYER\"}"));
        return recorded(tenant, key, "a-1");
    }

    // --- orders and requests ---

    static ObjectNode amazon(String site, String status, String fulfilment, Instant placedAt) {
        String id = CancellationApiTest.newId();
        Instant placed = placedAt.truncatedTo(ChronoUnit.SECONDS);
        ObjectNode order = Events.JSON.createObjectNode();
        order.put("marketplace", "amazon").put("site", site).put("orderId", id).put("shopId", "shop-" + site)
                .put("fulfilment", fulfilment).put("status", status).put("placedAt", placed.toString())
                .put("paidAt", placed.toString()).put("shipBy", placed.plus(2, ChronoUnit.DAYS).toString())
                .put("buyerId", "buyer-" + id);
        order.putArray("items").addObject().put("sku", "SKU-1").put("quantity", 1).put("unitPrice", "19.99")
                .put("currency", "DE".equals(site) ? "EUR" : "INR");
        return order;
    }

    static ObjectNode shopee(String status, String carrier, String buyer, Instant placedAt) {
        Instant placed = placedAt.truncatedTo(ChronoUnit.SECONDS);
        ObjectNode order = Orders.shopee(CancellationApiTest.newId(), status);
        order.put("carrier", carrier).put("buyerId", buyer).put("placedAt", placed.toString())
                .put("paidAt", placed.toString()).put("shipBy", placed.plus(3, ChronoUnit.DAYS).toString());
        if (status.equals("IN_TRANSIT")) {
            order.put("shippedAt", placed.plus(1, ChronoUnit.DAYS).toString()).put("trackingNumber", "MY1");
        }
        return order;
    }

    /** Stores the order through {@code PUT /v1/orders/{orderKey}} and returns its key. */
    static String storeOrder(String tenant, ObjectNode order) {
        String key = order.get("marketplace").asText() + "." + order.get("site").asText() + "."
                + order.get("orderId").asText();
        JsonNode put = CancellationApiTest.call("PUT /v1/orders/{orderKey}", Map.of("orderKey", key), tenant,
                order.toString());
        assertThat(put.get("statusCode").asInt()).as(put.toString()).isEqualTo(200);
        return key;
    }

    static String sellerCancellation(String requestId) {
        return "{\"requestId\":\"" + requestId + "\",\"initiator\":\"SELLER\",\"reason\":\"OUT_OF_STOCK\"}";
    }

    static String buyerRequest(String requestId) {
        return "{\"requestId\":\"" + requestId + "\",\"initiator\":\"BUYER\",\"reason\":\"CHANGE_OF_MIND\"}";
    }

    static void accepted(JsonNode response) {
        assertThat(response.get("statusCode").asInt()).as(response.toString()).isEqualTo(201);
    }

    static Recorded recorded(String tenant, String key, String requestId) {
        return new Recorded(tenant, key, requestId);
    }
}
