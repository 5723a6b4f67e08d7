package com.orderguard.domain.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import com.orderguard.domain.Order;
import com.orderguard.domain.OrderStatus;
import com.orderguard.domain.PendingRequest;
import com.orderguard.domain.decision.DecisionKind;
import com.orderguard.domain.decision.Outcome;
import com.orderguard.support.TestOrders;

class TimersTest {

    static final Instant SHIP_BY = Instant.parse("2026-06-10T16:00:00Z");
    static final List<Duration> LEADS = List.of(Duration.ofHours(24), Duration.ofHours(4));
    static final Order ORDER = TestOrders.order("shopee.MY.1").shipBy(SHIP_BY).build();

    static OrderTimers timers(Instant autoCancel, Hold hold, PendingRequest pending) {
        return new OrderTimers(new OrderDeadlines(SHIP_BY, false, autoCancel), Set.of(), null, hold, pending);
    }

    @Test
    void warningsComeAtTheirLeadTimes_thenTheOverdueMark_thenTheAutoCancel() {
        OrderTimers t = timers(SHIP_BY.plus(Duration.ofDays(3)), null, null);
        assertThat(Timers.next(ORDER, t, LEADS)).isEqualTo(SHIP_BY.minus(Duration.ofHours(24)));
        assertThat(Timers.due(ORDER, t, LEADS, SHIP_BY.minus(Duration.ofHours(25)))).isEmpty();
        assertThat(Timers.due(ORDER, t, LEADS, SHIP_BY.minus(Duration.ofHours(5))))
                .containsExactly(new DueAction.Warn(Duration.ofHours(24), SHIP_BY, true,
                        SHIP_BY.minus(Duration.ofHours(24))));
        OrderTimers warned = t.withWarned(Set.copyOf(LEADS));
        assertThat(Timers.next(ORDER, warned, LEADS)).isEqualTo(SHIP_BY);
        OrderTimers overdue = warned.withOverdueSince(SHIP_BY);
        assertThat(Timers.next(ORDER, overdue, LEADS)).isEqualTo(SHIP_BY.plus(Duration.ofDays(3)));
        assertThat(Timers.due(ORDER, overdue, LEADS, SHIP_BY.plus(Duration.ofDays(3))))
                .containsExactly(new DueAction.AutoCancel(SHIP_BY.plus(Duration.ofDays(3))));
    }

    @Test
    void aWarningWhoseTimeIsLongGone_isRecordedButNotSent() {
        OrderTimers t = timers(null, null, null);
        List<DueAction> due = Timers.due(ORDER, t, LEADS, SHIP_BY.plus(Duration.ofHours(1)));
        assertThat(due).filteredOn(a -> a instanceof DueAction.Warn)
                .allSatisfy(a -> assertThat(((DueAction.Warn) a).send()).isFalse()).hasSize(2);
    }

    @Test
    void aHold_postponesTheAutoCancelAndAnApprovingExpiry_butNotARejectingOne() {
        Instant autoCancel = SHIP_BY.plus(Duration.ofDays(3));
        Hold hold = new Hold(autoCancel.plus(Duration.ofDays(2)), "seller", "courier strike", SHIP_BY);
        OrderTimers held = timers(autoCancel, hold, null).withWarned(Set.copyOf(LEADS)).withOverdueSince(SHIP_BY);
        assertThat(Timers.due(ORDER, held, LEADS, autoCancel.plusSeconds(1))).isEmpty();
        assertThat(Timers.next(ORDER, held, LEADS)).isEqualTo(hold.until());
        assertThat(Timers.due(ORDER, held, LEADS, hold.until())).containsExactly(
                new DueAction.LiftHold(hold, hold.until()), new DueAction.AutoCancel(autoCancel));

        PendingRequest approving = new PendingRequest("r-1", SHIP_BY, Outcome.APPROVED, DecisionKind.CANCELLATION,
                false);
        OrderTimers pendingHeld = new OrderTimers(OrderDeadlines.NONE, Set.of(), null, hold, approving);
        assertThat(Timers.due(ORDER, pendingHeld, LEADS, SHIP_BY.plusSeconds(1))).isEmpty();
        PendingRequest rejecting = new PendingRequest("r-2", SHIP_BY, Outcome.REJECTED, DecisionKind.CANCELLATION,
                false);
        assertThat(Timers.due(ORDER, pendingHeld.withPending(rejecting), LEADS, SHIP_BY.plusSeconds(1)))
                .containsExactly(new DueAction.ExpireRequest(rejecting, SHIP_BY));
    }

    @Test
    void anOrderThePlatformEnded_hasOnlyItsRequestToClose_atTheRequestsDeadline_evenUnderAHold() {
        PendingRequest pending = new PendingRequest("r-1", SHIP_BY, Outcome.APPROVED, DecisionKind.CANCELLATION,
                false);
        Hold hold = new Hold(SHIP_BY.plus(Duration.ofDays(5)), "seller", null, SHIP_BY.minus(Duration.ofDays(1)));
        for (OrderStatus ended : List.of(OrderStatus.CANCELLED, OrderStatus.RETURNED)) {
            Order order = ORDER.withStatus(ended);
            OrderTimers t = timers(SHIP_BY.plus(Duration.ofDays(3)), hold, pending);
            assertThat(Timers.next(order, t, LEADS)).isEqualTo(SHIP_BY);
            assertThat(Timers.due(order, t, LEADS, SHIP_BY.minusSeconds(1))).isEmpty();
            assertThat(Timers.due(order, t, LEADS, SHIP_BY.plus(Duration.ofDays(4))))
                    .containsExactly(new DueAction.CloseRequest(pending, SHIP_BY));
            // what is left is lifting the hold at its end; then nothing is ever due again
            assertThat(Timers.next(order, t.withPending(null), LEADS)).isEqualTo(hold.until());
            assertThat(Timers.due(order, t.withPending(null), LEADS, hold.until()))
                    .containsExactly(new DueAction.LiftHold(hold, hold.until()));
            assertThat(Timers.next(order, t.withPending(null).withHold(null), LEADS)).isNull();
        }
    }

    @Test
    void shippedOrders_haveOnlyTheirRequestDue() {
        OrderTimers t = timers(SHIP_BY.plus(Duration.ofDays(3)), null,
                new PendingRequest("r-1", SHIP_BY, Outcome.APPROVED, DecisionKind.CANCELLATION, false));
        Order shipped = ORDER.withStatus(OrderStatus.IN_TRANSIT);
        assertThat(Timers.next(shipped, t, LEADS)).isEqualTo(SHIP_BY);
        assertThat(Timers.due(shipped, t, LEADS, SHIP_BY)).hasSize(1)
                .allSatisfy(a -> assertThat(a).isInstanceOf(DueAction.ExpireRequest.class));
    }

    /**
     * For random timers: nothing is due just before {@code next}, something is due at it, and applying what is due
     * always moves {@code next} past the moment it was applied (so the sweep never loops on an entry).
     */
    @RepeatedTest(200)
    void nextAndDue_agree() {
        Random random = new Random();
        Instant autoCancel = random.nextBoolean() ? SHIP_BY.plus(Duration.ofHours(random.nextInt(100))) : null;
        Hold hold = random.nextBoolean() ? new Hold(SHIP_BY.plus(Duration.ofHours(random.nextInt(200) - 50)), "s",
                null, SHIP_BY) : null;
        PendingRequest pending = random.nextBoolean() ? new PendingRequest("r", SHIP_BY.plus(Duration.ofHours(
                random.nextInt(100) - 50)), random.nextBoolean() ? Outcome.APPROVED : Outcome.REJECTED,
                DecisionKind.CANCELLATION, false) : null;
        OrderTimers t = timers(autoCancel, hold, pending);
        Order order = switch (random.nextInt(6)) {
            case 0 -> ORDER.withStatus(OrderStatus.IN_TRANSIT);
            case 1 -> ORDER.withStatus(OrderStatus.CANCELLED);
            default -> ORDER;
        };
        for (int step = 0; step < 10; step++) {
            Instant next = Timers.next(order, t, LEADS);
            if (next == null) {
                return;
            }
            assertThat(Timers.due(order, t, LEADS, next.minusSeconds(1))).isEmpty();
            List<DueAction> due = Timers.due(order, t, LEADS, next);
            assertThat(due).isNotEmpty();
            Set<Duration> warned = new HashSet<>(t.warned());
            for (DueAction action : due) {
                if (action instanceof DueAction.Warn warn) {
                    warned.add(warn.lead());
                } else if (action instanceof DueAction.MarkOverdue overdue) {
                    t = t.withOverdueSince(overdue.shipBy());
                } else if (action instanceof DueAction.AutoCancel) {
                    // as the sweep does: the platform's cancel supersedes a pending request
                    order = order.withStatus(OrderStatus.CANCELLED);
                    t = t.withPending(null);
                } else if (action instanceof DueAction.LiftHold) {
                    t = t.withHold(null);
                } else if (action instanceof DueAction.ExpireRequest || action instanceof DueAction.CloseRequest) {
                    t = t.withPending(null);
                }
            }
            t = t.withWarned(warned);
            Instant after = Timers.next(order, t, LEADS);
            assertThat(after == null || after.isAfter(next)).as("next moves past %s", next).isTrue();
        }
    }
}
