package com.orderguard.application;

import java.time.Instant;
import java.util.List;

import com.orderguard.application.port.OrderChangeStore.OrderChange;
import com.orderguard.domain.Order;
import com.orderguard.domain.OrderEffect;
import com.orderguard.domain.OrderEvent;
import com.orderguard.domain.OrderKey;
import com.orderguard.domain.TenantId;
import com.orderguard.domain.decision.RequestType;
import com.orderguard.domain.health.MetricEvents;
import com.orderguard.domain.health.ShopKey;

/**
 * The order change that commits a domain effect: its state with the next due time, the requests it closes, its
 * history, its events for the outbox (with tenant, order, time and a stable id), the request an auto-cancel
 * records, and the shop's counts when a cancellation that counts against the seller took effect.
 */
final class EffectChanges {

    private EffectChanges() {
    }

    /** The change; {@code lookLater}: the writer looks at the shop's metrics later than right after the commit. */
    static OrderChange.Builder of(StoredOrder before, OrderEffect effect, DeadlineService deadlines, boolean lookLater,
            Instant now) {
        List<OutboxEvent> events = effect.events().stream().map(e -> outbox(before, e, now)).toList();
        List<RequestRecord> created = events.stream().filter(e -> e instanceof OutboxEvent.OrderAutoCancelled)
                .map(e -> ((OutboxEvent.OrderAutoCancelled) e).request()).toList();
        Order order = effect.state().order();
        return OrderChange.of(before, now)
                .state(effect.state(), deadlines.next(order, effect.state().timers()))
                .created(created).transitions(effect.transitions()).history(effect.history()).events(events)
                .counts(cancellationCounts(order, effect.countsAgainstSeller(), deadlines, lookLater, now));
    }

    /** The shop's counts of a cancellation that took effect now, when it counts against the seller. */
    static ShopCounts cancellationCounts(Order order, boolean counts, DeadlineService deadlines, boolean lookLater,
            Instant now) {
        ShopKey shop = ShopKey.of(order);
        return counts ? new ShopCounts(shop, MetricEvents.ofCancellation(now, deadlines.zoneOf(order)), lookLater)
                : ShopCounts.none(shop);
    }

    private static OutboxEvent outbox(StoredOrder before, OrderEvent event, Instant now) {
        TenantId tenant = before.tenant();
        OrderKey key = before.order().key();
        if (event instanceof OrderEvent.ShipByApproaching warn) {
            return new OutboxEvent.ShipByApproaching(OutboxEvent.id("ShipByApproaching", tenant, key,
                    warn.lead() + ":" + warn.shipBy()), tenant, key, now, warn.shipBy(), warn.lead());
        }
        if (event instanceof OrderEvent.OrderAutoCancelled cancelled) {
            RequestRecord record = new RequestRecord(cancelled.request(), cancelled.decision(), cancelled.packRef(),
                    Cancellations.statusOf(cancelled.decision()), now, null,
                    Fingerprints.ofCancellation(cancelled.request()), RequestType.CANCELLATION);
            return new OutboxEvent.OrderAutoCancelled(OutboxEvent.id("OrderAutoCancelled", tenant, key,
                    record.requestId()), tenant, key, now, record);
        }
        if (event instanceof OrderEvent.RequestAutoApproved approved) {
            return new OutboxEvent.RequestAutoApproved(OutboxEvent.id("RequestAutoApproved", tenant, key,
                    approved.requestId()), tenant, key, now, approved.requestId());
        }
        OrderEvent.RequestResolved resolved = (OrderEvent.RequestResolved) event;
        return new OutboxEvent.CancellationResolved(OutboxEvent.id("CancellationResolved", tenant, key,
                resolved.requestId()), tenant, key, now, resolved.requestId(), resolved.status(),
                resolved.resolution());
    }
}
