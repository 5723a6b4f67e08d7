package com.orderguard.adapter.marketplace.amazon;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderguard.adapter.marketplace.MarketplaceOrder;
import com.orderguard.adapter.marketplace.Payloads;
import com.orderguard.domain.Fulfilment;
import com.orderguard.domain.OrderStatus;
import com.orderguard.domain.decision.CancelReason;
import com.orderguard.domain.decision.Channel;
import com.orderguard.domain.decision.Initiator;
import com.orderguard.support.Events;

class AmazonOrderMapperTest {

    static ObjectNode payload() {
        return Payloads.object("amazon", "unshipped-mfn");
    }

    static ObjectNode order(ObjectNode payload) {
        return (ObjectNode) payload.get("Order");
    }

    static ObjectNode item(ObjectNode payload, int index) {
        return (ObjectNode) payload.get("OrderItems").get(index);
    }

    static ObjectNode buyerCancel(ObjectNode payload, int index) {
        return (ObjectNode) item(payload, index).get("BuyerRequestedCancel");
    }

    static MarketplaceOrder map(ObjectNode payload) {
        return Payloads.map("amazon", payload);
    }

    static Stream<Arguments> statuses() {
        return Stream.of(
                Arguments.of("Pending", OrderStatus.UNPAID),
                Arguments.of("PendingAvailability", OrderStatus.UNPAID),
                Arguments.of("Unshipped", OrderStatus.AWAITING_SHIPMENT),
                Arguments.of("PartiallyShipped", OrderStatus.IN_TRANSIT),
                Arguments.of("Shipped", OrderStatus.IN_TRANSIT),
                Arguments.of("InvoiceUnconfirmed", OrderStatus.IN_TRANSIT),
                Arguments.of("Canceled", OrderStatus.CANCELLED),
                Arguments.of("Unfulfillable", OrderStatus.CANCELLED));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("statuses")
    void orderStatus_mapsToTheCanonicalStatus(String amazon, OrderStatus canonical) {
        ObjectNode payload = payload();
        order(payload).put("OrderStatus", amazon);
        assertThat(map(payload).order().status()).isEqualTo(canonical);
    }

    @Test
    void everyStatusOfTheCode_isInTheTestedTable() {
        assertThat(AmazonCodes.STATUSES).hasSize((int) statuses().count());
    }

    /** Amazon's public marketplace id table (SP-API developer docs, "Marketplace IDs"); UK is Amazon's UK. */
    static Stream<Arguments> marketplaceIds() {
        return Stream.of(
                Arguments.of("A2EUQ1WTGCTBG2", "CA"), Arguments.of("ATVPDKIKX0DER", "US"),
                Arguments.of("A1AM78C64UM0Y8", "MX"), Arguments.of("A2Q3Y263D00KWC", "BR"),
                Arguments.of("A28R8C7NBKEWEA", "IE"), Arguments.of("A1RKKUPIHCS9HS", "ES"),
                Arguments.of("A1F83G8C2ARO7P", "UK"), Arguments.of("A13V1IB3VIYZZH", "FR"),
                Arguments.of("AMEN7PMS3EDWL", "BE"), Arguments.of("A1805IZSGTT6HS", "NL"),
                Arguments.of("A1PA6795UKMFR9", "DE"), Arguments.of("APJ6JRA9NG5V4", "IT"),
                Arguments.of("A2NODRKZP88ZB9", "SE"), Arguments.of("AE08WJ6YKNBMC", "ZA"),
                Arguments.of("A1C3SOZRARQ6R3", "PL"), Arguments.of("ARBP9OOSHTCHU", "EG"),
                Arguments.of("A33AVAJ2PDY3EV", "TR"), Arguments.of("A17E79C6D8DWNP", "SA"),
                Arguments.of("A2VIGQ35RCS4UG", "AE"), Arguments.of("A21TJRUUN4KGV", "IN"),
                Arguments.of("A19VAU5U5O7RUS", "SG"), Arguments.of("A39IBJ37TRP1C6", "AU"),
                Arguments.of("A1VC38T7YXB528", "JP"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("marketplaceIds")
    void marketplaceId_isTheSite_ofTheOrderKey(String marketplaceId, String site) {
        ObjectNode payload = payload();
        order(payload).put("MarketplaceId", marketplaceId);
        assertThat(map(payload).order().key().toString()).isEqualTo("amazon." + site + ".114-3941689-8772232");
    }

    @Test
    void everyMarketplaceIdOfTheCode_isInTheTestedTable_andNoSiteIsGB() {
        assertThat(AmazonCodes.SITES).hasSize((int) marketplaceIds().count()).doesNotContainValue("GB");
    }

    @Test
    void lowerCamelEnvelopeKeys_mapLikeAmazonsOwn() {
        ObjectNode upper = payload();
        ObjectNode lower = Events.JSON.createObjectNode();
        lower.set("order", upper.get("Order"));
        lower.set("orderItems", upper.get("OrderItems"));
        assertThat(Payloads.json(map(lower))).isEqualTo(Payloads.json(map(upper)));
    }

    @Test
    void aBareGetOrderResponse_isTheOrderWithoutItems() {
        ObjectNode response = Events.JSON.createObjectNode();
        response.set("payload", order(Payloads.object("amazon", "pending-without-prices")));
        MarketplaceOrder mapped = map(response);
        assertThat(mapped.order().status()).isEqualTo(OrderStatus.UNPAID);
        assertThat(mapped.order().items()).isEmpty();
    }

    @Test
    void theMessagesSite_mustAgreeWithTheMarketplaceId() {
        assertThat(Payloads.map("amazon", payload(), Payloads.onSite("US")).order().site()).isEqualTo("US");
        assertThat(Payloads.errors("amazon", payload(), Payloads.onSite("CA"))).singleElement()
                .satisfies(error -> assertThat(error.message())
                        .isEqualTo("amazon: MarketplaceId is site US but the message names site CA"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"MFN, SELLER", "AFN, PLATFORM"})
    void fulfilmentChannel_saysWhoShips(String channel, Fulfilment fulfilment) {
        ObjectNode payload = payload();
        order(payload).put("FulfillmentChannel", channel);
        assertThat(map(payload).order().fulfilment()).isEqualTo(fulfilment);
    }

    @Test
    void buyerRequestedCancel_onAnyItem_isABuyerRequestThroughThePlatform() {
        ObjectNode payload = payload();
        buyerCancel(payload, 0).put("IsBuyerRequestedCancel", "true").put("BuyerCancelReason", "Changed plans");

        MarketplaceOrder mapped = map(payload);

        assertThat(mapped.request().initiator()).isEqualTo(Initiator.BUYER);
        assertThat(mapped.request().via()).isEqualTo(Channel.PLATFORM_REQUEST);
        assertThat(mapped.request().reason()).isEqualTo(CancelReason.OTHER);
        assertThat(mapped.request().note()).isEqualTo("amazon BuyerCancelReason: Changed plans");
        assertThat(mapped.request().requestedAt()).hasToString("2024-11-20T10:02:11Z");
        assertThat(mapped.settled()).isFalse();
    }

    @Test
    void buyerRequestOnACanceledOrder_isNoRequest() {
        ObjectNode payload = payload();
        order(payload).put("OrderStatus", "Canceled");
        buyerCancel(payload, 0).put("IsBuyerRequestedCancel", "true");
        assertThat(map(payload).request()).isNull();
    }

    @Test
    void unitPrice_isTheLineTotalDividedByTheQuantity_toFourDecimals() {
        ObjectNode payload = payload();
        item(payload, 0).put("QuantityOrdered", 3);
        ((ObjectNode) item(payload, 0).get("ItemPrice")).put("Amount", "10.00");
        assertThat(map(payload).order().items().get(0).unitPrice()).isEqualByComparingTo(new BigDecimal("3.3333"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unmappable")
    void unmappablePayload_isAnErrorNamingThePlatformAndTheField(String name, ObjectNode payload, String field,
            String message) {
        assertThat(Payloads.errors("amazon", payload)).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo(field);
            assertThat(error.message()).startsWith(message);
        });
    }

    static Stream<Arguments> unmappable() {
        ObjectNode booleanFlag = payload();
        buyerCancel(booleanFlag, 0).put("IsBuyerRequestedCancel", true);
        ObjectNode otherString = payload();
        buyerCancel(otherString, 0).put("IsBuyerRequestedCancel", "yes");
        ObjectNode unknownStatus = payload();
        order(unknownStatus).put("OrderStatus", "Lost");
        ObjectNode unknownMarketplace = payload();
        order(unknownMarketplace).put("MarketplaceId", "A000000000000");
        ObjectNode unknownChannel = payload();
        order(unknownChannel).put("FulfillmentChannel", "FBA");
        ObjectNode badDate = payload();
        order(badDate).put("PurchaseDate", "2024-11-20 09:30:00");
        ObjectNode noOrder = payload();
        noOrder.remove("Order");
        ObjectNode foreignItems = Payloads.object("amazon", "get-order-wrappers-afn");
        ((ObjectNode) foreignItems.get("OrderItems").get("payload")).put("AmazonOrderId", "999-0000000-0000000");
        ObjectNode bothCases = payload();
        bothCases.set("order", bothCases.get("Order"));
        ObjectNode errorResponse = Payloads.object("amazon", "get-order-wrappers-afn");
        ((ObjectNode) errorResponse.get("Order")).putArray("errors").addObject().put("code", "InvalidInput")
                .put("message", "Invalid Input");
        return Stream.of(
                Arguments.of("Order and order both given", bothCases, "payload.order",
                        "amazon: give Order or order, not both"),
                Arguments.of("an SP-API error response", errorResponse, "payload.Order.errors",
                        "amazon: the SP-API response carries errors instead of a payload"),
                Arguments.of("IsBuyerRequestedCancel as a JSON boolean", booleanFlag,
                        "payload.OrderItems[0].BuyerRequestedCancel.IsBuyerRequestedCancel",
                        "amazon: IsBuyerRequestedCancel must be the string \"true\" or \"false\", got the JSON"
                                + " boolean 'true'"),
                Arguments.of("IsBuyerRequestedCancel as another string", otherString,
                        "payload.OrderItems[0].BuyerRequestedCancel.IsBuyerRequestedCancel",
                        "amazon: IsBuyerRequestedCancel must be the string \"true\" or \"false\", got 'yes'"),
                Arguments.of("unknown status", unknownStatus, "payload.Order.OrderStatus",
                        "amazon: unknown OrderStatus 'Lost'"),
                Arguments.of("unknown marketplace", unknownMarketplace, "payload.Order.MarketplaceId",
                        "amazon: unknown MarketplaceId 'A000000000000'"),
                Arguments.of("unknown fulfilment channel", unknownChannel, "payload.Order.FulfillmentChannel",
                        "amazon: unknown FulfillmentChannel 'FBA'"),
                Arguments.of("date without offset", badDate, "payload.Order.PurchaseDate",
                        "amazon: PurchaseDate must be an ISO-8601 time with offset"),
                Arguments.of("no Order", noOrder, "payload.Order", "amazon: Order is required"),
                Arguments.of("items of another order", foreignItems, "payload.OrderItems.payload.AmazonOrderId",
                        "amazon: the items belong to order '999-0000000-0000000'"));
    }
}
