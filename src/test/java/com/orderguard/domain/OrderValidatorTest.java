package com.orderguard.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OrderValidatorTest {

    static OrderDraft valid() {
        return new OrderDraft("shopee", "MY", "241113ABCDEF", "shop-1", null, "AWAITING_SHIPMENT",
                "2024-11-20T09:30:00Z", "2024-11-20T17:35:00+08:00", null, null, null, null, "SPX_EXPRESS", null,
                "b-123", List.of(new OrderDraft.ItemDraft("A-1", 2L, "59.90", "MYR", List.of("PRE_ORDER"))), null);
    }

    static OrderDraft.ItemDraft item(Long quantity, String price, String currency, String attribute) {
        return new OrderDraft.ItemDraft("A-1", quantity, price, currency, List.of(attribute));
    }

    @Test
    void validDraft_becomesAnOrder_withDefaultsAndInstantsInUtc() {
        Order order = OrderValidator.validate(valid(), "").valueOrNull();
        assertThat(order.key()).isEqualTo(new OrderKey(Marketplace.SHOPEE, "MY", "241113ABCDEF"));
        assertThat(order.fulfilment()).isEqualTo(Fulfilment.SELLER);
        assertThat(order.paidAt()).isEqualTo(Instant.parse("2024-11-20T09:35:00Z"));
        assertThat(order.items().get(0).unitPrice()).isEqualTo(new BigDecimal("59.90"));
        assertThat(order.anyItem(ItemAttribute.PRE_ORDER)).isTrue();
    }

    static Stream<Arguments> invalidDrafts() {
        return Stream.of(
                Arguments.of("missing status", (UnaryOperator<OrderDraft>) d -> with(d, "status", null), "status"),
                Arguments.of("unknown status", (UnaryOperator<OrderDraft>) d -> with(d, "status", "LOST"), "status"),
                Arguments.of("unknown marketplace",
                        (UnaryOperator<OrderDraft>) d -> with(d, "marketplace", "ebay"), "marketplace"),
                Arguments.of("lower-case site", (UnaryOperator<OrderDraft>) d -> with(d, "site", "my"), "site"),
                Arguments.of("missing orderId", (UnaryOperator<OrderDraft>) d -> with(d, "orderId", null), "orderId"),
                Arguments.of("time without offset",
                        (UnaryOperator<OrderDraft>) d -> with(d, "placedAt", "2024-11-20T09:30:00"), "placedAt"),
                Arguments.of("implausible year",
                        (UnaryOperator<OrderDraft>) d -> with(d, "placedAt", "+99999-01-01T00:00:00Z"), "placedAt"),
                Arguments.of("paid before placed",
                        (UnaryOperator<OrderDraft>) d -> with(d, "paidAt", "2024-11-19T00:00:00Z"), "paidAt"),
                Arguments.of("lower-case carrier",
                        (UnaryOperator<OrderDraft>) d -> with(d, "carrier", "spx"), "carrier"),
                Arguments.of("unknown fulfilment",
                        (UnaryOperator<OrderDraft>) d -> with(d, "fulfilment", "FBA"), "fulfilment"),
                Arguments.of("shop id with slash",
                        (UnaryOperator<OrderDraft>) d -> with(d, "shopId", "a/b"), "shopId"),
                Arguments.of("buyer id with control character",
                        (UnaryOperator<OrderDraft>) d -> with(d, "buyerId", "b\u0000"), "buyerId"),
                Arguments.of("zero quantity", items(item(0L, "1.00", "MYR", "DIGITAL")), "items[0].quantity"),
                Arguments.of("huge quantity", items(item(10_000_000L, "1.00", "MYR", "DIGITAL")), "items[0].quantity"),
                Arguments.of("price not a decimal string", items(item(1L, "1,00", "MYR", "DIGITAL")),
                        "items[0].unitPrice"),
                Arguments.of("price without currency", items(item(1L, "1.00", null, "DIGITAL")), "items[0].currency"),
                Arguments.of("lower-case currency", items(item(1L, "1.00", "myr", "DIGITAL")), "items[0].currency"),
                Arguments.of("unknown attribute", items(item(1L, "1.00", "MYR", "FRAGILE")),
                        "items[0].attributes[0]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDrafts")
    void invalidField_isReportedWithItsPath(String name, UnaryOperator<OrderDraft> change, String field) {
        Validated<Order> result = OrderValidator.validate(change.apply(valid()), "");
        assertThat(result.errors()).extracting(FieldError::field).containsExactly(field);
    }

    @Test
    void everyInvalidField_isReported_withThePrefixOfItsDocument() {
        OrderDraft draft = with(with(with(valid(), "status", "LOST"), "site", null), "placedAt", "soon");
        Validated<Order> result = OrderValidator.validate(draft, "order");
        assertThat(result.errors()).extracting(FieldError::field)
                .containsExactlyInAnyOrder("order.status", "order.site", "order.placedAt");
    }

    @Test
    void keyFromThePath_fillsTheGaps_andMustMatchWhatTheBodySays() {
        OrderKey path = new OrderKey(Marketplace.SHOPEE, "MY", "241113ABCDEF");
        FieldErrors errors = new FieldErrors();
        Order order = OrderValidator.validate(with(with(valid(), "site", null), "orderId", null), "", path, errors);
        assertThat(errors.list()).isEmpty();
        assertThat(order.key()).isEqualTo(path);

        OrderValidator.validate(with(valid(), "site", "SG"), "", path, errors);
        assertThat(errors.list()).extracting(FieldError::field).containsExactly("site");
    }

    static UnaryOperator<OrderDraft> items(OrderDraft.ItemDraft item) {
        return d -> new OrderDraft(d.marketplace(), d.site(), d.orderId(), d.shopId(), d.fulfilment(), d.status(),
                d.placedAt(), d.paidAt(), d.shipmentArrangedAt(), d.shipBy(), d.shippedAt(), d.deliveredAt(),
                d.carrier(), d.trackingNumber(), d.buyerId(), List.of(item), d.deliveryScheme());
    }

    /** The draft with one top-level field replaced. */
    static OrderDraft with(OrderDraft d, String field, String value) {
        return new OrderDraft(
                field.equals("marketplace") ? value : d.marketplace(), field.equals("site") ? value : d.site(),
                field.equals("orderId") ? value : d.orderId(), field.equals("shopId") ? value : d.shopId(),
                field.equals("fulfilment") ? value : d.fulfilment(), field.equals("status") ? value : d.status(),
                field.equals("placedAt") ? value : d.placedAt(), field.equals("paidAt") ? value : d.paidAt(),
                d.shipmentArrangedAt(), d.shipBy(), d.shippedAt(), d.deliveredAt(),
                field.equals("carrier") ? value : d.carrier(), d.trackingNumber(),
                field.equals("buyerId") ? value : d.buyerId(), d.items(), d.deliveryScheme());
    }

    @Test
    void itemQuantityOfTheWrongJsonType_isReported_notACrash() {
        // the JSON reader reports "quantity": "2" (or true, 1.5, 1e400) and hands over a null quantity
        FieldErrors errors = new FieldErrors();
        errors.add("items[0].quantity", "must be an integer");
        OrderDraft draft = valid();
        draft = new OrderDraft(draft.marketplace(), draft.site(), draft.orderId(), draft.shopId(), null,
                draft.status(), draft.placedAt(), draft.paidAt(), null, null, null, null, draft.carrier(), null,
                draft.buyerId(), List.of(new OrderDraft.ItemDraft("A-1", null, "59.90", "MYR", List.of())), null);
        OrderValidator.validate(draft, "", null, errors);
        assertThat(errors.list()).extracting(FieldError::field).containsExactly("items[0].quantity");
    }

    @Test
    void unpairedSurrogates_areRefusedInTextAndTenantIds_whilePairedOnesAreFine() {
        assertThat(TenantId.isValid("ten\ud800ant")).isFalse();
        assertThat(TenantId.isValid("tenant\udc00")).isFalse();
        assertThat(TenantId.isValid("ten\ud83d\ude00ant")).isTrue();
        FieldErrors errors = new FieldErrors();
        assertThat(InputRules.text("note \ud800", 100, "note", errors)).isNull();
        assertThat(errors.list()).extracting(FieldError::field).containsExactly("note");
        assertThat(InputRules.text("note \ud83d\ude00", 100, "note", new FieldErrors())).isNotNull();
    }
}
