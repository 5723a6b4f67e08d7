package com.orderguard.domain.deadline;

import java.time.Duration;
import java.time.Instant;

import com.orderguard.domain.Fulfilment;
import com.orderguard.domain.ItemAttribute;
import com.orderguard.domain.Order;
import com.orderguard.domain.OrderStatus;
import com.orderguard.domain.decision.PolicyPack;

/** Deadline maths: pure, everything passed in. */
public final class Deadlines {

    private Deadlines() {
    }

    /**
     * The order's deadlines under {@code pack} (the pack in force when the order was paid) and the site's calendar.
     * Orders the platform fulfils, and unpaid orders, have none.
     */
    public static OrderDeadlines of(Order order, PolicyPack pack, SiteCalendar siteCalendar) {
        if (order.fulfilment() == Fulfilment.PLATFORM || order.status() == OrderStatus.UNPAID) {
            return new OrderDeadlines(order.shipBy(), false, null);
        }
        DeadlineRules rules = pack == null ? null : pack.deadlines();
        SiteCalendar calendar = rules == null ? siteCalendar : rules.workingDays(siteCalendar);
        Instant shipBy = order.shipBy();
        boolean computed = false;
        if (shipBy == null && rules != null && rules.shipBy() != null) {
            shipBy = computeShipBy(order, rules.shipBy(), calendar);
            computed = shipBy != null;
        }
        Instant autoCancel = null;
        if (shipBy != null && rules != null && rules.autoCancel() != null) {
            DeadlineRules.AutoCancel rule = rules.autoCancel();
            autoCancel = calendar.plusWorkingDays(shipBy, rule.workingDays()).plus(Duration.ofDays(rule.days()));
        }
        return new OrderDeadlines(shipBy, computed, autoCancel);
    }

    private static Instant computeShipBy(Order order, DeadlineRules.ShipBy rule, SiteCalendar calendar) {
        Instant paid = order.paidAt() != null ? order.paidAt() : order.placedAt();
        if (paid == null) {
            return null;
        }
        if (order.deliveryScheme() != null && rule.schemeWorkingHours().containsKey(order.deliveryScheme())) {
            return calendar.plusWorkingHours(paid, rule.schemeWorkingHours().get(order.deliveryScheme()));
        }
        if (rule.hours() != null) {
            return paid.plus(rule.hours());
        }
        int days = rule.workingDays();
        if (order.deliveryScheme() != null && rule.schemeWorkingDays().containsKey(order.deliveryScheme())) {
            days = rule.schemeWorkingDays().get(order.deliveryScheme());
        }
        if (rule.preOrderWorkingDays() != null && order.anyItem(ItemAttribute.PRE_ORDER)) {
            days = Math.max(days, rule.preOrderWorkingDays());
        }
        Instant end = calendar.endOfWorkingDay(paid, days);
        return rule.cutOff() == null ? end
                : end.atZone(calendar.zone()).toLocalDate().atTime(rule.cutOff()).atZone(calendar.zone()).toInstant();
    }
}
