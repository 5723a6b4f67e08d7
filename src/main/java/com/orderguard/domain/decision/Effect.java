package com.orderguard.domain.decision;

import java.time.Duration;
import java.util.List;

/**
 * What a rule decides (a DECIDE rule) or adds (an ADJUST rule). For an ADJUST rule every field is optional and
 * only what is set changes the decision: {@code countsAgainstSeller} and {@code platformReason} replace, actions
 * and costs are added, {@code explanation} is appended as a further clause. {@code returnWindow} is how long after
 * delivery the platform accepts a return (for RETURN decisions), or null.
 */
public record Effect(
        Outcome outcome,
        DecisionKind kind,
        Duration respondWithin,
        boolean respondUntilShipBy,
        Outcome ifNoResponse,
        Boolean countsAgainstSeller,
        String alternative,
        List<String> actions,
        List<Cost> costs,
        String platformReason,
        String explanation,
        Duration returnWindow) {

    public Effect {
        actions = List.copyOf(actions);
        costs = List.copyOf(costs);
    }
}
