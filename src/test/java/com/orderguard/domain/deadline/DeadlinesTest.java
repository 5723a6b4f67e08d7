package com.orderguard.domain.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.orderguard.domain.Fulfilment;
import com.orderguard.domain.ItemAttribute;
import com.orderguard.domain.Order;
import com.orderguard.domain.OrderStatus;
import com.orderguard.domain.decision.PolicyPack;
import com.orderguard.support.Calendars;
import com.orderguard.support.Packs;
import com.orderguard.support.TestOrders;

/** Ship-by and auto-cancel times per site, with the real packs and calendars. */
class DeadlinesTest {

    static OrderDeadlines deadlines(Order order) {
        PolicyPack pack = Packs.CATALOG.inForce(order, order.paidAt()).orElseThrow();
        return Deadlines.of(order, pack, Calendars.CATALOG.of(order.site(), pack.zone()));
    }

    static Order paid(String key, String paidAt) {
        return TestOrders.order(key).placedAt(Instant.parse(paidAt)).shipBy(null).build();
    }

    static Instant local(String dateTime, String zone) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(dateTime), ZoneId.of(zone)).toInstant();
    }

    @Test
    void shopeeMy_fridayEveningOrderBeforeNationalDay_shipsByTuesday_andAutoCancelsThreeWorkingDaysLater() {
        // Friday 28 Aug 2026, 20:00 in Kuala Lumpur; Monday 31 Aug is National Day
        OrderDeadlines d = deadlines(paid("shopee.MY.1", "2026-08-28T12:00:00Z"));
        assertThat(d.shipBy()).isEqualTo(local("2026-09-01T23:59:59", "Asia/Kuala_Lumpur"));
        assertThat(d.shipByComputed()).isTrue();
        assertThat(d.autoCancelAt()).isEqualTo(local("2026-09-04T23:59:59", "Asia/Kuala_Lumpur"));
    }

    @ParameterizedTest(name = "paid {0} -> ship by {1}")
    @CsvSource({
        // 23:30 Thursday in Kuala Lumpur: Friday is the next working day
        "2026-08-27T15:30:00Z, 2026-08-28T23:59:59",
        // 00:30 Friday in Kuala Lumpur (still Thursday in UTC): Tuesday, past the weekend and National Day
        "2026-08-27T16:30:00Z, 2026-09-01T23:59:59"})
    void shopeeMy_countsDaysInTheSitesTimeZone(String paidAt, String shipBy) {
        assertThat(deadlines(paid("shopee.MY.1", paidAt)).shipBy()).isEqualTo(local(shipBy, "Asia/Kuala_Lumpur"));
    }

    @Test
    void shopeeMy_preOrderAndCrossBorder_haveTheirOwnDaysToShip() {
        Order preOrder = TestOrders.order("shopee.MY.2").placedAt(Instant.parse("2026-03-02T02:00:00Z")).shipBy(null)
                .with(ItemAttribute.PRE_ORDER).build();
        // Monday 2 March + 7 working days = Wednesday 11 March
        assertThat(deadlines(preOrder).shipBy()).isEqualTo(local("2026-03-11T23:59:59", "Asia/Kuala_Lumpur"));
        Order crossBorder = TestOrders.order("shopee.MY.3").placedAt(Instant.parse("2026-03-02T02:00:00Z"))
                .shipBy(null).scheme("CB").build();
        assertThat(deadlines(crossBorder).shipBy()).isEqualTo(local("2026-03-04T23:59:59", "Asia/Kuala_Lumpur"));
    }

    @Test
    void amazonUs_autoCancelsSevenBusinessDaysAfterShipBy_skippingThanksgiving() {
        Instant shipBy = local("2026-11-25T18:00:00", "America/Los_Angeles");
        Order order = TestOrders.order("amazon.US.1").placedAt(Instant.parse("2026-11-23T10:00:00Z")).shipBy(shipBy)
                .build();
        OrderDeadlines d = deadlines(order);
        assertThat(d.shipBy()).isEqualTo(shipBy);
        assertThat(d.shipByComputed()).isFalse();
        assertThat(d.autoCancelAt()).isEqualTo(local("2026-12-07T18:00:00", "America/Los_Angeles"));
    }

    @Test
    void amazonDe_countsChristmasAsHolidays() {
        Instant shipBy = local("2026-12-23T12:00:00", "Europe/Berlin");
        Order order = TestOrders.order("amazon.DE.1").placedAt(Instant.parse("2026-12-20T10:00:00Z")).shipBy(shipBy)
                .build();
        // 24 Dec (1), 25-26 Dec holidays, weekend, 28 (2), 29 (3), 30 (4), 31 (5), 1 Jan holiday, 4 Jan (6), 5 (7)
        assertThat(deadlines(order).autoCancelAt()).isEqualTo(local("2027-01-05T12:00:00", "Europe/Berlin"));
    }

    @Test
    void amazonIn_computesAShipByWhenTheOrderHasNone() {
        // Friday 14 Aug 2026; Saturday 15 Aug is Independence Day; two working days: Monday 17, Tuesday 18
        OrderDeadlines d = deadlines(paid("amazon.IN.1", "2026-08-14T06:00:00Z"));
        assertThat(d.shipBy()).isEqualTo(local("2026-08-18T23:59:59", "Asia/Kolkata"));
    }

    @Test
    void ozon_takesShipmentDateAsGiven_fbsCancelsAtIt_rfbsSevenDaysLater() {
        Instant shipmentDate = Instant.parse("2026-05-08T15:00:00Z");
        Order fbs = TestOrders.order("ozon.RU.1-1").placedAt(Instant.parse("2026-05-06T10:00:00Z"))
                .shipBy(shipmentDate).build();
        assertThat(deadlines(fbs).autoCancelAt()).isEqualTo(shipmentDate);
        Order rfbs = TestOrders.order("ozon.RU.1-2").placedAt(Instant.parse("2026-05-06T10:00:00Z"))
                .shipBy(shipmentDate).scheme("RFBS").build();
        assertThat(deadlines(rfbs).autoCancelAt()).isEqualTo(shipmentDate.plus(java.time.Duration.ofDays(7)));
        Order withoutDate = TestOrders.order("ozon.RU.1-3").placedAt(Instant.parse("2026-05-06T10:00:00Z"))
                .shipBy(null).build();
        assertThat(deadlines(withoutDate).shipBy()).isNull();
        assertThat(deadlines(withoutDate).autoCancelAt()).isNull();
    }

    @Test
    void lazada_givesFortyEightHours_andTikTokThailandTwoWorkingDaysAroundSongkran() {
        assertThat(deadlines(paid("lazada.MY.1", "2026-04-10T03:00:00Z")).shipBy())
                .isEqualTo(Instant.parse("2026-04-12T03:00:00Z"));
        // Friday 10 April 2026; Songkran 13-15 April
        OrderDeadlines tiktok = deadlines(paid("tiktok.TH.1", "2026-04-10T03:00:00Z"));
        assertThat(tiktok.shipBy()).isEqualTo(local("2026-04-17T23:59:59", "Asia/Bangkok"));
        assertThat(tiktok.autoCancelAt()).isEqualTo(tiktok.shipBy());
    }

    @Test
    void lazadaPh_twoWorkingDaysToShip_andTwoMoreForPickup_pastIndependenceDay() {
        // Wednesday 10 June 2026, 10:00 in Manila; Friday 12 June is Independence Day
        OrderDeadlines d = deadlines(paid("lazada.PH.1", "2026-06-10T02:00:00Z"));
        assertThat(d.shipBy()).isEqualTo(local("2026-06-15T23:59:59", "Asia/Manila"));
        assertThat(d.autoCancelAt()).isEqualTo(local("2026-06-17T23:59:59", "Asia/Manila"));
    }

    @Test
    void lazadaMyCrossBorder_countsItsFortyEightHoursOnWorkingDaysOnly() {
        // Friday 28 Aug 2026, 10:00 in Kuala Lumpur: 14 h on Friday, none on the weekend or National Day (Monday
        // 31 Aug), 24 h on Tuesday, 10 h on Wednesday
        Order crossBorder = TestOrders.order("lazada.MY.2").placedAt(Instant.parse("2026-08-28T02:00:00Z"))
                .shipBy(null).scheme("CB").build();
        assertThat(deadlines(crossBorder).shipBy()).isEqualTo(local("2026-09-02T10:00:00", "Asia/Kuala_Lumpur"));
        assertThat(deadlines(paid("lazada.MY.1", "2026-08-28T02:00:00Z")).shipBy())
                .isEqualTo(Instant.parse("2026-08-30T02:00:00Z"));
    }

    @Test
    void shopeeBr_from20260211_shipsBy14OnItsLastDay_andWorksOnSaturdays() {
        // Friday 6 March 2026, 10:00 in Sao Paulo: Saturday is a fulfilment day, dispatch by 14:00
        OrderDeadlines d = deadlines(paid("shopee.BR.1", "2026-03-06T13:00:00Z"));
        assertThat(d.shipBy()).isEqualTo(local("2026-03-07T14:00:00", "America/Sao_Paulo"));
        assertThat(d.autoCancelAt()).isEqualTo(local("2026-03-11T14:00:00", "America/Sao_Paulo"));
        // Friday 30 January 2026, before the change: Monday, at the end of the day
        assertThat(deadlines(paid("shopee.BR.1", "2026-01-30T13:00:00Z")).shipBy())
                .isEqualTo(local("2026-02-02T23:59:59", "America/Sao_Paulo"));
    }

    @Test
    void platformFulfilledAndUnpaidOrders_haveNoClock() {
        Order fba = TestOrders.order("amazon.US.2").placedAt(Instant.parse("2026-03-02T02:00:00Z")).shipBy(null)
                .fulfilment(Fulfilment.PLATFORM).build();
        assertThat(deadlines(fba).autoCancelAt()).isNull();
        Order unpaid = TestOrders.order("shopee.MY.4").status(OrderStatus.UNPAID)
                .placedAt(Instant.parse("2026-03-02T02:00:00Z")).shipBy(null).build();
        assertThat(deadlines(unpaid).shipBy()).isNull();
    }

    @Test
    void russianCalendar_knowsTheWorkedSaturday() {
        SiteCalendar ru = Calendars.CATALOG.of("RU", ZoneId.of("Europe/Moscow"));
        assertThat(ru.isWorkingDay(LocalDate.parse("2025-11-01"))).isTrue();
        assertThat(ru.isWorkingDay(LocalDate.parse("2025-11-04"))).isFalse();
        assertThat(ru.plusWorkingDays(LocalDate.parse("2025-10-31"), 1)).isEqualTo(LocalDate.parse("2025-11-01"));
    }

    @Test
    void everyRequiredSite_hasHolidaysForThisYearAndTheNext() {
        for (String site : java.util.List.of("MY", "SG", "US", "IN", "DE", "RU", "TH")) {
            SiteCalendar calendar = Calendars.CATALOG.all().get(site);
            assertThat(calendar).as(site).isNotNull();
            assertThat(calendar.covers(LocalDate.parse("2026-06-01"))).as(site).isTrue();
            assertThat(calendar.covers(LocalDate.parse("2027-06-01"))).as(site).isTrue();
            assertThat(calendar.holidays()).as(site).anyMatch(d -> d.getYear() == 2027);
        }
    }
}
