package com.orderguard.domain.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.orderguard.domain.HistoryEntry;
import com.orderguard.domain.Order;
import com.orderguard.domain.OrderEffect;
import com.orderguard.domain.OrderEvent;
import com.orderguard.domain.OrderState;
import com.orderguard.domain.OrderStatus;
import com.orderguard.domain.PendingRequest;
import com.orderguard.domain.decision.DecisionKind;
import com.orderguard.domain.decision.Outcome;
import com.orderguard.domain.decision.RequestTransition;
import com.orderguard.domain.decision.Resolutions;
import com.orderguard.support.Packs;
import com.orderguard.support.TestOrders;

/** Each deadline action's effect: the order's new state, its history line(s) and its events, as pure values. */
class DueActionEffectsTest {

    static final Instant SHIP_BY = TestOrders.T.plus(Duration.ofDays(2));
    static final Instant AUTO_CANCEL = SHIP_BY.plus(Duration.ofDays(3));
    static final Instant NOW = AUTO_CANCEL.plus(Duration.ofHours(1));
    static final Duration DAY = Duration.ofHours(24);
    static final PendingRequest APPROVES = pending(Outcome.APPROVED, true);
    static final PendingRequest REJECTS = pending(Outcome.REJECTED, false);

    static PendingRequest pending(Outcome ifNoResponse, boolean counts) {
        return new PendingRequest("r-1", SHIP_BY, ifNoResponse, DecisionKind.CANCELLATION, counts);
    }

    static OrderState state(String key, OrderStatus status, PendingRequest pending) {
        Order order = TestOrders.order(key).status(status).shipBy(SHIP_BY).build();
        return new OrderState(order, new OrderTimers(new OrderDeadlines(SHIP_BY, false, AUTO_CANCEL), Set.of(), null,
                null, pending), null);
    }

    /** An order under a hold by seller-1 until {@code until}. */
    static OrderState held(OrderStatus status, Instant until) {
        OrderState state = state("shopee.MY.1", status, null);
        return state.withTimers(state.timers().withHold(new Hold(until, "seller-1", "strike", TestOrders.T)));
    }

    /** What the effect should be: order status, cancelled by, pending request, history, events, closed requests. */
    record Expected(OrderStatus status, String cancelledBy, String pending, List<String> history, List<String> events,
            List<String> transitions, boolean counts) {
    }

    static Arguments row(String name, OrderState state, DueAction action, Expected expected) {
        return Arguments.of(name, state, action, expected);
    }

    /** A pending request at its deadline: the history line says how it ended; the transition adds the note. */
    static Arguments expiry(String name, OrderStatus status, PendingRequest pending, OrderStatus after,
            String cancelledBy, String ended, String event, String transition, boolean counts) {
        return row(name, state("shopee.MY.1", status, pending), new DueAction.ExpireRequest(pending, SHIP_BY),
                new Expected(after, cancelledBy, null,
                        List.of("REQUEST_EXPIRED|request r-1 unanswered by " + SHIP_BY + ": " + ended + "|r-1"),
                        List.of(event), List.of("r-1 " + transition + " no answer by " + SHIP_BY), counts));
    }

    static Stream<Arguments> actions() {
        OrderStatus waiting = OrderStatus.AWAITING_SHIPMENT;
        return Stream.of(
                row("a warning goes out", state("shopee.MY.1", waiting, null),
                        new DueAction.Warn(DAY, SHIP_BY, true, SHIP_BY.minus(DAY)),
                        new Expected(waiting, null, null,
                                List.of("SHIP_BY_APPROACHING|ship-by time " + SHIP_BY + " is PT24H away|warn-PT24H"),
                                List.of("ShipByApproaching " + SHIP_BY + " PT24H"), List.of(), false)),
                row("a warning whose time has passed is only noted", state("shopee.MY.1", waiting, null),
                        new DueAction.Warn(DAY, SHIP_BY, false, SHIP_BY.minus(DAY)),
                        new Expected(waiting, null, null, List.of(), List.of(), List.of(), false)),
                row("the ship-by time passes", state("shopee.MY.1", waiting, null),
                        new DueAction.MarkOverdue(SHIP_BY, SHIP_BY),
                        new Expected(waiting, null, null, List.of("SHIP_BY_PASSED|not shipped by " + SHIP_BY
                                + "|overdue"), List.of(), List.of(), false)),
                row("the platform auto-cancels and supersedes the pending request",
                        state("shopee.MY.1", waiting, APPROVES), new DueAction.AutoCancel(AUTO_CANCEL),
                        new Expected(OrderStatus.CANCELLED, "auto-cancel", null,
                                List.of("ORDER_AUTO_CANCELLED|not shipped by the platform's deadline " + AUTO_CANCEL
                                        + ": cancelled as LATE_SHIPMENT|auto-cancel"),
                                List.of("OrderAutoCancelled auto-cancel LATE_SHIPMENT APPROVED shopee-MY@2024-11-13"),
                                List.of("r-1 SUPERSEDED ORDERGUARD SUPERSEDED the platform cancelled the order as not"
                                        + " shipped in time"), true)),
                row("a hold that ended is lifted", held(waiting, SHIP_BY),
                        new DueAction.LiftHold(held(waiting, SHIP_BY).timers().hold(), SHIP_BY),
                        new Expected(waiting, null, null, List.of("HOLD_ENDED|hold by seller-1 ended at " + SHIP_BY
                                + "|hold-" + SHIP_BY), List.of(), List.of(), false)),
                row("a hold extended meanwhile stays", held(waiting, NOW.plus(DAY)),
                        new DueAction.LiftHold(held(waiting, SHIP_BY).timers().hold(), SHIP_BY),
                        new Expected(waiting, null, null, List.of(), List.of(), List.of(), false)),
                row("no pack covers the site: no auto-cancel", state("shopee.ZZ.1", waiting, null),
                        new DueAction.AutoCancel(AUTO_CANCEL),
                        new Expected(waiting, null, null, List.of(), List.of(), List.of(), false)),
                expiry("an unanswered request the platform approves", waiting, APPROVES, OrderStatus.CANCELLED,
                        "r-1", "approved", "RequestAutoApproved r-1", "APPROVED AUTO APPROVE", true),
                expiry("an approval on silence that can no longer cancel: the order shipped", OrderStatus.IN_TRANSIT,
                        APPROVES, OrderStatus.IN_TRANSIT, null, "rejected", "RequestResolved r-1 REJECTED AUTO EXPIRED",
                        "REJECTED AUTO EXPIRED", false),
                expiry("an unanswered request the platform rejects", waiting, REJECTS, waiting, null, "rejected",
                        "RequestResolved r-1 REJECTED AUTO REJECT", "REJECTED AUTO REJECT", false),
                row("a request left on an order the platform cancelled is closed as superseded",
                        state("shopee.MY.1", OrderStatus.CANCELLED, APPROVES),
                        new DueAction.CloseRequest(APPROVES, SHIP_BY),
                        new Expected(OrderStatus.CANCELLED, null, null,
                                List.of("REQUEST_SUPERSEDED|request r-1 closed: the order was cancelled on the"
                                        + " platform before the seller answered|r-1"),
                                List.of("RequestResolved r-1 SUPERSEDED ORDERGUARD SUPERSEDED"),
                                List.of("r-1 SUPERSEDED ORDERGUARD SUPERSEDED the order was cancelled on the platform"
                                        + " before the seller answered"), false)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("actions")
    void eachAction_givesItsState_historyLine_andEvents(String name, OrderState state, DueAction action,
            Expected expected) {
        OrderEffect effect = action.effect(state, Packs.CATALOG, NOW);

        assertThat(effect.state().order().status()).isEqualTo(expected.status());
        assertThat(effect.state().cancelledBy()).isEqualTo(expected.cancelledBy());
        PendingRequest pending = effect.state().timers().pending();
        assertThat(pending == null ? null : pending.requestId()).isEqualTo(expected.pending());
        assertThat(effect.history()).map(DueActionEffectsTest::line).containsExactlyElementsOf(expected.history());
        assertThat(effect.history()).allSatisfy(entry -> assertThat(entry.at()).isEqualTo(NOW));
        assertThat(effect.events()).map(DueActionEffectsTest::event).containsExactlyElementsOf(expected.events());
        assertThat(effect.transitions()).map(DueActionEffectsTest::transition)
                .containsExactlyElementsOf(expected.transitions());
        assertThat(effect.countsAgainstSeller()).isEqualTo(expected.counts());
    }

    @Test
    void aHoldThatEnded_isGoneFromTheTimers_oneStillRunningIsKept() {
        OrderState ended = held(OrderStatus.AWAITING_SHIPMENT, SHIP_BY);
        DueAction lift = new DueAction.LiftHold(ended.timers().hold(), SHIP_BY);

        assertThat(lift.effect(ended, Packs.CATALOG, NOW).state().timers().hold()).isNull();
        OrderState extended = held(OrderStatus.AWAITING_SHIPMENT, NOW.plus(DAY));
        assertThat(lift.effect(extended, Packs.CATALOG, NOW).state().timers().hold())
                .isEqualTo(extended.timers().hold());
    }

    @Test
    void aWarning_isNotedAsGiven_andTheOverdueMark_setsItsTime() {
        OrderState state = state("shopee.MY.1", OrderStatus.AWAITING_SHIPMENT, null);
        assertThat(new DueAction.Warn(DAY, SHIP_BY, false, SHIP_BY.minus(DAY)).effect(state, Packs.CATALOG, NOW)
                .state().timers().warned()).containsExactly(DAY);
        assertThat(new DueAction.MarkOverdue(SHIP_BY, SHIP_BY).effect(state, Packs.CATALOG, NOW).state().timers()
                .overdueSince()).isEqualTo(SHIP_BY);
    }

    @Test
    void warningsDueTogether_onlyTheMostUrgentGoesOut_bothAreNoted() {
        Duration four = Duration.ofHours(4);
        OrderState state = state("shopee.MY.1", OrderStatus.AWAITING_SHIPMENT, null);
        OrderEffect effect = DueActionEffects.apply(state, List.of(
                new DueAction.Warn(DAY, SHIP_BY, true, SHIP_BY.minus(DAY)),
                new DueAction.Warn(four, SHIP_BY, true, SHIP_BY.minus(four))), Packs.CATALOG, NOW);

        assertThat(effect.events()).map(DueActionEffectsTest::event).containsExactly("ShipByApproaching " + SHIP_BY
                + " PT4H");
        assertThat(effect.history()).hasSize(1);
        assertThat(effect.state().timers().warned()).containsExactlyInAnyOrder(DAY, four);
    }

    @Test
    void aPendingRequestAlreadyGone_isLeftAlone() {
        OrderState state = state("shopee.MY.1", OrderStatus.AWAITING_SHIPMENT, null);
        OrderEffect effect = new DueAction.ExpireRequest(APPROVES, SHIP_BY).effect(state, Packs.CATALOG, NOW);
        assertThat(effect).isEqualTo(OrderEffect.none(state));
    }

    @Test
    void theSellersAnswer_resolvesThroughTheSameFunction_butIsAnnouncedAsResolved() {
        OrderState state = state("shopee.MY.1", OrderStatus.AWAITING_SHIPMENT, APPROVES);
        OrderEffect effect = Resolutions.answer(state, "r-1", true, "ok", true, NOW);

        assertThat(effect.state().order().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(effect.state().cancelledBy()).isEqualTo("r-1");
        assertThat(effect.state().timers().pending()).isNull();
        assertThat(effect.history()).map(DueActionEffectsTest::line)
                .containsExactly("CANCELLATION_RESOLVED|cancellation request r-1 approved by seller|r-1");
        assertThat(effect.events()).map(DueActionEffectsTest::event)
                .containsExactly("RequestResolved r-1 APPROVED SELLER APPROVE");
        assertThat(effect.countsAgainstSeller()).isTrue();
    }

    @Test
    void answeringAnotherRequest_leavesThePendingOneWaiting() {
        OrderState state = state("shopee.MY.1", OrderStatus.AWAITING_SHIPMENT, APPROVES);
        OrderEffect effect = Resolutions.answer(state, "r-0", false, null, true, NOW);
        assertThat(effect.state()).isEqualTo(state);
        assertThat(effect.countsAgainstSeller()).isFalse();
    }

    static String line(HistoryEntry entry) {
        return entry.kind() + "|" + entry.summary() + "|" + entry.reference();
    }

    static String transition(RequestTransition t) {
        return t.requestId() + " " + t.status() + " " + t.resolution().by() + " " + t.resolution().resolution() + " "
                + t.resolution().note();
    }

    static String event(OrderEvent event) {
        if (event instanceof OrderEvent.ShipByApproaching warn) {
            return "ShipByApproaching " + warn.shipBy() + " " + warn.lead();
        }
        if (event instanceof OrderEvent.OrderAutoCancelled cancelled) {
            return "OrderAutoCancelled " + cancelled.request().requestId() + " " + cancelled.request().reason() + " "
                    + cancelled.decision().outcome() + " " + cancelled.packRef();
        }
        if (event instanceof OrderEvent.RequestAutoApproved approved) {
            return "RequestAutoApproved " + approved.requestId();
        }
        OrderEvent.RequestResolved resolved = (OrderEvent.RequestResolved) event;
        return "RequestResolved " + resolved.requestId() + " " + resolved.status() + " "
                + resolved.resolution().by() + " " + resolved.resolution().resolution();
    }
}
