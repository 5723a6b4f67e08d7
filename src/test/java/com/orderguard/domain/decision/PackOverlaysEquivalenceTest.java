package com.orderguard.domain.decision;

import static com.orderguard.support.TestOrders.T;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderguard.domain.Fulfilment;
import com.orderguard.domain.ItemAttribute;
import com.orderguard.domain.Marketplace;
import com.orderguard.domain.Order;
import com.orderguard.domain.OrderStatus;
import com.orderguard.domain.health.HealthRules;
import com.orderguard.policy.PolicyLoader;
import com.orderguard.support.Packs;
import com.orderguard.support.TestOrders;

/**
 * Proof that rewriting the packs as a base per marketplace plus overlays changed nothing: the whole-copy packs as
 * they were before (kept as fixtures in {@code src/test/resources/legacy-policies}) and the resolved overlays give
 * equal packs and equal decisions - for the rule-test corpus and for a cross product of initiator, status,
 * reason, channel, item attributes, carrier, fulfilment, timing and earlier requests on every site of every pack
 * version.
 */
class PackOverlaysEquivalenceTest {

    static final PolicyCatalog LEGACY = new PolicyLoader(new ObjectMapper(),
            PackOverlaysEquivalenceTest.class.getClassLoader(), "legacy-policies/").load();
    static final PolicyCatalog OVERLAYS = Packs.CATALOG;
    /** Marketplaces whose shop metrics were added after the overlays: their health is the packs' one difference. */
    static final Set<Marketplace> HEALTH_ADDED_LATER = Set.of(Marketplace.LAZADA, Marketplace.TIKTOK);
    /**
     * Legacy packs since split into a pack per site, and the sites whose decisions changed by design (Lazada PH: its
     * own lead times in the auto-cancel's explanation). Every other site of theirs decides as before, but for what
     * the decision cites: its own pack, and the inheritance named in each rule's basis and source.
     */
    static final Map<String, Set<String>> SPLIT = Map.of("lazada-SEA@2020-01-01", Set.of("PH"));

    static final List<Set<ItemAttribute>> ATTRIBUTES = List.of(Set.of(), Set.of(ItemAttribute.PRE_ORDER),
            Set.of(ItemAttribute.CUSTOM_MADE), Set.of(ItemAttribute.PERISHABLE, ItemAttribute.DIGITAL),
            Set.of(ItemAttribute.SAME_DAY_DELIVERY));
    static final List<String> CARRIERS = Arrays.asList(null, "SPX_EXPRESS", "J_AND_T");
    static final List<Duration> PLACED_BEFORE = List.of(Duration.ofMinutes(10), Duration.ofMinutes(50),
            Duration.ofHours(5), Duration.ofDays(3));
    static final List<Duration> SHIP_BY_AFTER = List.of(Duration.ofDays(2), Duration.ofHours(-6));

    @Test
    void everyLegacyPack_hasAnEqualResolvedPack_butForItsChain() {
        assertThat(OVERLAYS.packs()).extracting(PolicyPack::ref).containsAll(LEGACY.packs().stream()
                .map(PolicyPack::ref).filter(ref -> !SPLIT.containsKey(ref)).toList());
        for (PolicyPack legacy : LEGACY.packs()) {
            if (SPLIT.containsKey(legacy.ref())) {
                continue;
            }
            PolicyPack overlay = overlay(legacy.ref());
            assertThat(overlay.chain()).hasSizeGreaterThan(1).startsWith(legacy.ref());
            assertThat(overlay.rules()).as(legacy.ref() + " rules").containsExactlyElementsOf(legacy.rules());
            assertThat(overlay.addressChangeRules()).as(legacy.ref() + " address-change rules")
                    .containsExactlyElementsOf(legacy.addressChangeRules());
            HealthRules health = overlay.health();
            if (HEALTH_ADDED_LATER.contains(legacy.marketplace())) {
                assertThat(legacy.health()).isEqualTo(HealthRules.NONE);
                assertThat(health.metrics()).as(legacy.ref() + " metrics").isNotEmpty();
                health = HealthRules.NONE;
            }
            assertThat(new PolicyPack(overlay.id(), overlay.version(), overlay.marketplace(), overlay.sites(),
                    overlay.scheme(), overlay.effectiveFrom(), overlay.zone(), overlay.title(), overlay.rules(),
                    overlay.addressChangeRules(), overlay.deadlines(), health)).isEqualTo(legacy);
        }
    }

    @Test
    void aSplitPack_keepsItsRulesOnEverySite_butThoseItChanges_andItsDeadlinesWhereTheSiteStatesNone() {
        PolicyPack legacy = LEGACY.packs().stream().filter(p -> p.ref().equals("lazada-SEA@2020-01-01")).findFirst()
                .orElseThrow();
        for (String site : legacy.sites()) {
            PolicyPack overlay = OVERLAYS.inForce(legacy.marketplace(), site, null, T).orElseThrow();
            assertThat(overlay.ref()).isEqualTo("lazada-" + site + "@2020-01-01");
            if (SPLIT.get(legacy.ref()).contains(site)) {
                continue;
            }
            assertThat(uncited(overlay.rules())).as(site).containsExactlyElementsOf(uncited(legacy.rules()));
            assertThat(uncited(overlay.addressChangeRules())).as(site)
                    .containsExactlyElementsOf(uncited(legacy.addressChangeRules()));
            if (!site.equals("MY")) {
                assertThat(overlay.deadlines()).as(site).isEqualTo(legacy.deadlines());
            }
        }
    }

    static List<Rule> uncited(List<Rule> rules) {
        return rules.stream().map(r -> new Rule(r.id(), "", "", r.type(), r.when(), r.then())).toList();
    }

    static List<Arguments> corpus() {
        List<Arguments> rows = new ArrayList<>();
        DecisionRulesTest.ROWS.forEach(row -> rows.add(Arguments.of(row.rule(), row.order(), row.request(),
                row.seller())));
        AddressChangeRulesTest.rows().forEach(args -> rows.add(Arguments.of("address " + args.get()[0],
                args.get()[1], AddressChangeRulesTest.request(T), DecisionContext.none())));
        return rows;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void theRuleTestCorpus_isDecidedAlikeByBothCatalogues(String rule, Order order, OrderRequest request,
            DecisionContext seller) {
        Instant at = request.requestedAt();
        PolicyPack legacy = LEGACY.inForce(order, at).orElseThrow();
        PolicyPack overlay = OVERLAYS.inForce(order, at).orElseThrow();
        if (SPLIT.getOrDefault(legacy.ref(), Set.of()).contains(order.site())) {
            return;
        }
        boolean split = SPLIT.containsKey(legacy.ref());
        assertThat(overlay.ref()).isEqualTo(split ? legacy.id().replace("SEA", order.site()) + "@"
                + legacy.version() : legacy.ref());
        assertThat(cited(Decisions.decide(order, request, overlay, seller, T), split))
                .isEqualTo(cited(Decisions.decide(order, request, legacy, seller, T), split));
        assertThat(cited(Decisions.decideAddressChange(order, request, overlay, seller, T), split))
                .isEqualTo(cited(Decisions.decideAddressChange(order, request, legacy, seller, T), split));
    }

    static List<Arguments> sites() {
        List<Arguments> sites = new ArrayList<>();
        for (PolicyPack pack : LEGACY.packs()) {
            pack.sites().stream().sorted().filter(site -> !SPLIT.getOrDefault(pack.ref(), Set.of()).contains(site))
                    .forEach(site -> sites.add(Arguments.of(pack.ref(), site)));
        }
        return sites;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("sites")
    void aCrossProductOfRequests_isDecidedAlike_onEverySiteOfEveryPackVersion(String ref, String site) {
        PolicyPack legacy = LEGACY.packs().stream().filter(p -> p.ref().equals(ref)).findFirst().orElseThrow();
        boolean split = SPLIT.containsKey(ref);
        PolicyPack overlay = split ? OVERLAYS.inForce(legacy.marketplace(), site, legacy.scheme(),
                legacy.effectiveFrom()).orElseThrow() : overlay(ref);
        Instant at = legacy.effectiveFrom().plus(Duration.ofHours(1));
        int compared = 0;
        List<String> different = new ArrayList<>();
        for (Order order : orders(legacy, site, at)) {
            assertThat(OVERLAYS.inForce(order, at)).map(PolicyPack::ref).hasValue(overlay.ref());
            for (OrderRequest request : requests(at)) {
                for (DecisionContext seller : contexts(at)) {
                    Decision expected = cited(Decisions.decide(order, request, legacy, seller, at), split);
                    if (!cited(Decisions.decide(order, request, overlay, seller, at), split).equals(expected)) {
                        different.add(order + " " + request + " " + seller);
                    }
                    compared++;
                }
            }
            OrderRequest address = AddressChangeRulesTest.request(at);
            assertThat(cited(Decisions.decideAddressChange(order, address, overlay, DecisionContext.none(), at),
                    split)).isEqualTo(cited(Decisions.decideAddressChange(order, address, legacy,
                            DecisionContext.none(), at), split));
        }
        assertThat(different).as("requests decided differently").isEmpty();
        assertThat(compared).isGreaterThan(10_000);
    }

    static List<Order> orders(PolicyPack pack, String site, Instant at) {
        List<Order> orders = new ArrayList<>();
        String key = pack.marketplace().code() + "." + site + ".1";
        for (OrderStatus status : OrderStatus.values()) {
            for (Set<ItemAttribute> attributes : ATTRIBUTES) {
                for (String carrier : CARRIERS) {
                    for (Fulfilment fulfilment : Fulfilment.values()) {
                        for (Duration placed : PLACED_BEFORE) {
                            for (Duration shipBy : SHIP_BY_AFTER) {
                                orders.add(TestOrders.order(key).status(status).scheme(pack.scheme())
                                        .with(attributes.toArray(ItemAttribute[]::new)).carrier(carrier)
                                        .fulfilment(fulfilment).placedAt(at.minus(placed)).shipBy(at.plus(shipBy))
                                        .deliveredAt(status == OrderStatus.DELIVERED ? at.minus(Duration.ofDays(2))
                                                : null).build());
                            }
                        }
                    }
                }
            }
        }
        return orders;
    }

    static List<OrderRequest> requests(Instant at) {
        List<OrderRequest> requests = new ArrayList<>();
        for (Initiator initiator : Initiator.values()) {
            for (CancelReason reason : CancelReason.values()) {
                for (Channel channel : Channel.values()) {
                    requests.add(new OrderRequest("r-1", initiator, reason, channel, at, null));
                }
            }
        }
        return requests;
    }

    static List<DecisionContext> contexts(Instant at) {
        PriorRequest inTransit = new PriorRequest(at.minus(Duration.ofDays(1)), Initiator.BUYER,
                DecisionKind.IN_TRANSIT_RETURN, Outcome.APPROVED);
        PriorRequest pending = new PriorRequest(at.minusSeconds(60), Initiator.BUYER, DecisionKind.CANCELLATION,
                Outcome.PENDING_SELLER);
        return List.of(DecisionContext.none(),
                new DecisionContext(List.of(), List.of(pending, inTransit, inTransit), List.of(), List.of()),
                new DecisionContext(List.of(), List.of(), List.of(inTransit, inTransit, inTransit, inTransit,
                        inTransit), List.of(at.minus(Duration.ofDays(3)))));
    }

    /**
     * The decision as compared: whole, or for a pack since split per site, without what its rules cite (the pack,
     * the source and the basis), which the split changes by design.
     */
    static Decision cited(Decision decision, boolean split) {
        if (!split) {
            return decision;
        }
        List<RuleRef> rules = decision.rules().stream().map(rule -> new RuleRef(rule.id(), "", "")).toList();
        return new Decision(decision.outcome(), decision.kind(), decision.respondBy(), decision.ifNoResponse(),
                decision.countsAgainstSeller(), decision.alternative(), decision.actions(), rules,
                decision.explanation(), decision.costs(), decision.platformReason(), decision.metricImpact(),
                decision.returnBy());
    }

    static PolicyPack overlay(String ref) {
        return OVERLAYS.packs().stream().filter(p -> p.ref().equals(ref)).findFirst().orElseThrow();
    }
}
