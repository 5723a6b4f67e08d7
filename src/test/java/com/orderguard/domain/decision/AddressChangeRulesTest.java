package com.orderguard.domain.decision;

import static com.orderguard.domain.OrderStatus.AWAITING_SHIPMENT;
import static com.orderguard.domain.OrderStatus.CANCELLED;
import static com.orderguard.domain.OrderStatus.DELIVERED;
import static com.orderguard.domain.OrderStatus.IN_TRANSIT;
import static com.orderguard.domain.OrderStatus.SHIPMENT_ARRANGED;
import static com.orderguard.domain.OrderStatus.UNPAID;
import static com.orderguard.domain.decision.DecisionKind.ADDRESS_UPDATE;
import static com.orderguard.domain.decision.DecisionKind.CANCELLATION;
import static com.orderguard.domain.decision.DecisionKind.CANCEL_AND_REORDER;
import static com.orderguard.domain.decision.DecisionKind.INTERCEPT_AND_RESHIP;
import static com.orderguard.domain.decision.DecisionKind.REARRANGE_SHIPMENT;
import static com.orderguard.domain.decision.DecisionKind.RETURN;
import static com.orderguard.domain.decision.Outcome.APPROVED;
import static com.orderguard.domain.decision.Outcome.PENDING_SELLER;
import static com.orderguard.domain.decision.Outcome.REJECTED;
import static com.orderguard.support.TestOrders.T;
import static com.orderguard.support.TestOrders.order;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.orderguard.domain.ItemAttribute;
import com.orderguard.domain.Order;
import com.orderguard.support.Packs;
import com.orderguard.support.TestOrders;

/** Address-change paths per marketplace: one row per path, naming the rule that must decide. */
class AddressChangeRulesTest {

    static final Instant DELIVERED_AT = T.minus(Duration.ofDays(2));

    static OrderRequest request(Instant at) {
        return new OrderRequest("a-1", Initiator.BUYER, CancelReason.WRONG_ADDRESS, Channel.PLATFORM_REQUEST,
                at, null);
    }

    static Arguments row(String rule, TestOrders order, Outcome outcome, DecisionKind kind, String cost) {
        return Arguments.of(rule, order.build(), outcome, kind, cost);
    }

    static Stream<Arguments> rows() {
        String my = "shopee.MY.1";
        return Stream.of(
                row("shopee.my.address-before-arrangement", order(my), APPROVED, ADDRESS_UPDATE, null),
                row("shopee.my.address-before-arrangement", order(my).status(UNPAID), APPROVED, ADDRESS_UPDATE, null),
                row("shopee.my.address-after-arrangement", order(my).status(SHIPMENT_ARRANGED), APPROVED,
                        REARRANGE_SHIPMENT, null),
                row("shopee.my.address-in-transit-spx-cancel-and-reorder", order(my).status(IN_TRANSIT)
                        .carrier("SPX_EXPRESS"), APPROVED, CANCEL_AND_REORDER, "RETURN_SHIPPING"),
                row("shopee.my.address-in-transit-intercept", order(my).status(IN_TRANSIT).carrier("J_AND_T"),
                        PENDING_SELLER, INTERCEPT_AND_RESHIP, "INTERCEPT_AND_RESHIP"),
                row("shopee.my.address-in-transit-intercept", order(my).status(IN_TRANSIT).carrier("SPX_EXPRESS")
                        .with(ItemAttribute.PERISHABLE), PENDING_SELLER, INTERCEPT_AND_RESHIP,
                        "INTERCEPT_AND_RESHIP"),
                row("shopee.my.address-delivered-return-only", order(my).status(DELIVERED).deliveredAt(DELIVERED_AT),
                        REJECTED, RETURN, null),
                row("shopee.sg.address-after-arrangement", order("shopee.SG.1").status(SHIPMENT_ARRANGED), APPROVED,
                        REARRANGE_SHIPMENT, null),
                row("amazon.us.address-before-arrangement", order("amazon.US.1"), APPROVED, CANCEL_AND_REORDER,
                        null),
                row("amazon.us.address-in-transit-intercept", order("amazon.US.1").status(IN_TRANSIT),
                        PENDING_SELLER, INTERCEPT_AND_RESHIP, "INTERCEPT_AND_RESHIP"),
                row("amazon.us.address-delivered-return-only", order("amazon.US.1").status(DELIVERED)
                        .deliveredAt(DELIVERED_AT), REJECTED, RETURN, null),
                row("ozon.fbs.address-before-arrangement", order("ozon.RU.1-1"), APPROVED, CANCEL_AND_REORDER, null),
                row("ozon.fbs.address-in-transit-not-possible", order("ozon.RU.1-1").status(IN_TRANSIT), REJECTED,
                        RETURN, null),
                row("lazada.address-before-arrangement", order("lazada.MY.1"), APPROVED, ADDRESS_UPDATE, null),
                row("tiktok.th.address-after-arrangement", order("tiktok.TH.1").status(SHIPMENT_ARRANGED), APPROVED,
                        REARRANGE_SHIPMENT, null),
                row("common.address-change-order-cancelled", order(my).status(CANCELLED), REJECTED, CANCELLATION,
                        null));
    }

    static Decision decide(Order order, Instant at) {
        PolicyPack pack = Packs.CATALOG.inForce(order, at).orElseThrow();
        return Decisions.decideAddressChange(order, request(at), pack, DecisionContext.none(), at);
    }

    @ParameterizedTest(name = "{0} ({3} {2})")
    @MethodSource("rows")
    void eachPath_isDecidedByItsRule(String rule, Order order, Outcome outcome, DecisionKind kind, String cost) {
        Decision decision = decide(order, T);
        assertThat(decision.rules().get(0).id()).isEqualTo(rule);
        assertThat(decision.outcome()).isEqualTo(outcome);
        assertThat(decision.kind()).isEqualTo(kind);
        assertThat(decision.actions()).isNotNull();
        assertThat(decision.explanation()).isNotBlank();
        if (cost == null) {
            assertThat(decision.costs()).isEmpty();
        } else {
            assertThat(decision.costs()).singleElement().satisfies(c -> {
                assertThat(c.kind()).isEqualTo(cost);
                assertThat(c.borneBy()).isEqualTo("SELLER");
            });
        }
        if (outcome == PENDING_SELLER) {
            assertThat(decision.respondBy()).isEqualTo(T.plus(Duration.ofDays(1)));
            assertThat(decision.ifNoResponse()).isEqualTo(REJECTED);
        }
    }

    @Test
    void beforeTheInTransitChange_shopeeMyOffersOnlyTheIntercept() {
        Instant before = Instant.parse("2024-11-12T08:00:00Z");
        Order order = order("shopee.MY.1").status(IN_TRANSIT).carrier("SPX_EXPRESS").placedAt(before.minus(
                Duration.ofDays(1))).build();
        assertThat(decide(order, before).kind()).isEqualTo(INTERCEPT_AND_RESHIP);
    }

    @Test
    void deliveredOrders_getThePlatformsReturnWindow_forCancellationsAndAddressChanges() {
        Order shopee = order("shopee.MY.1").status(DELIVERED).deliveredAt(DELIVERED_AT).build();
        assertThat(decide(shopee, T).returnBy()).isEqualTo(DELIVERED_AT.plus(Duration.ofDays(15)));
        Order amazon = order("amazon.US.1").status(DELIVERED).deliveredAt(DELIVERED_AT).build();
        PolicyPack pack = Packs.CATALOG.inForce(amazon, T).orElseThrow();
        Decision cancellation = Decisions.decide(amazon, new OrderRequest("c", Initiator.BUYER,
                CancelReason.CHANGE_OF_MIND, Channel.PLATFORM_REQUEST, T, null), pack, DecisionContext.none(), T);
        assertThat(cancellation.kind()).isEqualTo(RETURN);
        assertThat(cancellation.returnBy()).isEqualTo(DELIVERED_AT.plus(Duration.ofDays(30)));
        Order inTransit = order("amazon.US.1").status(IN_TRANSIT).build();
        assertThat(Decisions.decide(inTransit, new OrderRequest("c", Initiator.BUYER,
                CancelReason.CHANGE_OF_MIND, Channel.PLATFORM_REQUEST, T, null), pack, DecisionContext.none(), T)
                .returnBy()).isNull();
    }
}
