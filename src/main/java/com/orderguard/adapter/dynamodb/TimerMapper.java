package com.orderguard.adapter.dynamodb;

import static com.orderguard.adapter.dynamodb.Attrs.instant;
import static com.orderguard.adapter.dynamodb.Attrs.s;
import static com.orderguard.adapter.dynamodb.Attrs.string;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.orderguard.domain.PendingRequest;
import com.orderguard.domain.deadline.Hold;
import com.orderguard.domain.deadline.OrderDeadlines;
import com.orderguard.domain.deadline.OrderTimers;
import com.orderguard.domain.decision.DecisionKind;
import com.orderguard.domain.decision.Outcome;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** An order's timers as attributes of its ORDER item: deadlines, warnings given, overdue mark, hold, pending. */
final class TimerMapper {

    static final String SHIP_BY = "deadlineShipBy";
    static final String SHIP_BY_COMPUTED = "deadlineShipByComputed";
    static final String AUTO_CANCEL = "deadlineAutoCancelAt";
    static final String WARNED = "warned";
    static final String OVERDUE = "overdueSince";
    static final String HOLD = "hold";
    static final String PENDING_ID = "pendingRequestId";
    static final String PENDING_BY = "pendingRespondBy";
    static final String PENDING_IF_NO_RESPONSE = "pendingIfNoResponse";
    static final String PENDING_KIND = "pendingKind";
    static final String PENDING_COUNTS = "pendingCountsAgainstSeller";

    private TimerMapper() {
    }

    /** Sets the timers' attributes and removes those the timers do not have. */
    static void write(OrderTimers timers, UpdateBuilder update) {
        OrderDeadlines deadlines = timers.deadlines();
        instantOrRemove(update, SHIP_BY, deadlines.shipBy());
        update.set(SHIP_BY_COMPUTED, AttributeValue.fromBool(deadlines.shipByComputed()));
        instantOrRemove(update, AUTO_CANCEL, deadlines.autoCancelAt());
        if (timers.warned().isEmpty()) {
            update.remove(WARNED);
        } else {
            update.set(WARNED, AttributeValue.fromSs(timers.warned().stream().map(Duration::toString).toList()));
        }
        instantOrRemove(update, OVERDUE, timers.overdueSince());
        if (timers.hold() == null) {
            update.remove(HOLD);
        } else {
            Map<String, AttributeValue> hold = new HashMap<>();
            hold.put("until", Attrs.instant(timers.hold().until()));
            hold.put("by", s(timers.hold().by()));
            hold.put("setAt", Attrs.instant(timers.hold().setAt()));
            if (timers.hold().note() != null) {
                hold.put("note", s(timers.hold().note()));
            }
            update.set(HOLD, AttributeValue.fromM(hold));
        }
        PendingRequest pending = timers.pending();
        if (pending != null) {
            update.set(PENDING_ID, s(pending.requestId())).set(PENDING_BY, Attrs.instant(pending.respondBy()))
                    .set(PENDING_IF_NO_RESPONSE, s(pending.ifNoResponse().name()))
                    .set(PENDING_KIND, s(pending.kind().name()))
                    .set(PENDING_COUNTS, AttributeValue.fromBool(pending.countsAgainstSeller()));
        } else {
            update.remove(PENDING_ID).remove(PENDING_BY).remove(PENDING_IF_NO_RESPONSE).remove(PENDING_KIND)
                    .remove(PENDING_COUNTS);
        }
    }

    static OrderTimers read(Map<String, AttributeValue> item) {
        AttributeValue computed = item.get(SHIP_BY_COMPUTED);
        OrderDeadlines deadlines = new OrderDeadlines(instant(item, SHIP_BY),
                computed != null && Boolean.TRUE.equals(computed.bool()), instant(item, AUTO_CANCEL));
        Set<Duration> warned = new HashSet<>();
        if (item.containsKey(WARNED)) {
            item.get(WARNED).ss().forEach(text -> warned.add(Duration.parse(text)));
        }
        Hold hold = null;
        if (item.containsKey(HOLD)) {
            Map<String, AttributeValue> m = item.get(HOLD).m();
            hold = new Hold(instant(m, "until"), string(m, "by"), string(m, "note"), instant(m, "setAt"));
        }
        String pendingId = string(item, PENDING_ID);
        PendingRequest pending = pendingId == null ? null : new PendingRequest(pendingId, instant(item, PENDING_BY),
                Outcome.valueOf(string(item, PENDING_IF_NO_RESPONSE)),
                DecisionKind.valueOf(string(item, PENDING_KIND)),
                item.containsKey(PENDING_COUNTS) && Boolean.TRUE.equals(item.get(PENDING_COUNTS).bool()));
        return new OrderTimers(deadlines, warned, instant(item, OVERDUE), hold, pending);
    }

    private static void instantOrRemove(UpdateBuilder update, String name, Instant value) {
        if (value == null) {
            update.remove(name);
        } else {
            update.set(name, Attrs.instant(value));
        }
    }
}
