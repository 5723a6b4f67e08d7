package com.orderguard.adapter.marketplace.ozon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderguard.adapter.marketplace.MarketplaceOrder;
import com.orderguard.adapter.marketplace.Payloads;
import com.orderguard.domain.OrderStatus;
import com.orderguard.domain.decision.CancelReason;
import com.orderguard.domain.decision.Initiator;

class OzonPostingMapperTest {

    static ObjectNode posting() {
        return (ObjectNode) Payloads.object("ozon", "awaiting-packaging-fbs").get("result");
    }

    static ObjectNode cancelled() {
        return (ObjectNode) Payloads.object("ozon", "cancelled-by-seller").get("result");
    }

    static ObjectNode cancellation(ObjectNode posting) {
        return (ObjectNode) posting.get("cancellation");
    }

    static MarketplaceOrder map(ObjectNode payload) {
        return Payloads.map("ozon", payload);
    }

    @Test
    void aPostingIsOnTheRussianSite_unlessTheMessageNamesTheSellersSite() {
        assertThat(map(posting()).order().site()).isEqualTo("RU");
        MarketplaceOrder kazakh = Payloads.map("ozon", posting(), Payloads.onSite("KZ"));
        assertThat(kazakh.order().key().toString()).isEqualTo("ozon.KZ." + posting().get("posting_number").asText());
    }

    static Stream<Arguments> statuses() {
        return Stream.of(
                Arguments.of("acceptance_in_progress", OrderStatus.AWAITING_SHIPMENT),
                Arguments.of("awaiting_approve", OrderStatus.AWAITING_SHIPMENT),
                Arguments.of("awaiting_packaging", OrderStatus.AWAITING_SHIPMENT),
                Arguments.of("awaiting_registration", OrderStatus.AWAITING_SHIPMENT),
                Arguments.of("awaiting_deliver", OrderStatus.SHIPMENT_ARRANGED),
                Arguments.of("not_accepted", OrderStatus.SHIPMENT_ARRANGED),
                Arguments.of("driver_pickup", OrderStatus.IN_TRANSIT),
                Arguments.of("delivering", OrderStatus.IN_TRANSIT),
                Arguments.of("sent_by_seller", OrderStatus.IN_TRANSIT),
                Arguments.of("arbitration", OrderStatus.IN_TRANSIT),
                Arguments.of("client_arbitration", OrderStatus.IN_TRANSIT),
                Arguments.of("delivered", OrderStatus.DELIVERED),
                Arguments.of("cancelled", OrderStatus.CANCELLED));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("statuses")
    void status_mapsToTheCanonicalStatus(String ozon, OrderStatus canonical) {
        MarketplaceOrder mapped = map(posting().put("status", ozon));
        assertThat(mapped.order().status()).isEqualTo(canonical);
        assertThat(mapped.request()).as("an empty cancellation is no request").isNull();
    }

    @Test
    void everyStatusOfTheCode_isInTheTestedTable() {
        assertThat(OzonCodes.STATUSES).hasSize((int) statuses().count());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"ozon, FBS", "3pl_tracking, RFBS", "non_integrated, RFBS", "aggregator, RFBS"})
    void tplIntegrationType_tellsTheDeliveryScheme(String type, String scheme) {
        assertThat(map(posting().put("tpl_integration_type", type)).order().deliveryScheme()).isEqualTo(scheme);
    }

    @Test
    void withoutTplIntegrationType_theSchemeIsLeftToTheDefault() {
        assertThat(map(posting().put("tpl_integration_type", "")).order().deliveryScheme()).isNull();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"Продавец, SELLER", "Клиент или покупатель, BUYER", "Покупатель, BUYER", "Ozon, PLATFORM",
        "Система, PLATFORM", "Служба доставки, PLATFORM"})
    void cancellationInitiator_isWhoCancelled(String text, Initiator initiator) {
        ObjectNode posting = cancelled();
        cancellation(posting).put("cancellation_initiator", text);
        assertThat(map(posting).request().initiator()).isEqualTo(initiator);
    }

    @Test
    void withoutAnInitiatorText_theCancellationTypeTells() {
        ObjectNode posting = cancelled();
        cancellation(posting).put("cancellation_initiator", "").put("cancellation_type", "client");
        assertThat(map(posting).request().initiator()).isEqualTo(Initiator.BUYER);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"352, OUT_OF_STOCK", "400, OTHER", "401, OTHER", "402, OTHER", "665, OTHER",
        "666, UNDELIVERABLE_ADDRESS", "667, OTHER"})
    void cancelReasonId_isTheReason(long id, CancelReason reason) {
        ObjectNode posting = cancelled();
        cancellation(posting).put("cancel_reason_id", id);
        assertThat(map(posting).request().reason()).isEqualTo(reason);
    }

    @Test
    void cancelledPosting_isJudgedOnTheStageItWasCancelledFrom() {
        MarketplaceOrder mapped = map(cancelled());
        assertThat(mapped.order().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(mapped.requestedOn().status()).isEqualTo(OrderStatus.AWAITING_SHIPMENT);
        assertThat(mapped.settled()).isTrue();
    }

    @Test
    void cancelledPostingWithoutAReason_isASnapshotOnly() {
        ObjectNode posting = cancelled();
        cancellation(posting).put("cancel_reason_id", 0).put("cancellation_initiator", "");
        MarketplaceOrder mapped = map(posting);
        assertThat(mapped.order().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(mapped.request()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unmappable")
    void unmappablePayload_isAnErrorNamingThePlatformAndTheField(String name, ObjectNode payload, String field,
            String message) {
        assertThat(Payloads.errors("ozon", payload)).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo(field);
            assertThat(error.message()).startsWith(message);
        });
    }

    static Stream<Arguments> unmappable() {
        ObjectNode unknownInitiator = Payloads.object("ozon", "cancelled-by-seller");
        cancellation((ObjectNode) unknownInitiator.get("result")).put("cancellation_initiator", "Кто-то");
        ObjectNode unknownReason = Payloads.object("ozon", "cancelled-by-seller");
        cancellation((ObjectNode) unknownReason.get("result")).put("cancel_reason_id", 999);
        ObjectNode precisePrice = posting();
        ((ObjectNode) precisePrice.get("products").get(0)).put("price", "1390.123456");
        ObjectNode numericOffer = posting();
        ((ObjectNode) numericOffer.get("products").get(0)).put("offer_id", 205953);
        return Stream.of(
                Arguments.of("unknown status", posting().put("status", "teleported"), "payload.status",
                        "ozon: unknown status 'teleported'"),
                Arguments.of("unknown initiator", unknownInitiator,
                        "payload.result.cancellation.cancellation_initiator",
                        "ozon: unknown cancellation_initiator 'Кто-то'"),
                Arguments.of("unknown reason id", unknownReason, "payload.result.cancellation.cancel_reason_id",
                        "ozon: unknown cancel_reason_id 999"),
                Arguments.of("unknown integration type", posting().put("tpl_integration_type", "drone"),
                        "payload.tpl_integration_type", "ozon: unknown tpl_integration_type 'drone'"),
                Arguments.of("price with 6 decimals", precisePrice, "payload.products[0].price",
                        "ozon: price 1390.123456 needs more than 4 decimals"),
                Arguments.of("offer_id as a number", numericOffer, "payload.products[0].offer_id",
                        "ozon: offer_id must be a string"),
                Arguments.of("posting number unusable as an id", posting().put("posting_number", "12 34"),
                        "payload.posting_number", "ozon: posting_number '12 34' cannot be an order id"));
    }
}
