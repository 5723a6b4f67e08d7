package com.orderguard.bench;

import java.util.List;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import com.orderguard.domain.decision.Decision;
import com.orderguard.domain.decision.Decisions;
import com.orderguard.support.Packs;
import com.orderguard.support.TestOrders;

/**
 * JMH benchmark of {@link Decisions#decide} with the real policy packs over {@link DecisionMix}. Modes, iterations
 * and forks are set by {@link DecisionEngineRun}, which runs it; the pack lookup is done once in the set-up, as the
 * use cases do it before deciding.
 */
@State(Scope.Thread)
public class DecisionEngineJmh {

    private DecisionMix.Scenario[] mix;
    private int next;

    /** Loads the packs and builds the mix once per benchmark run. */
    @Setup
    public void setUp() {
        List<DecisionMix.Scenario> scenarios = DecisionMix.realistic(Packs.CATALOG, TestOrders.T);
        mix = scenarios.toArray(DecisionMix.Scenario[]::new);
    }

    /** One decision; the scenarios are taken in turn, so every call decides a different request. */
    @Benchmark
    public Decision decide() {
        DecisionMix.Scenario scenario = mix[next];
        next = next + 1 == mix.length ? 0 : next + 1;
        return Decisions.decide(scenario.order(), scenario.request(), scenario.pack(), scenario.seller(),
                scenario.request().requestedAt());
    }
}
