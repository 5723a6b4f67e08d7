package com.orderguard.domain.decision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.orderguard.domain.Order;
import com.orderguard.domain.health.MetricImpacts;

/**
 * Decides cancellation and address-change requests by a policy pack. Pure: everything comes in as arguments,
 * nothing is read from a clock, a store or the network, and every outcome - including a refusal - is a value. The
 * decision's metric impact is computed from the metric values in the {@link DecisionContext} (none given: none
 * shown).
 */
public final class Decisions {

    private Decisions() {
    }

    /**
     * What {@code pack}'s marketplace does with {@code request} on {@code order}: the first matching DECIDE rule
     * sets the outcome, every matching ADJUST rule then adds to it, and the decision cites them all.
     *
     * @param now used as the request time when the request carries none
     */
    public static Decision decide(Order order, OrderRequest request, PolicyPack pack, DecisionContext seller,
            Instant now) {
        return decide(RequestType.CANCELLATION, order, request, pack, seller, now);
    }

    /**
     * What the marketplace allows when the buyer wants the delivery address changed: update it, re-arrange the
     * shipment, intercept and re-ship, cancel and re-order, or only a return - by the pack's address-change rules.
     */
    public static Decision decideAddressChange(Order order, OrderRequest request, PolicyPack pack,
            DecisionContext seller, Instant now) {
        return decide(RequestType.ADDRESS_CHANGE, order, request, pack, seller, now);
    }

    private static Decision decide(RequestType type, Order order, OrderRequest request, PolicyPack pack,
            DecisionContext seller, Instant now) {
        OrderRequest req = request.requestedAt() != null ? request
                : new OrderRequest(request.requestId(), request.initiator(), request.reason(), request.via(),
                        now, request.note());
        Rule decider = pack.rules(type).stream()
                .filter(rule -> rule.type() == Rule.Type.DECIDE && rule.when().matches(order, req, seller))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("pack " + pack.ref() + " has no catch-all rule"));
        Effect base = decider.then();
        Adjusted adjusted = new Adjusted(decider);
        pack.rules(type).stream()
                .filter(rule -> rule.type() == Rule.Type.ADJUST && rule.when().matches(order, req, seller))
                .forEach(adjusted::apply);
        boolean pending = base.outcome() == Outcome.PENDING_SELLER;
        Decision decision = new Decision(base.outcome(), base.kind(), pending ? respondBy(base, order, req) : null,
                pending ? base.ifNoResponse() : null, adjusted.counts,
                base.outcome() == Outcome.REJECTED ? base.alternative() : null, adjusted.actions, adjusted.fired,
                adjusted.explanation.append('.').toString(), adjusted.costs, adjusted.platformReason, List.of(),
                base.returnWindow() != null && order.deliveredAt() != null
                        ? order.deliveredAt().plus(base.returnWindow()) : null);
        return decision.withMetricImpact(MetricImpacts.of(decision, pack.health(), seller.metrics()));
    }

    /** The seller's deadline: the order's ship-by time where the rule says so, else the rule's window. */
    private static Instant respondBy(Effect effect, Order order, OrderRequest request) {
        if (effect.respondUntilShipBy() && order.shipBy() != null && order.shipBy().isAfter(request.requestedAt())) {
            return order.shipBy();
        }
        return request.requestedAt().plus(effect.respondWithin());
    }

    /** The deciding rule's effect with every matching ADJUST rule applied in pack order. */
    private static final class Adjusted {
        private final List<RuleRef> fired = new ArrayList<>();
        private final List<String> actions;
        private final List<Cost> costs;
        private final StringBuilder explanation;
        private boolean counts;
        private String platformReason;

        Adjusted(Rule decider) {
            Effect base = decider.then();
            fired.add(ref(decider));
            counts = Boolean.TRUE.equals(base.countsAgainstSeller());
            actions = new ArrayList<>(base.actions());
            costs = new ArrayList<>(base.costs());
            platformReason = base.platformReason();
            explanation = new StringBuilder(trimPeriod(base.explanation()));
        }

        void apply(Rule rule) {
            Effect adjust = rule.then();
            fired.add(ref(rule));
            if (adjust.countsAgainstSeller() != null) {
                counts = adjust.countsAgainstSeller();
            }
            adjust.actions().stream().filter(a -> !actions.contains(a)).forEach(actions::add);
            costs.addAll(adjust.costs());
            if (adjust.platformReason() != null) {
                platformReason = adjust.platformReason();
            }
            if (adjust.explanation() != null) {
                explanation.append("; ").append(trimPeriod(adjust.explanation()));
            }
        }
    }

    private static RuleRef ref(Rule rule) {
        return new RuleRef(rule.id(), rule.pack(), rule.source(), rule.basis());
    }

    private static String trimPeriod(String text) {
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }
}
