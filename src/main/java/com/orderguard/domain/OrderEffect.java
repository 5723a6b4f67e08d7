package com.orderguard.domain;

import java.util.ArrayList;
import java.util.List;

import com.orderguard.domain.decision.RequestTransition;

/**
 * What one action does to an order: its new state, the recorded requests it closes, the lines for the order's
 * history, the events for the outside world, and whether a cancellation that counts against the seller took
 * effect (for the shop's metrics).
 */
public record OrderEffect(OrderState state, List<RequestTransition> transitions, List<HistoryEntry> history,
        List<OrderEvent> events, boolean countsAgainstSeller) {

    public OrderEffect {
        transitions = List.copyOf(transitions);
        history = List.copyOf(history);
        events = List.copyOf(events);
    }

    /** Nothing changes. */
    public static OrderEffect none(OrderState state) {
        return new OrderEffect(state, List.of(), List.of(), List.of(), false);
    }

    /** The same effect, with one more history line. */
    public OrderEffect withHistory(HistoryEntry line) {
        return new OrderEffect(state, transitions, concat(history, List.of(line)), events, countsAgainstSeller);
    }

    /** This effect followed by {@code next}, which was worked out on this effect's state. */
    public OrderEffect then(OrderEffect next) {
        return new OrderEffect(next.state, concat(transitions, next.transitions), concat(history, next.history),
                concat(events, next.events), countsAgainstSeller || next.countsAgainstSeller);
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
