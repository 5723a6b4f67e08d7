package com.orderguard.application;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import com.orderguard.domain.Order;
import com.orderguard.domain.deadline.CalendarCatalog;
import com.orderguard.domain.deadline.DueAction;
import com.orderguard.domain.deadline.Deadlines;
import com.orderguard.domain.deadline.OrderTimers;
import com.orderguard.domain.deadline.Timers;
import com.orderguard.domain.decision.PolicyCatalog;
import com.orderguard.domain.decision.PolicyPack;

/**
 * Computes an order's deadlines and due actions from the packs, the site calendars and the configured warning lead
 * times: the pack in force when the order was paid sets its deadlines, so a later pack change does not move a
 * running clock.
 */
public class DeadlineService {

    private final PolicyCatalog catalog;
    private final CalendarCatalog calendars;
    private final List<Duration> leads;

    public DeadlineService(PolicyCatalog catalog, CalendarCatalog calendars, List<Duration> leads) {
        this.catalog = catalog;
        this.calendars = calendars;
        this.leads = List.copyOf(leads);
    }

    /** The timers with the order's deadlines brought up to date. */
    public OrderTimers refresh(Order order, OrderTimers timers) {
        Instant clockStart = order.paidAt() != null ? order.paidAt() : order.placedAt();
        PolicyPack pack = clockStart == null ? null : catalog.inForce(order, clockStart).orElse(null);
        if (pack == null) {
            return timers.withDeadlines(Deadlines.of(order, null, calendars.of(order.site(), ZoneOffset.UTC)));
        }
        return timers.withDeadlines(Deadlines.of(order, pack, calendars.of(order.site(), pack.zone())));
    }

    /** The time zone of the order's site: its calendar's, else its pack's, else UTC. */
    public ZoneId zoneOf(Order order) {
        var calendar = calendars.all().get(order.site());
        if (calendar != null) {
            return calendar.zone();
        }
        return catalog.inForce(order, Instant.MAX).map(PolicyPack::zone).orElse(ZoneOffset.UTC);
    }

    /** When the sweep must next look at the order (null: never). */
    public Instant next(Order order, OrderTimers timers) {
        return Timers.next(order, timers, leads);
    }

    /** What is due for the order at {@code now}. */
    public List<DueAction> due(Order order, OrderTimers timers, Instant now) {
        return Timers.due(order, timers, leads, now);
    }
}
