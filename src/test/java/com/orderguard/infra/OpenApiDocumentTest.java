package com.orderguard.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderguard.adapter.json.DecisionJson;
import com.orderguard.adapter.json.MetricsJson;
import com.orderguard.adapter.json.OrderJson;
import com.orderguard.adapter.lambda.http.AddressChangeRoutes;
import com.orderguard.adapter.lambda.http.ApiContract;
import com.orderguard.adapter.lambda.http.CancellationRoutes;
import com.orderguard.adapter.lambda.http.HealthRoutes;
import com.orderguard.adapter.lambda.http.HoldRoutes;
import com.orderguard.support.Events;
import com.orderguard.support.OpenApi;

/**
 * infra/openapi.yaml against the code, without running it: the same routes as {@link ApiContract}, request bodies
 * with exactly the fields the code's readers accept, every reference resolvable, every example valid. What the
 * function actually answers is checked by {@code OpenApiConformanceTest}.
 */
class OpenApiDocumentTest {

    static final OpenApi API = OpenApi.read();

    @Test
    void isOpenApi31_withTheJwtSchemeRequiredEverywhere() {
        assertThat(API.document().get("openapi").asText()).startsWith("3.1.");
        JsonNode jwt = API.document().at("/components/securitySchemes/jwt");
        assertThat(jwt.get("type").asText()).isEqualTo("http");
        assertThat(jwt.get("scheme").asText()).isEqualTo("bearer");
        assertThat(jwt.get("bearerFormat").asText()).isEqualTo("JWT");
        assertThat(API.document().at("/security/0").has("jwt")).isTrue();
        API.operations().forEach((route, operation) ->
                assertThat(operation.has("security")).as("%s does not override the security", route).isFalse());
    }

    @Test
    void pathsAndMethods_areExactlyTheRoutesOfTheCode() {
        assertThat(API.operations().keySet()).containsExactlyInAnyOrderElementsOf(ApiContract.ROUTES);
    }

    @Test
    void everyPathParameter_isDeclared_andOnlyThose() {
        Pattern variable = Pattern.compile("\\{([^}]+)}");
        API.document().get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!op.getValue().has("responses")) {
                return;
            }
            List<String> expected = new ArrayList<>();
            Matcher matcher = variable.matcher(path.getKey());
            while (matcher.find()) {
                expected.add(matcher.group(1));
            }
            List<String> declared = new ArrayList<>();
            List<JsonNode> parameters = new ArrayList<>();
            path.getValue().path("parameters").forEach(parameters::add);
            op.getValue().path("parameters").forEach(parameters::add);
            for (JsonNode parameter : parameters) {
                JsonNode resolved = API.resolve(parameter);
                if (resolved.get("in").asText().equals("path")) {
                    assertThat(resolved.get("required").asBoolean()).isTrue();
                    declared.add(resolved.get("name").asText());
                }
            }
            assertThat(declared).as("path parameters of %s %s", op.getKey(), path.getKey())
                    .containsExactlyInAnyOrderElementsOf(expected);
        }));
    }

    /** The answers every route can give: the router checks tenant, size and JSON before any route runs. */
    @Test
    void everyOperation_declaresASuccess_andTheRoutersErrors_asProblems() {
        for (String route : ApiContract.ROUTES) {
            Set<Integer> statuses = API.statuses(route);
            assertThat(statuses).as(route).anyMatch(s -> s >= 200 && s < 300);
            assertThat(statuses).as(route).contains(400, 401, 413, 500, 503);
            for (int status : statuses) {
                JsonNode content = API.response(route, status).get("content");
                assertThat(content).as("%s %d has a body", route, status).isNotNull();
                if (status >= 400 && status != 429) {
                    assertThat(API.resolve(content.at("/application~1problem+json/schema")))
                            .as("%s %d is a problem", route, status).isEqualTo(API.schema("Problem"));
                }
            }
        }
    }

    static List<Object[]> requestBodies() {
        return List.of(
                new Object[] {ApiContract.EVALUATE, "Evaluation",
                        fields(CancellationRoutes.class, "EVALUATION_FIELDS")},
                new Object[] {ApiContract.PUT_ORDER, "Order", fields(OrderJson.class, "ORDER_FIELDS")},
                new Object[] {ApiContract.REQUEST_CANCELLATION, "OrderCancellationRequest",
                        fields(DecisionJson.class, "ORDER_REQUEST_FIELDS")},
                new Object[] {ApiContract.RESOLVE_CANCELLATION, "Resolution",
                        fields(CancellationRoutes.class, "RESOLUTION_FIELDS")},
                new Object[] {ApiContract.PUT_HOLD, "Hold", fields(HoldRoutes.class, "FIELDS")},
                new Object[] {ApiContract.RECORD_DEFECT, "Defect", fields(HealthRoutes.class, "DEFECT_FIELDS")},
                new Object[] {ApiContract.REQUEST_ADDRESS_CHANGE, "AddressChangeRequest",
                        fields(AddressChangeRoutes.class, "FIELDS")},
                new Object[] {ApiContract.RESOLVE_ADDRESS_CHANGE, "Resolution",
                        fields(CancellationRoutes.class, "RESOLUTION_FIELDS")});
    }

    /** A route's body schema declares exactly the fields the route reads (any other is "not a known field"). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("requestBodies")
    void requestBody_declaresExactlyTheFieldsTheCodeAccepts(String route, String schema, Set<String> accepted) {
        assertThat(API.requestSchema(route).get("$ref").asText()).isEqualTo("#/components/schemas/" + schema);
        assertThat(API.properties(API.schema(schema))).containsExactlyInAnyOrderElementsOf(accepted);
    }

    @Test
    void nestedRequestObjects_declareExactlyTheFieldsTheCodeAccepts() {
        assertThat(API.properties(API.schema("OrderItem")))
                .containsExactlyInAnyOrderElementsOf(fields(OrderJson.class, "ITEM_FIELDS"));
        assertThat(API.properties(API.schema("MetricValue")))
                .containsExactlyInAnyOrderElementsOf(fields(MetricsJson.class, "FIELDS"));
        assertThat(API.properties(API.property(API.schema("Evaluation"), "order")))
                .isEqualTo(API.properties(API.schema("Order")));
        assertThat(API.property(API.schema("Evaluation"), "request").get("$ref").asText())
                .endsWith("/CancellationRequest");
        assertThat(API.property(API.schema("Order"), "items").at("/items/$ref").asText()).endsWith("/OrderItem");
    }

    @Test
    void routesWithoutABody_declareNone() {
        for (String route : List.of(ApiContract.GET_ORDER, ApiContract.DELETE_HOLD, ApiContract.SHOP_HEALTH,
                ApiContract.POLICIES)) {
            assertThat(API.requestSchema(route)).as(route).isNull();
        }
    }

    @Test
    void everyRequestExample_conformsToItsSchema() {
        API.operations().forEach((route, operation) -> {
            JsonNode media = operation.at("/requestBody/content/application~1json");
            if (!media.isMissingNode()) {
                assertThat(media.has("example")).as("%s has an example", route).isTrue();
                assertThat(API.check(media.get("example"), media.get("schema"))).as(route).isEmpty();
            }
        });
    }

    @Test
    void everyReference_resolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(API.document(), refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(API.document().at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
        }
    }

    static void collectRefs(JsonNode node, List<String> refs) {
        if (node.has("$ref")) {
            refs.add(node.get("$ref").asText());
        }
        node.forEach(child -> collectRefs(child, refs));
    }

    /** A {@code Set<String>} constant of the code: the fields a JSON reader accepts. */
    @SuppressWarnings("unchecked")
    static Set<String> fields(Class<?> type, String constant) {
        try {
            Field field = type.getDeclaredField(constant);
            field.setAccessible(true);
            return (Set<String>) field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("no field set " + type.getSimpleName() + "." + constant, e);
        }
    }

    @Test
    void theCheckerItself_findsUndeclaredFields_missingRequiredOnes_andWrongTypes() {
        JsonNode problem = Events.parse(
                "{\"type\":\"urn:x\",\"title\":\"t\",\"status\":\"400\",\"errors\":[{\"field\":\"a\"}],\"extra\":1}");
        assertThat(API.check(problem, API.schema("Problem"))).containsExactlyInAnyOrder(
                "$.extra: not declared in the document",
                "$.detail: required but missing",
                "$.status: STRING is not [integer]",
                "$.errors[0].message: required but missing");
        JsonNode decision = Events.parse("{\"ifNoResponse\":\"MAYBE\",\"respondBy\":\"soon\"}");
        assertThat(API.check(decision, API.schema("Decision"))).contains(
                "$.ifNoResponse: \"MAYBE\" is not one of [\"APPROVED\",\"REJECTED\",null]",
                "$.respondBy: 'soon' is not a date-time");
    }
}
