package com.orderguard.domain.decision;

import static com.orderguard.domain.OrderStatus.AWAITING_SHIPMENT;
import static com.orderguard.domain.OrderStatus.CANCELLED;
import static com.orderguard.domain.OrderStatus.DELIVERED;
import static com.orderguard.domain.OrderStatus.IN_TRANSIT;
import static com.orderguard.domain.OrderStatus.RETURNED;
import static com.orderguard.domain.OrderStatus.SHIPMENT_ARRANGED;
import static com.orderguard.domain.OrderStatus.UNPAID;
import static com.orderguard.domain.decision.CancelReason.BUYER_REQUESTED;
import static com.orderguard.domain.decision.CancelReason.CHANGE_OF_MIND;
import static com.orderguard.domain.decision.CancelReason.FRAUD_RISK;
import static com.orderguard.domain.decision.CancelReason.LATE_SHIPMENT;
import static com.orderguard.domain.decision.CancelReason.OTHER;
import static com.orderguard.domain.decision.CancelReason.OUT_OF_STOCK;
import static com.orderguard.domain.decision.CancelReason.PRICING_ERROR;
import static com.orderguard.domain.decision.CancelReason.UNDELIVERABLE_ADDRESS;
import static com.orderguard.domain.decision.CancelReason.WRONG_ADDRESS;
import static com.orderguard.domain.decision.CancelReason.WRONG_ITEM_SENT;
import static com.orderguard.domain.decision.DecisionKind.CANCELLATION;
import static com.orderguard.domain.decision.DecisionKind.IN_TRANSIT_RETURN;
import static com.orderguard.domain.decision.DecisionKind.RETURN;
import static com.orderguard.domain.decision.Initiator.BUYER;
import static com.orderguard.domain.decision.Initiator.PLATFORM;
import static com.orderguard.domain.decision.Initiator.SELLER;
import static com.orderguard.domain.decision.Outcome.APPROVED;
import static com.orderguard.domain.decision.Outcome.PENDING_SELLER;
import static com.orderguard.domain.decision.Outcome.REJECTED;
import static com.orderguard.support.TestOrders.T;
import static com.orderguard.support.TestOrders.order;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.orderguard.domain.Fulfilment;
import com.orderguard.domain.ItemAttribute;
import com.orderguard.domain.Order;
import com.orderguard.support.Packs;
import com.orderguard.support.TestOrders;

/**
 * One row per rule of the reference: a concrete order and request, the rule that must decide, and what the
 * decision must say. {@code respondIn} is the seller's deadline counted from the request (null: none).
 */
class DecisionRulesTest {

    record Row(String rule, Order order, OrderRequest request, DecisionContext seller, Outcome outcome,
            DecisionKind kind, boolean counts, Duration respondIn, Outcome ifNoResponse, String alternative) {
        @Override
        public String toString() {
            return rule;
        }
    }

    static final Duration DAY = Duration.ofDays(1);
    static final List<Row> ROWS = new ArrayList<>();

    static OrderRequest req(Initiator initiator, CancelReason reason) {
        return new OrderRequest("r-1", initiator, reason, Channel.PLATFORM_REQUEST, T, null);
    }

    static OrderRequest byMessage(Initiator initiator, CancelReason reason) {
        return new OrderRequest("r-1", initiator, reason, Channel.MESSAGE, T, null);
    }

    static OrderRequest at(OrderRequest request, Instant at) {
        return new OrderRequest(request.requestId(), request.initiator(), request.reason(), request.via(), at,
                null);
    }

    static void row(String rule, TestOrders order, OrderRequest request, Outcome outcome, DecisionKind kind,
            boolean counts, Duration respondIn, Outcome ifNoResponse, String alternative) {
        row(rule, order, request, DecisionContext.none(), outcome, kind, counts, respondIn, ifNoResponse, alternative);
    }

    static void row(String rule, TestOrders order, OrderRequest request, DecisionContext seller, Outcome outcome,
            DecisionKind kind, boolean counts, Duration respondIn, Outcome ifNoResponse, String alternative) {
        ROWS.add(new Row(rule, order.build(), request, seller, outcome, kind, counts, respondIn, ifNoResponse,
                alternative));
    }

    static DecisionContext prior(List<PriorRequest> onOrder, List<PriorRequest> byBuyer, List<Instant> seller) {
        return new DecisionContext(List.of(), onOrder, byBuyer, seller);
    }

    static List<PriorRequest> inTransit(int n, Duration apart) {
        List<PriorRequest> prior = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            prior.add(new PriorRequest(T.minus(apart.multipliedBy(i)), BUYER, IN_TRANSIT_RETURN, APPROVED));
        }
        return prior;
    }

    static {
        // common
        row("common.already-cancelled", order("shopee.MY.1").status(CANCELLED), req(BUYER, CHANGE_OF_MIND),
                REJECTED, CANCELLATION, false, null, null, null);
        row("common.already-returned", order("amazon.US.1").status(RETURNED), req(SELLER, OUT_OF_STOCK),
                REJECTED, RETURN, false, null, null, null);

        // Shopee Malaysia from 2024-11-13
        String my = "shopee.MY.2411";
        row("shopee.my.unpaid-buyer-cancel", order(my).status(UNPAID), req(BUYER, CHANGE_OF_MIND),
                APPROVED, CANCELLATION, false, null, null, null);
        row("shopee.my.before-arranged-instant", order(my), req(BUYER, CHANGE_OF_MIND),
                APPROVED, CANCELLATION, false, null, null, null);
        row("shopee.my.after-arranged-seller-response", order(my).status(SHIPMENT_ARRANGED),
                req(BUYER, CHANGE_OF_MIND), PENDING_SELLER, CANCELLATION, false, DAY, APPROVED, null);
        row("shopee.my.one-request-per-order", order(my).status(SHIPMENT_ARRANGED), req(BUYER, CHANGE_OF_MIND),
                prior(List.of(new PriorRequest(T.minusSeconds(60), BUYER, CANCELLATION, PENDING_SELLER)), List.of(),
                        List.of()), REJECTED, CANCELLATION, false, null, null, "RETURN_AFTER_DELIVERY");
        row("shopee.my.pre-order-seller-approval",
                order(my).with(ItemAttribute.PRE_ORDER).placedAt(T.minus(Duration.ofMinutes(40))),
                req(BUYER, CHANGE_OF_MIND), PENDING_SELLER, CANCELLATION, false, DAY, APPROVED, null);
        row("shopee.my.pre-order-late-request", order(my).with(ItemAttribute.PRE_ORDER).placedAt(T.minus(DAY)),
                req(BUYER, CHANGE_OF_MIND), REJECTED, CANCELLATION, false, null, null, "CONTACT_SELLER");
        row("shopee.my.in-transit-spx-instant", order(my).status(IN_TRANSIT).carrier("SPX_EXPRESS"),
                req(BUYER, WRONG_ADDRESS), APPROVED, IN_TRANSIT_RETURN, false, null, null, null);
        row("shopee.my.in-transit-spx-instant", order(my).status(IN_TRANSIT).carrier("SPX_EXPRESS"),
                req(BUYER, WRONG_ITEM_SENT), APPROVED, IN_TRANSIT_RETURN, false, null, null, null);
        row("shopee.my.in-transit-not-spx", order(my).status(IN_TRANSIT).carrier("J_AND_T"),
                req(BUYER, CHANGE_OF_MIND), REJECTED, RETURN, false, null, null, "RETURN_AFTER_DELIVERY");
        // the carrier is optional: an order that names none is not shipped with SPX (and must not crash the rule)
        row("shopee.my.in-transit-not-spx", order(my).status(IN_TRANSIT),
                req(BUYER, CHANGE_OF_MIND), REJECTED, RETURN, false, null, null, "RETURN_AFTER_DELIVERY");
        row("shopee.my.in-transit-reason-not-eligible", order(my).status(IN_TRANSIT).carrier("SPX_EXPRESS"),
                req(BUYER, OUT_OF_STOCK), REJECTED, RETURN, false, null, null, "RETURN_AFTER_DELIVERY");
        row("shopee.my.in-transit-excluded-items-seller-approval",
                order(my).status(IN_TRANSIT).carrier("SPX_EXPRESS").with(ItemAttribute.PERISHABLE),
                req(BUYER, CHANGE_OF_MIND), PENDING_SELLER, IN_TRANSIT_RETURN, false, DAY, APPROVED, null);
        row("shopee.my.in-transit-order-limit", order(my).status(IN_TRANSIT).carrier("SPX_EXPRESS"),
                req(BUYER, CHANGE_OF_MIND), prior(inTransit(2, Duration.ofHours(1)), List.of(), List.of()),
                REJECTED, RETURN, false, null, null, "RETURN_AFTER_DELIVERY");
        row("shopee.my.in-transit-buyer-limit", order(my).status(IN_TRANSIT).carrier("SPX_EXPRESS"),
                req(BUYER, CHANGE_OF_MIND), prior(List.of(), inTransit(5, Duration.ofDays(5)), List.of()),
                REJECTED, RETURN, false, null, null, "RETURN_AFTER_DELIVERY");
        row("shopee.my.in-transit-spx-instant", order(my).status(IN_TRANSIT).carrier("SPX_EXPRESS"),
                req(BUYER, CHANGE_OF_MIND), prior(List.of(), inTransit(5, Duration.ofDays(7)), List.of()),
                APPROVED, IN_TRANSIT_RETURN, false, null, null, null);
        row("shopee.my.delivered-return-only", order(my).status(DELIVERED), req(BUYER, CHANGE_OF_MIND),
                REJECTED, RETURN, false, null, null, "RETURN_AFTER_DELIVERY");
        row("shopee.my.seller-cancel-out-of-stock", order(my), req(SELLER, OUT_OF_STOCK),
                APPROVED, CANCELLATION, true, null, null, null);
        row("shopee.my.seller-cancel-customer-request", order(my), req(SELLER, BUYER_REQUESTED),
                APPROVED, CANCELLATION, false, null, null, null);
        row("shopee.my.seller-cancel-undeliverable-area", order(my).status(SHIPMENT_ARRANGED),
                req(SELLER, UNDELIVERABLE_ADDRESS), APPROVED, CANCELLATION, false, null, null, null);
        row("shopee.my.seller-cancel-unsupported-reason", order(my), req(SELLER, PRICING_ERROR),
                REJECTED, CANCELLATION, false, null, null, "CONTACT_BUYER");
        row("shopee.my.seller-cancel-after-shipment", order(my).status(IN_TRANSIT), req(SELLER, OUT_OF_STOCK),
                REJECTED, RETURN, false, null, null, "CONTACT_BUYER");
        row("shopee.my.auto-cancel-late-shipment", order(my), req(PLATFORM, LATE_SHIPMENT),
                APPROVED, CANCELLATION, true, null, null, null);
        row("shopee.my.platform-cancel", order(my), req(PLATFORM, FRAUD_RISK),
                APPROVED, CANCELLATION, false, null, null, null);

        // Shopee Malaysia before 2024-11-13: no in-transit path
        Instant beforeMy = Instant.parse("2024-11-12T08:00:00Z");
        row("shopee.my.in-transit-not-cancellable", order(my).status(IN_TRANSIT).carrier("SPX_EXPRESS")
                .placedAt(beforeMy.minus(DAY)), at(req(BUYER, WRONG_ADDRESS), beforeMy),
                REJECTED, RETURN, false, null, null, "RETURN_AFTER_DELIVERY");

        // Shopee Singapore: silence approves before 2025-02-12, seller approval required after
        Instant beforeSg = Instant.parse("2025-02-11T08:00:00Z");
        row("shopee.sg.after-arranged-seller-response", order("shopee.SG.1").status(SHIPMENT_ARRANGED)
                .placedAt(beforeSg.minus(DAY)), at(req(BUYER, CHANGE_OF_MIND), beforeSg),
                PENDING_SELLER, CANCELLATION, false, DAY, APPROVED, null);
        row("shopee.sg.after-arranged-seller-approval", order("shopee.SG.1").status(SHIPMENT_ARRANGED),
                req(BUYER, CHANGE_OF_MIND), PENDING_SELLER, CANCELLATION, false, DAY, REJECTED, null);
        row("shopee.sg.pre-order-custom-made-seller-approval", order("shopee.SG.1").with(ItemAttribute.CUSTOM_MADE),
                req(BUYER, CHANGE_OF_MIND), PENDING_SELLER, CANCELLATION, false, DAY, REJECTED, null);
        row("shopee.sg.before-arranged-instant", order("shopee.SG.1"), req(BUYER, CHANGE_OF_MIND),
                APPROVED, CANCELLATION, false, null, null, null);
        row("shopee.sg.in-transit-not-cancellable", order("shopee.SG.1").status(IN_TRANSIT).carrier("SPX_EXPRESS"),
                req(BUYER, WRONG_ADDRESS), REJECTED, RETURN, false, null, null, "RETURN_AFTER_DELIVERY");

        // Amazon US
        String us = "amazon.US.114-1234567-1234567";
        Duration toShipBy = Duration.ofDays(2);
        row("amazon.us.buyer-cancel-within-30-minutes", order(us).placedAt(T.minus(Duration.ofMinutes(20))),
                req(BUYER, CHANGE_OF_MIND), APPROVED, CANCELLATION, false, null, null, null);
        row("amazon.us.buyer-request", order(us), req(BUYER, CHANGE_OF_MIND),
                PENDING_SELLER, CANCELLATION, false, toShipBy, REJECTED, null);
        row("amazon.us.buyer-request-via-message", order(us), byMessage(BUYER, CHANGE_OF_MIND),
                PENDING_SELLER, CANCELLATION, true, toShipBy, REJECTED, null);
        row("amazon.us.buyer-request-via-message", order(us).placedAt(T.minus(Duration.ofMinutes(5))),
                byMessage(BUYER, CHANGE_OF_MIND), PENDING_SELLER, CANCELLATION, true, toShipBy, REJECTED, null);
        row("amazon.us.buyer-shipped-return-only", order(us).status(IN_TRANSIT), req(BUYER, CHANGE_OF_MIND),
                REJECTED, RETURN, false, null, null, "RETURN_AFTER_DELIVERY");
        row("amazon.us.seller-shipped-refund-only", order(us).status(DELIVERED), req(SELLER, PRICING_ERROR),
                REJECTED, RETURN, false, null, null, "REFUND_WITHOUT_RETURN");
        row("amazon.us.seller-cancel", order(us), req(SELLER, OUT_OF_STOCK),
                APPROVED, CANCELLATION, true, null, null, null);
        row("amazon.us.seller-cancel-buyer-request", order(us), req(SELLER, BUYER_REQUESTED),
                APPROVED, CANCELLATION, false, null, null, null);
        row("amazon.us.seller-cancel-buyer-message", order(us), byMessage(SELLER, BUYER_REQUESTED),
                APPROVED, CANCELLATION, true, null, null, null);
        row("amazon.us.auto-cancel-late-shipment", order(us), req(PLATFORM, LATE_SHIPMENT),
                APPROVED, CANCELLATION, true, null, null, null);
        row("amazon.us.platform-cancel", order(us), req(PLATFORM, FRAUD_RISK),
                APPROVED, CANCELLATION, false, null, null, null);
        row("amazon.us.reason-code-undeliverable", order(us), req(SELLER, UNDELIVERABLE_ADDRESS),
                APPROVED, CANCELLATION, true, null, null, null);
        row("amazon.us.reason-code-risk", order(us).status(UNPAID), req(SELLER, FRAUD_RISK),
                APPROVED, CANCELLATION, true, null, null, null);
        row("amazon.us.fulfilled-by-amazon", order(us).fulfilment(Fulfilment.PLATFORM), req(SELLER, OUT_OF_STOCK),
                APPROVED, CANCELLATION, false, null, null, null);

        // Amazon India and Europe
        row("amazon.in.cancellation-fee-before-ship-date", order("amazon.IN.403-1"), req(SELLER, OUT_OF_STOCK),
                APPROVED, CANCELLATION, true, null, null, null);
        row("amazon.in.cancellation-fee-after-ship-date", order("amazon.IN.403-1").shipBy(T.minus(DAY)),
                req(SELLER, OUT_OF_STOCK), APPROVED, CANCELLATION, true, null, null, null);
        row("amazon.eu.second-seller-cancellation-in-30-days", order("amazon.DE.302-1"), req(SELLER, OUT_OF_STOCK),
                prior(List.of(), List.of(), List.of(T.minus(Duration.ofDays(10)))),
                APPROVED, CANCELLATION, true, null, null, null);

        // Ozon FBS (the default scheme) and rFBS
        row("ozon.fbs.buyer-cancel-before-handover", order("ozon.RU.1-0001-1").status(SHIPMENT_ARRANGED),
                req(BUYER, CHANGE_OF_MIND), APPROVED, CANCELLATION, false, null, null, null);
        row("ozon.fbs.buyer-after-handover", order("ozon.RU.1-0001-1").status(IN_TRANSIT),
                req(BUYER, CHANGE_OF_MIND), REJECTED, RETURN, false, null, null, "RETURN_AFTER_DELIVERY");
        row("ozon.fbs.seller-cancel-out-of-stock", order("ozon.RU.1-0001-1").scheme("FBS"),
                req(SELLER, OUT_OF_STOCK), APPROVED, CANCELLATION, true, null, null, null);
        row("ozon.fbs.seller-cancel-no-delivery-region", order("ozon.RU.1-0001-1"),
                req(SELLER, UNDELIVERABLE_ADDRESS), APPROVED, CANCELLATION, false, null, null, null);
        row("ozon.fbs.seller-cancel-other-fault", order("ozon.RU.1-0001-1"), req(SELLER, PRICING_ERROR),
                APPROVED, CANCELLATION, true, null, null, null);
        row("ozon.fbs.seller-cancel-buyer-request", order("ozon.RU.1-0001-1"), req(SELLER, BUYER_REQUESTED),
                REJECTED, CANCELLATION, false, null, null, "ASK_BUYER_TO_CANCEL");
        row("ozon.fbs.auto-cancel-late-shipment", order("ozon.RU.1-0001-1"), req(PLATFORM, LATE_SHIPMENT),
                APPROVED, CANCELLATION, true, null, null, null);
        row("ozon.rfbs.buyer-cancel-awaiting-packaging", order("ozon.RU.2-0001-1").scheme("RFBS"),
                req(BUYER, CHANGE_OF_MIND), APPROVED, CANCELLATION, false, null, null, null);
        row("ozon.rfbs.buyer-request-awaiting-shipment",
                order("ozon.RU.2-0001-1").scheme("RFBS").status(SHIPMENT_ARRANGED), req(BUYER, CHANGE_OF_MIND),
                PENDING_SELLER, CANCELLATION, false, Duration.ofDays(3), APPROVED, null);
        row("ozon.rfbs.buyer-request-in-shipment", order("ozon.RU.2-0001-1").scheme("RFBS").status(IN_TRANSIT),
                req(BUYER, CHANGE_OF_MIND), PENDING_SELLER, IN_TRANSIT_RETURN, false, Duration.ofDays(3), APPROVED,
                null);
        row("ozon.fbs.buyer-delivered-return-only", order("ozon.RU.1-0001-1").status(DELIVERED),
                req(BUYER, CHANGE_OF_MIND), REJECTED, RETURN, false, null, null, "RETURN_AFTER_DELIVERY");
        row("ozon.fbs.seller-after-handover", order("ozon.RU.1-0001-1").status(IN_TRANSIT), req(SELLER, OTHER),
                REJECTED, RETURN, false, null, null, "CONTACT_BUYER");
        row("ozon.fbs.platform-cancel", order("ozon.RU.1-0001-1"), req(PLATFORM, UNDELIVERABLE_ADDRESS),
                APPROVED, CANCELLATION, false, null, null, null);
        row("ozon.rfbs.auto-cancel-late-handover", order("ozon.RU.2-0001-1").scheme("RFBS"),
                req(PLATFORM, LATE_SHIPMENT), APPROVED, CANCELLATION, true, null, null, null);

        // Lazada and TikTok Shop
        row("lazada.buyer-cancel-before-rts", order("lazada.MY.9001"), req(BUYER, CHANGE_OF_MIND),
                APPROVED, CANCELLATION, false, null, null, null);
        row("lazada.buyer-request-after-rts", order("lazada.MY.9001").status(SHIPMENT_ARRANGED),
                req(BUYER, CHANGE_OF_MIND), PENDING_SELLER, CANCELLATION, false, toShipBy, REJECTED, null);
        row("lazada.auto-cancel-late-shipment", order("lazada.TH.9001"), req(PLATFORM, LATE_SHIPMENT),
                APPROVED, CANCELLATION, true, null, null, null);
        row("lazada.buyer-shipped-return-only", order("lazada.PH.9001").status(IN_TRANSIT),
                req(BUYER, CHANGE_OF_MIND), REJECTED, RETURN, false, null, null, "RETURN_AFTER_DELIVERY");
        row("lazada.seller-shipped", order("lazada.PH.9001").status(DELIVERED), req(SELLER, OUT_OF_STOCK),
                REJECTED, RETURN, false, null, null, "CONTACT_BUYER");
        row("lazada.seller-cancel-customer-request", order("lazada.SG.9001"), req(SELLER, BUYER_REQUESTED),
                APPROVED, CANCELLATION, false, null, null, null);
        row("lazada.seller-cancel", order("lazada.SG.9001"), req(SELLER, OUT_OF_STOCK),
                APPROVED, CANCELLATION, true, null, null, null);
        row("lazada.platform-cancel", order("lazada.SG.9001"), req(PLATFORM, FRAUD_RISK),
                APPROVED, CANCELLATION, false, null, null, null);
        row("tiktok.th.buyer-shipped-return-only", order("tiktok.TH.5764").status(DELIVERED),
                req(BUYER, CHANGE_OF_MIND), REJECTED, RETURN, false, null, null, "RETURN_AFTER_DELIVERY");
        row("tiktok.th.seller-shipped", order("tiktok.TH.5764").status(IN_TRANSIT), req(SELLER, OUT_OF_STOCK),
                REJECTED, RETURN, false, null, null, "CONTACT_BUYER");
        row("tiktok.th.seller-cancel-customer-request", order("tiktok.TH.5764"), req(SELLER, BUYER_REQUESTED),
                APPROVED, CANCELLATION, false, null, null, null);
        row("tiktok.th.platform-cancel", order("tiktok.TH.5764"), req(PLATFORM, FRAUD_RISK),
                APPROVED, CANCELLATION, false, null, null, null);
        row("tiktok.th.buyer-request-before-shipment", order("tiktok.TH.5764"), req(BUYER, CHANGE_OF_MIND),
                PENDING_SELLER, CANCELLATION, false, Duration.ofHours(24), APPROVED, null);
        row("tiktok.th.unpaid-buyer-cancel", order("tiktok.TH.5764").status(UNPAID), req(BUYER, CHANGE_OF_MIND),
                APPROVED, CANCELLATION, false, null, null, null);
        row("tiktok.th.seller-cancel", order("tiktok.TH.5764"), req(SELLER, OUT_OF_STOCK),
                APPROVED, CANCELLATION, true, null, null, null);
        row("tiktok.th.auto-cancel-late-shipment", order("tiktok.TH.5764"), req(PLATFORM, LATE_SHIPMENT),
                APPROVED, CANCELLATION, true, null, null, null);
    }

    static Stream<Row> rows() {
        return ROWS.stream();
    }

    static Decision decide(Row row) {
        PolicyPack pack = Packs.CATALOG.inForce(row.order(), row.request().requestedAt()).orElseThrow();
        return Decisions.decide(row.order(), row.request(), pack, row.seller(), T);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void ruleFires_andTheDecisionSaysWhatThePlatformDoes(Row row) {
        Decision decision = decide(row);

        assertThat(decision.rules()).extracting(RuleRef::id).contains(row.rule());
        assertThat(decision.outcome()).as("outcome").isEqualTo(row.outcome());
        assertThat(decision.kind()).as("kind").isEqualTo(row.kind());
        assertThat(decision.countsAgainstSeller()).as("countsAgainstSeller").isEqualTo(row.counts());
        assertThat(decision.respondBy()).as("respondBy")
                .isEqualTo(row.respondIn() == null ? null : row.request().requestedAt().plus(row.respondIn()));
        assertThat(decision.ifNoResponse()).as("ifNoResponse").isEqualTo(row.ifNoResponse());
        assertThat(decision.alternative()).as("alternative").isEqualTo(row.alternative());
        assertThat(decision.explanation()).isNotBlank().endsWith(".");
        assertThat(decision.rules()).allSatisfy(r -> assertThat(r.source()).isNotBlank());
    }

    /**
     * Every kind of rule of every marketplace fires in some row (the same rule in another site's or version's pack
     * counts once: {@code amazon.in.seller-cancel} and {@code amazon.us.seller-cancel} are one kind; the rows of
     * {@link SiteRulesTest} count too). Catch-all
     * rules are safety nets that the packs' other rules leave unreachable.
     */
    @Test
    void everyKindOfRuleOfEveryMarketplace_isExercisedByARow() {
        Set<String> fired = new HashSet<>();
        ROWS.forEach(row -> decide(row).rules().forEach(r -> fired.add(kindOf(r.id()))));
        SiteRulesTest.ROWS.forEach(site -> decide(site.row()).rules().forEach(r -> fired.add(kindOf(r.id()))));
        Set<String> all = new HashSet<>();
        Packs.CATALOG.packs().forEach(pack -> pack.rules().forEach(r -> all.add(kindOf(r.id()))));
        all.removeIf(kind -> kind.endsWith(":no-cancellation-path"));
        all.removeAll(fired);
        assertThat(all).as("kinds of rule no row exercises").isEmpty();
    }

    static String kindOf(String ruleId) {
        return ruleId.substring(0, ruleId.indexOf('.')) + ":" + ruleId.substring(ruleId.lastIndexOf('.') + 1);
    }
}
