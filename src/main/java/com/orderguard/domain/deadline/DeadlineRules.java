package com.orderguard.domain.deadline;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;

/**
 * How a pack sets an order's deadlines when the order does not carry them. {@code shipBy} null: the ship-by time is
 * only ever the one the order gives (Ozon's shipment_date). {@code autoCancel} null: the platform does not cancel
 * late orders by itself. {@code weekendWorked} null: the site calendar's working days as they are.
 */
public record DeadlineRules(ShipBy shipBy, AutoCancel autoCancel, WeekendWorked weekendWorked) {

    /** Deadlines counted on the site calendar's working days as they are. */
    public DeadlineRules(ShipBy shipBy, AutoCancel autoCancel) {
        this(shipBy, autoCancel, null);
    }

    /** The site calendar with the platform's own working days: weekend days it counts as working. */
    public SiteCalendar workingDays(SiteCalendar calendar) {
        return weekendWorked == null ? calendar : calendar.working(weekendWorked.days());
    }

    /**
     * Days of the country's weekend the platform counts as working days (Shopee BR from 2026-02-11: Saturday);
     * public holidays on them stay days off.
     */
    public record WeekendWorked(Set<DayOfWeek> days, String source) {
        public WeekendWorked {
            days = Set.copyOf(days);
        }
    }

    /**
     * The ship-by time counted from payment: {@code hours} after it (Lazada's 48 h), or the end of the
     * {@code workingDays}-th working day after the payment date (Shopee's days to ship, TikTok's 2 working days);
     * pre-order lines and some delivery schemes (Shopee cross-border, {@code CB}) have their own day counts, and a
     * scheme may count its hours on working days only ({@code schemeWorkingHours}: Lazada MY cross-border, 48 h
     * without weekends and public holidays), which comes first. A {@code cutOff} ends the last working day at that
     * local time rather than at its end (Shopee BR's 14:00 dispatch cut-off).
     */
    public record ShipBy(Duration hours, int workingDays, Integer preOrderWorkingDays,
            Map<String, Integer> schemeWorkingDays, Map<String, Duration> schemeWorkingHours, LocalTime cutOff,
            String source) {
        public ShipBy {
            schemeWorkingDays = Map.copyOf(schemeWorkingDays);
            schemeWorkingHours = Map.copyOf(schemeWorkingHours);
        }
    }

    /**
     * When the platform cancels an order that has not shipped: {@code workingDays} working days (same local time)
     * and then {@code days} calendar days after the ship-by time (both 0: at the ship-by time itself).
     */
    public record AutoCancel(int workingDays, int days, String source) {
    }
}
