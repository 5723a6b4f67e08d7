package com.orderguard.domain.decision;

import static com.orderguard.domain.OrderStatus.IN_TRANSIT;
import static com.orderguard.domain.OrderStatus.SHIPMENT_ARRANGED;
import static com.orderguard.domain.decision.CancelReason.BUYER_REQUESTED;
import static com.orderguard.domain.decision.CancelReason.CHANGE_OF_MIND;
import static com.orderguard.domain.decision.CancelReason.LATE_SHIPMENT;
import static com.orderguard.domain.decision.CancelReason.OUT_OF_STOCK;
import static com.orderguard.domain.decision.DecisionKind.CANCELLATION;
import static com.orderguard.domain.decision.DecisionKind.RETURN;
import static com.orderguard.domain.decision.DecisionRulesTest.at;
import static com.orderguard.domain.decision.DecisionRulesTest.byMessage;
import static com.orderguard.domain.decision.DecisionRulesTest.prior;
import static com.orderguard.domain.decision.DecisionRulesTest.req;
import static com.orderguard.domain.decision.Initiator.BUYER;
import static com.orderguard.domain.decision.Initiator.PLATFORM;
import static com.orderguard.domain.decision.Initiator.SELLER;
import static com.orderguard.domain.decision.Outcome.APPROVED;
import static com.orderguard.domain.decision.Outcome.PENDING_SELLER;
import static com.orderguard.domain.decision.Outcome.REJECTED;
import static com.orderguard.support.TestOrders.T;
import static com.orderguard.support.TestOrders.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.orderguard.domain.ItemAttribute;
import com.orderguard.domain.Marketplace;
import com.orderguard.domain.deadline.DeadlineRules;
import com.orderguard.domain.health.MetricDefinition;
import com.orderguard.support.Packs;
import com.orderguard.support.TestOrders;

/**
 * One row per site-specific rule of POLICY-REFERENCE.md section 6 and per site that only inherits its
 * marketplace's default rules: the rule that must decide, what it decides, and the decision's basis (the site's
 * own rule, or the marketplace default with the inheritance named in the rule's source).
 */
class SiteRulesTest {

    record SiteRow(DecisionRulesTest.Row row, Basis basis) {
        @Override
        public String toString() {
            return row.rule() + " " + basis;
        }
    }

    static final Duration DAY = Duration.ofDays(1);
    static final List<SiteRow> ROWS = new ArrayList<>();

    static void row(String rule, Basis basis, TestOrders order, OrderRequest request, DecisionContext seller,
            Outcome outcome, DecisionKind kind, boolean counts, Duration respondIn, Outcome ifNoResponse,
            String alternative) {
        ROWS.add(new SiteRow(new DecisionRulesTest.Row(rule, order.build(), request, seller, outcome, kind, counts,
                respondIn, ifNoResponse, alternative), basis));
    }

    static void row(String rule, Basis basis, TestOrders order, OrderRequest request, Outcome outcome,
            boolean counts, Duration respondIn, Outcome ifNoResponse) {
        row(rule, basis, order, request, DecisionContext.none(), outcome, CANCELLATION, counts, respondIn,
                ifNoResponse, null);
    }

    static {
        Basis site = Basis.SITE;
        Basis inherited = Basis.MARKETPLACE_DEFAULT;
        // Shopee PH: a manual cancellation the seller must agree to, in 1-3 business days
        row("shopee.ph.after-arranged-seller-response", site, order("shopee.PH.1").status(SHIPMENT_ARRANGED),
                req(BUYER, CHANGE_OF_MIND), PENDING_SELLER, false, Duration.ofDays(3), REJECTED);
        row("shopee.ph.seller-cancel-out-of-stock", inherited, order("shopee.PH.1"), req(SELLER, OUT_OF_STOCK),
                APPROVED, true, null, null);
        // Shopee TH local shops from 2024-10-03: instant until scanned; food, pre-order, digital only within 1 h
        row("shopee.th.before-scan-instant", site, order("shopee.TH.1").status(SHIPMENT_ARRANGED),
                req(BUYER, CHANGE_OF_MIND), APPROVED, false, null, null);
        row("shopee.th.pre-order-late-request", site, order("shopee.TH.1").with(ItemAttribute.PERISHABLE)
                .placedAt(T.minus(DAY)), req(BUYER, CHANGE_OF_MIND), DecisionContext.none(), REJECTED, CANCELLATION,
                false, null, null, "CONTACT_SELLER");
        Instant before = Instant.parse("2024-01-01T00:00:00Z");
        row("shopee.th.after-arranged-seller-response", inherited, order("shopee.TH.1").status(SHIPMENT_ARRANGED)
                .placedAt(before.minus(Duration.ofHours(2))), at(req(BUYER, CHANGE_OF_MIND), before),
                PENDING_SELLER, false, DAY, APPROVED);
        // Shopee VN: one request per order (secondary); silence: no source, the default
        row("shopee.vn.one-request-per-order", site, order("shopee.VN.1").status(SHIPMENT_ARRANGED),
                req(BUYER, CHANGE_OF_MIND), prior(List.of(new PriorRequest(T.minusSeconds(60), BUYER, CANCELLATION,
                        PENDING_SELLER)), List.of(), List.of()), REJECTED, CANCELLATION, false, null, null,
                "RETURN_AFTER_DELIVERY");
        row("shopee.vn.after-arranged-seller-response", inherited, order("shopee.VN.1").status(SHIPMENT_ARRANGED),
                req(BUYER, CHANGE_OF_MIND), PENDING_SELLER, false, DAY, APPROVED);
        // Shopee ID: the seller has 1x24 h, then the system cancels (the time-limited reading is an option)
        row("shopee.id.after-arranged-seller-response", site, order("shopee.ID.1").status(SHIPMENT_ARRANGED),
                req(BUYER, CHANGE_OF_MIND), PENDING_SELLER, false, DAY, APPROVED);
        row("shopee.id.before-arranged-instant", site, order("shopee.ID.1").placedAt(T.minus(Duration.ofHours(5))),
                req(BUYER, CHANGE_OF_MIND), APPROVED, false, null, null);
        for (String country : List.of("TW", "BR", "MX", "CO", "CL")) {
            row("shopee." + country.toLowerCase() + ".before-arranged-instant", inherited,
                    order("shopee." + country + ".1"), req(BUYER, CHANGE_OF_MIND), APPROVED, false, null, null);
        }
        amazon(site, inherited);
        tiktok(site, inherited);
        lazada(site, inherited);
        ozon(site, inherited);
    }

    static void lazada(Basis site, Basis inherited) {
        // PH and SG: seller-fault cancellations (the seller's, and Lazada's for a missed lead time), from their pages
        row("lazada.auto-cancel-late-shipment", site, order("lazada.PH.1"), req(PLATFORM, LATE_SHIPMENT), APPROVED,
                true, null, null);
        row("lazada.seller-cancel", site, order("lazada.PH.1"), req(SELLER, OUT_OF_STOCK), APPROVED, true, null,
                null);
        row("lazada.auto-cancel-late-shipment", site, order("lazada.SG.1"), req(PLATFORM, LATE_SHIPMENT), APPROVED,
                true, null, null);
        row("lazada.seller-cancel", site, order("lazada.SG.1"), req(SELLER, OUT_OF_STOCK), APPROVED, true, null,
                null);
        // buyer cancellation on every site, and everything on MY, TH, VN, ID: no source found, the default
        for (String country : List.of("PH", "SG", "MY", "TH", "VN", "ID")) {
            row("lazada.buyer-cancel-before-rts", inherited, order("lazada." + country + ".1"),
                    req(BUYER, CHANGE_OF_MIND), APPROVED, false, null, null);
        }
        for (String country : List.of("MY", "TH", "VN", "ID")) {
            row("lazada.seller-cancel", inherited, order("lazada." + country + ".1"), req(SELLER, OUT_OF_STOCK),
                    APPROVED, true, null, null);
        }
    }

    static void ozon(Basis site, Basis inherited) {
        row("ozon.kz.fbs.buyer-cancel-before-handover", site, order("ozon.KZ.1-0001-1").status(SHIPMENT_ARRANGED),
                req(BUYER, CHANGE_OF_MIND), APPROVED, false, null, null);
        row("ozon.kz.fbs.seller-cancel-out-of-stock", inherited, order("ozon.KZ.1-0001-1"), req(SELLER, OUT_OF_STOCK),
                APPROVED, true, null, null);
        row("ozon.kz.rfbs.buyer-cancel-awaiting-packaging", site, order("ozon.KZ.2-0001-1").scheme("RFBS"),
                req(BUYER, CHANGE_OF_MIND), APPROVED, false, null, null);
        row("ozon.kz.rfbs.auto-cancel-late-handover", site, order("ozon.KZ.2-0001-1").scheme("RFBS"),
                req(PLATFORM, LATE_SHIPMENT), APPROVED, true, null, null);
        row("ozon.kz.rfbs.buyer-request-awaiting-shipment", inherited, order("ozon.KZ.2-0001-1").scheme("RFBS")
                .status(SHIPMENT_ARRANGED), req(BUYER, CHANGE_OF_MIND), PENDING_SELLER, false, Duration.ofDays(3),
                APPROVED);
    }

    static void amazon(Basis site, Basis inherited) {
        row("amazon.jp.buyer-cancel-within-5-minutes", site, order("amazon.JP.1").placedAt(T.minus(
                Duration.ofMinutes(3))), req(BUYER, CHANGE_OF_MIND), APPROVED, false, null, null);
        row("amazon.jp.buyer-request", site, order("amazon.JP.1").placedAt(T.minus(Duration.ofMinutes(10))),
                req(BUYER, CHANGE_OF_MIND), PENDING_SELLER, false, Duration.ofDays(2), REJECTED);
        row("amazon.au.second-seller-cancellation-in-30-days", site, order("amazon.AU.1"), req(SELLER, OUT_OF_STOCK),
                prior(List.of(), List.of(), List.of(T.minus(Duration.ofDays(10)))), APPROVED, CANCELLATION, true,
                null, null, null);
        row("amazon.uk.auto-cancel-late-shipment", site, order("amazon.UK.1"), req(PLATFORM, LATE_SHIPMENT),
                APPROVED, true, null, null);
        row("amazon.sa.seller-cancel-buyer-message", site, order("amazon.SA.1"), byMessage(SELLER, BUYER_REQUESTED),
                APPROVED, true, null, null);
        row("amazon.ca.buyer-request", site, order("amazon.CA.1"), req(BUYER, CHANGE_OF_MIND), PENDING_SELLER, false,
                Duration.ofDays(2), REJECTED);
        row("amazon.mx.buyer-cancel-within-30-minutes", site, order("amazon.MX.1").placedAt(T.minus(
                Duration.ofMinutes(10))), req(BUYER, CHANGE_OF_MIND), APPROVED, false, null, null);
        row("amazon.ca.seller-cancel", inherited, order("amazon.CA.1"), req(SELLER, OUT_OF_STOCK), APPROVED, true,
                null, null);
        for (String country : List.of("BR", "SG", "AE")) {
            row("amazon." + country.toLowerCase() + ".buyer-request", inherited, order("amazon." + country + ".1"),
                    req(BUYER, CHANGE_OF_MIND), PENDING_SELLER, false, Duration.ofDays(2), REJECTED);
        }
    }

    static void tiktok(Basis site, Basis inherited) {
        row("tiktok.vn.auto-cancel-late-shipment", site, order("tiktok.VN.1"), req(PLATFORM, LATE_SHIPMENT),
                APPROVED, true, null, null);
        row("tiktok.id.buyer-request-before-shipment", site, order("tiktok.ID.1"), req(BUYER, CHANGE_OF_MIND),
                PENDING_SELLER, false, Duration.ofHours(48), APPROVED);
        Instant april = Instant.parse("2025-04-01T04:00:00Z");
        row("tiktok.id.buyer-cancel-without-review", site, order("tiktok.ID.1").placedAt(april.minus(DAY)),
                at(req(BUYER, CHANGE_OF_MIND), april), APPROVED, false, null, null);
        row("tiktok.id.buyer-request-before-shipment", site, order("tiktok.ID.1").with(ItemAttribute.PERISHABLE)
                .placedAt(april.minus(DAY)), at(req(BUYER, CHANGE_OF_MIND), april), PENDING_SELLER, false,
                Duration.ofDays(2), APPROVED);
        row("tiktok.id.buyer-request-shipped-by-seller", site, order("tiktok.ID.1").scheme("SELLER")
                .placedAt(april.minus(DAY)), at(req(BUYER, CHANGE_OF_MIND), april), PENDING_SELLER, false,
                Duration.ofDays(2), APPROVED);
        row("tiktok.us.buyer-cancel-on-hold", site, order("tiktok.US.1").placedAt(T.minus(Duration.ofMinutes(30))),
                req(BUYER, CHANGE_OF_MIND), APPROVED, false, null, null);
        row("tiktok.us.buyer-request-before-shipment", site, order("tiktok.US.1"), req(BUYER, CHANGE_OF_MIND),
                PENDING_SELLER, false, Duration.ofHours(24), APPROVED);
        for (String country : List.of("MY", "SG", "PH")) {
            row("tiktok." + country.toLowerCase() + ".buyer-request-before-shipment", site,
                    order("tiktok." + country + ".1"), req(BUYER, CHANGE_OF_MIND), PENDING_SELLER, false,
                    Duration.ofHours(48), APPROVED);
        }
        row("tiktok.uk.buyer-request-before-shipment", inherited, order("tiktok.UK.1"), req(BUYER, CHANGE_OF_MIND),
                PENDING_SELLER, false, Duration.ofHours(24), APPROVED);
        row("tiktok.uk.buyer-shipped-return-only", inherited, order("tiktok.UK.1").status(IN_TRANSIT),
                req(BUYER, CHANGE_OF_MIND), DecisionContext.none(), REJECTED, RETURN, false, null, null,
                "RETURN_AFTER_DELIVERY");
    }

    static Stream<SiteRow> rows() {
        return ROWS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void theSiteRuleFires_andTheDecisionStatesItsBasis(SiteRow site) {
        new DecisionRulesTest().ruleFires_andTheDecisionSaysWhatThePlatformDoes(site.row());
        Decision decision = DecisionRulesTest.decide(site.row());

        RuleRef named = decision.rules().stream().filter(r -> r.id().equals(site.row().rule())).findFirst()
                .orElseThrow();
        assertThat(named.basis()).isEqualTo(site.basis());
        assertThat(decision.basis()).isEqualTo(decision.rules().get(0).basis());
        if (site.basis() == Basis.MARKETPLACE_DEFAULT) {
            assertThat(named.source()).contains("source found").contains("default rule, inherited from")
                    .containsPattern("inherited from [a-z]+(-[A-Z]+)*@\\d{4}-\\d{2}-\\d{2}\\)$");
        } else {
            assertThat(named.source()).doesNotContain("inherited");
        }
    }

    @Test
    void theSitesNumbers_liveInTheirOverlays() {
        DeadlineRules ph = pack(Marketplace.SHOPEE, "PH", T).deadlines();
        assertThat(ph.shipBy().workingDays()).isEqualTo(2);
        assertThat(ph.autoCancel().days()).isEqualTo(3);
        assertThat(ph.autoCancel().workingDays()).isZero();
        assertThat(pack(Marketplace.TIKTOK, "US", T).deadlines().autoCancel().workingDays()).isEqualTo(7);
        DeadlineRules lazadaPh = pack(Marketplace.LAZADA, "PH", T).deadlines();
        assertThat(lazadaPh.shipBy().hours()).isNull();
        assertThat(lazadaPh.shipBy().workingDays()).isEqualTo(2);
        assertThat(lazadaPh.autoCancel().workingDays()).isEqualTo(2);
        assertThat(pack(Marketplace.LAZADA, "MY", T).deadlines().shipBy().schemeWorkingHours())
                .containsExactly(entry("CB", Duration.ofHours(48)));
        assertThat(pack(Marketplace.LAZADA, "SG", T).deadlines().shipBy().hours()).isEqualTo(Duration.ofHours(48));
        assertThat(Packs.CATALOG.inForce(Marketplace.OZON, "KZ", "RFBS", T).orElseThrow().deadlines().autoCancel()
                .days()).isEqualTo(10);
        assertThat(pack(Marketplace.OZON, "KZ", T).ref()).isEqualTo("ozon-KZ-FBS@2020-01-01");
        Instant br2026 = Instant.parse("2026-03-01T00:00:00Z");
        assertThat(pack(Marketplace.SHOPEE, "BR", br2026).health().metrics()).filteredOn(m -> m.id()
                .equals("shopee.lateShipmentRate")).extracting(MetricDefinition::threshold).containsExactly(0.15);
        assertThat(pack(Marketplace.SHOPEE, "BR", br2026).healthBasis()).isEqualTo(Basis.SITE);
        DeadlineRules br = pack(Marketplace.SHOPEE, "BR", br2026).deadlines();
        assertThat(br.weekendWorked().days()).containsExactly(DayOfWeek.SATURDAY);
        assertThat(br.shipBy().cutOff()).isEqualTo(LocalTime.of(14, 0));
        assertThat(br.shipBy().workingDays()).isEqualTo(1);
        assertThat(pack(Marketplace.SHOPEE, "BR", T).deadlines().weekendWorked()).isNull();
        assertThat(pack(Marketplace.SHOPEE, "BR", T).healthBasis()).isEqualTo(Basis.MARKETPLACE_DEFAULT);
        assertThat(pack(Marketplace.SHOPEE, "MY", T).healthBasis()).isEqualTo(Basis.SITE);
        assertThat(pack(Marketplace.AMAZON, "JP", T).rules()).filteredOn(r -> r.id().endsWith("-5-minutes"))
                .extracting(r -> r.when().requestedWithinOfPlacement()).containsExactly(Duration.ofMinutes(5));
        assertThat(pack(Marketplace.AMAZON, "JP", T).rules()).extracting(Rule::id)
                .doesNotContain("amazon.jp.buyer-cancel-within-30-minutes");
        assertThat(pack(Marketplace.AMAZON, "JP", T).rules()).filteredOn(r -> r.id().equals("amazon.jp.buyer-request"))
                .extracting(r -> r.then().explanation()).singleElement().asString().startsWith("After 5 minutes");
    }

    static PolicyPack pack(Marketplace marketplace, String site, Instant at) {
        return Packs.CATALOG.inForce(marketplace, site, null, at).orElseThrow();
    }
}
