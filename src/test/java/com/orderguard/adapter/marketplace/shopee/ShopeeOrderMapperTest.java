package com.orderguard.adapter.marketplace.shopee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderguard.adapter.marketplace.MarketplaceOrder;
import com.orderguard.adapter.marketplace.PayloadContext;
import com.orderguard.adapter.marketplace.Payloads;
import com.orderguard.domain.FieldError;
import com.orderguard.domain.FieldErrors;
import com.orderguard.domain.Fulfilment;
import com.orderguard.domain.OrderStatus;
import com.orderguard.domain.decision.CancelReason;
import com.orderguard.domain.decision.Initiator;

class ShopeeOrderMapperTest {

    static ObjectNode order() {
        return Payloads.object("shopee", "ready-to-ship");
    }

    static ObjectNode inCancel() {
        return (ObjectNode) Payloads.object("shopee", "in-cancel-after-arranged").get("response").get("order_list")
                .get(0);
    }

    static MarketplaceOrder map(ObjectNode payload) {
        return Payloads.map("shopee", payload);
    }

    /** The table of docs/marketplace-payloads.md, restated here so that a change to the code must change both. */
    static Stream<Arguments> statuses() {
        return Stream.of(
                Arguments.of("UNPAID", OrderStatus.UNPAID),
                Arguments.of("PENDING", OrderStatus.UNPAID),
                Arguments.of("INVOICE_PENDING", OrderStatus.AWAITING_SHIPMENT),
                Arguments.of("READY_TO_SHIP", OrderStatus.AWAITING_SHIPMENT),
                Arguments.of("PROCESSED", OrderStatus.SHIPMENT_ARRANGED),
                Arguments.of("RETRY_SHIP", OrderStatus.SHIPMENT_ARRANGED),
                Arguments.of("SHIPPED", OrderStatus.IN_TRANSIT),
                Arguments.of("TO_CONFIRM_RECEIVE", OrderStatus.DELIVERED),
                Arguments.of("COMPLETED", OrderStatus.DELIVERED),
                Arguments.of("CANCELLED", OrderStatus.CANCELLED),
                Arguments.of("TO_RETURN", OrderStatus.RETURNED));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("statuses")
    void orderStatus_mapsToTheCanonicalStatus_withoutARequest(String shopee, OrderStatus canonical) {
        MarketplaceOrder mapped = map(order().put("order_status", shopee));
        assertThat(mapped.order().status()).isEqualTo(canonical);
        assertThat(mapped.request()).isNull();
    }

    @Test
    void everyDocumentedStatus_isMapped() {
        Set<String> mapped = new HashSet<>(ShopeeStatuses.TABLE.keySet());
        mapped.add(ShopeeStatuses.IN_CANCEL);
        assertThat(mapped).containsExactlyInAnyOrder("UNPAID", "READY_TO_SHIP", "PROCESSED", "RETRY_SHIP", "SHIPPED",
                "TO_CONFIRM_RECEIVE", "IN_CANCEL", "CANCELLED", "TO_RETURN", "COMPLETED", "INVOICE_PENDING", "PENDING");
        assertThat(statuses()).hasSize(ShopeeStatuses.TABLE.size());
    }

    @ParameterizedTest(name = "pickup {0}, package {1} -> {2}")
    @CsvSource({
        "0, LOGISTICS_READY, AWAITING_SHIPMENT",
        "0, LOGISTICS_REQUEST_CREATED, SHIPMENT_ARRANGED",
        "0, LOGISTICS_PICKUP_RETRY, SHIPMENT_ARRANGED",
        "0, LOGISTICS_PICKUP_DONE, IN_TRANSIT",
        "1732104000, LOGISTICS_REQUEST_CREATED, IN_TRANSIT"})
    void inCancel_keepsTheStageBeforeTheRequest(long pickupDone, String logistics, OrderStatus stage) {
        ObjectNode payload = inCancel().put("pickup_done_time", pickupDone);
        ((ObjectNode) payload.get("package_list").get(0)).put("logistics_status", logistics);

        MarketplaceOrder mapped = map(payload);

        assertThat(mapped.order().status()).isEqualTo(stage);
        assertThat(mapped.requestedOn()).isEqualTo(mapped.order());
        assertThat(mapped.request().initiator()).isEqualTo(Initiator.BUYER);
        assertThat(mapped.request().requestId()).endsWith(stage.name().toLowerCase().replace('_', '-'));
    }

    @Test
    void inCancelWithoutPackages_isAwaitingShipment() {
        ObjectNode payload = inCancel();
        payload.remove("package_list");
        assertThat(map(payload).order().status()).isEqualTo(OrderStatus.AWAITING_SHIPMENT);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "Need to change delivery address | WRONG_ADDRESS",
        "Need to Modify Order | WRONG_ORDER_INFO",
        "Modify existing order (color, size, voucher, etc) | WRONG_ORDER_INFO",
        "Don't Want to Buy Anymore | CHANGE_OF_MIND",
        "Seller Takes too Long to Ship The Order | LATE_SHIPMENT",
        "Your approver rejected the order. | OTHER",
        "Others | OTHER"})
    void buyerCancelReason_mapsByItsText_ignoringCase(String text, CancelReason reason) {
        assertThat(map(inCancel().put("buyer_cancel_reason", text)).request().reason()).isEqualTo(reason);
    }

    @Test
    void theSameStateMappedTwice_givesTheSameRequestId_soAPollRecordsNothingNew() {
        assertThat(map(inCancel()).request()).isEqualTo(map(inCancel()).request());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "null", value = {
        "SPX Express, SPX_EXPRESS",
        "Shopee Xpress, SPX_EXPRESS",
        "SPX Express (West Malaysia), SPX_EXPRESS",
        "J&T Express, J_T_EXPRESS",
        "Giao Hàng Nhanh, GIAO_HANG_NHANH",
        "蝦皮店到店, null"})
    void shippingCarrier_becomesACarrierCode(String name, String code) {
        assertThat(map(order().put("shipping_carrier", name)).order().carrier()).isEqualTo(code);
    }

    @ParameterizedTest(name = "region {0}")
    @CsvSource({"MY", "SG", "PH", "TH", "VN", "ID", "TW", "BR", "MX", "CO", "CL"})
    void region_ofEveryShopeeSite_isTheSiteOfTheOrderKey(String region) {
        assertThat(map(order().put("region", region)).order().key().toString())
                .isEqualTo("shopee." + region + ".241120ABCD1234");
    }

    @Test
    void everyRegionOfTheCode_isTested_andAClosedSiteIsUnknown() {
        assertThat(ShopeeCodes.SITES).hasSize(11);
        assertThat(Payloads.errors("shopee", order().put("region", "PL"))).singleElement()
                .satisfies(error -> assertThat(error.message()).isEqualTo("shopee: unknown region 'PL'"));
    }

    @Test
    void theMessagesSite_mustAgreeWithTheRegion() {
        assertThat(Payloads.errors("shopee", order(), Payloads.onSite("SG"))).singleElement()
                .satisfies(error -> assertThat(error.message())
                        .isEqualTo("shopee: region is site MY but the message names site SG"));
    }

    @Test
    void fulfilledByShopee_isPlatformFulfilment() {
        assertThat(map(order().put("fulfillment_flag", "fulfilled_by_shopee")).order().fulfilment())
                .isEqualTo(Fulfilment.PLATFORM);
    }

    @Test
    void withoutAnEnvelopeShopId_theOrderHasNone() {
        FieldErrors errors = new FieldErrors();
        MarketplaceOrder mapped = ShopeeOrderMapper.map(order(), "payload",
                new PayloadContext(null, Payloads.CONTEXT.occurredAt(),
                        Payloads.CONTEXT.now()), errors);
        assertThat(errors.list()).isEmpty();
        assertThat(mapped.order().shopId()).isNull();
    }

    static Stream<Arguments> unmappable() {
        return Stream.of(
                Arguments.of("unknown status", order().put("order_status", "FOO"),
                        "payload.order_status", "shopee: unknown order_status 'FOO'"),
                Arguments.of("no order_sn", without(order(), "order_sn"),
                        "payload.order_sn", "shopee: order_sn is required"),
                Arguments.of("order_sn unusable as an id", order().put("order_sn", "24/11"),
                        "payload.order_sn", "shopee: order_sn '24/11' cannot be an order id"),
                Arguments.of("lower-case region", order().put("region", "my"),
                        "payload.region", "shopee: unknown region 'my'"),
                Arguments.of("time as a string", order().put("create_time", "2024-11-20"),
                        "payload.create_time", "shopee: create_time must be an integer"),
                Arguments.of("time in milliseconds", order().put("pay_time", 1732095300000L),
                        "payload.pay_time", "shopee: pay_time 1732095300000 is not a plausible time"),
                Arguments.of("unknown fulfilment flag", order().put("fulfillment_flag", "fulfilled_by_moon"),
                        "payload.fulfillment_flag", "shopee: unknown fulfillment_flag 'fulfilled_by_moon'"),
                Arguments.of("no quantity", item(order(), "model_quantity_purchased", null),
                        "payload.item_list[0].model_quantity_purchased",
                        "shopee: model_quantity_purchased is required"),
                Arguments.of("unknown buyer reason", inCancel().put("buyer_cancel_reason", "Aliens"),
                        "payload.buyer_cancel_reason", "shopee: unknown buyer_cancel_reason 'Aliens'"),
                Arguments.of("IN_CANCEL without a reason", inCancel().put("buyer_cancel_reason", ""),
                        "payload.buyer_cancel_reason", "shopee: buyer_cancel_reason must not be empty"),
                Arguments.of("request time in the future", inCancel().put("update_time", 4_000_000_000L),
                        "payload.update_time", "shopee: update_time 2096-10-02T07:06:40Z is in the future"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unmappable")
    void unmappablePayload_isAnErrorNamingThePlatformAndTheField(String name, ObjectNode payload, String field,
            String message) {
        assertThat(Payloads.errors("shopee", payload)).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo(field);
            assertThat(error.message()).startsWith(message);
        });
    }

    @Test
    void aWholeResponse_mustHoldExactlyOneOrder() {
        ObjectNode response = Payloads.object("shopee", "in-cancel-after-arranged");
        ArrayNode list = (ArrayNode) response.get("response").get("order_list");
        list.add(order());
        assertThat(Payloads.errors("shopee", response)).extracting(FieldError::field)
                .containsExactly("payload.response.order_list");
    }

    @Test
    void anErrorResponse_isRefused() {
        ObjectNode response = Payloads.object("shopee", "in-cancel-after-arranged").put("error", "error_not_found");
        assertThat(Payloads.errors("shopee", response)).extracting(FieldError::field, FieldError::message)
                .containsExactly(tuple("payload.error",
                        "shopee: the payload is an error response 'error_not_found'"));
    }

    static ObjectNode without(ObjectNode payload, String field) {
        payload.remove(field);
        return payload;
    }

    static ObjectNode item(ObjectNode payload, String field, String value) {
        ObjectNode item = (ObjectNode) payload.get("item_list").get(0);
        if (value == null) {
            item.remove(field);
        } else {
            item.put(field, value);
        }
        return payload;
    }
}
