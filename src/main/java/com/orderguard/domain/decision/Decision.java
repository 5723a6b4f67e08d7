package com.orderguard.domain.decision;

import java.time.Instant;
import java.util.List;

/**
 * What the marketplace will do with a cancellation request, what the seller must do and by when, what it costs,
 * and which rules say so (never empty). {@code respondBy} and {@code ifNoResponse} are set only when the outcome
 * is {@link Outcome#PENDING_SELLER}; {@code alternative} only when it is {@link Outcome#REJECTED}.
 * {@code platformReason} is the reason code to send to the marketplace's API when the seller acts (e.g. Amazon
 * {@code BuyerCanceled}, Ozon {@code 352}), or null. {@code returnBy} is the end of the platform's return window
 * when only a return is possible and the order's delivery time is known, else null.
 */
public record Decision(
        Outcome outcome,
        DecisionKind kind,
        Instant respondBy,
        Outcome ifNoResponse,
        boolean countsAgainstSeller,
        String alternative,
        List<String> actions,
        List<RuleRef> rules,
        String explanation,
        List<Cost> costs,
        String platformReason,
        List<MetricImpact> metricImpact,
        Instant returnBy) {

    public Decision {
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("a decision names at least one rule");
        }
        actions = List.copyOf(actions);
        rules = List.copyOf(rules);
        costs = List.copyOf(costs);
        metricImpact = List.copyOf(metricImpact);
    }

    /**
     * What the decision rests on: the deciding rule's basis, {@link Basis#MARKETPLACE_DEFAULT} when no source for the
     * order's site was found and the marketplace's default rule decided.
     */
    public Basis basis() {
        return rules.get(0).basis();
    }

    /** The same decision with its metric impact. */
    public Decision withMetricImpact(List<MetricImpact> impact) {
        return new Decision(outcome, kind, respondBy, ifNoResponse, countsAgainstSeller, alternative, actions, rules,
                explanation, costs, platformReason, impact, returnBy);
    }
}
