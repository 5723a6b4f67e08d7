package com.orderguard.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.orderguard.domain.Order;
import com.orderguard.domain.OrderStatus;
import com.orderguard.domain.deadline.DeadlineRules;
import com.orderguard.domain.deadline.OrderTimers;
import com.orderguard.domain.decision.PolicyCatalog;
import com.orderguard.domain.decision.PolicyPack;
import com.orderguard.support.Calendars;
import com.orderguard.support.Packs;
import com.orderguard.support.TestOrders;

/** A pack change in the middle of an order's life: the clock keeps the pack of the payment. */
class DeadlineServiceTest {

    static final Instant CHANGE = Instant.parse("2026-05-31T16:00:00Z");

    /** The real packs plus a Shopee MY version from 1 June 2026 that gives 3 working days to ship. */
    static PolicyCatalog withChange() {
        PolicyPack current = Packs.CATALOG.packs().stream()
                .filter(p -> p.ref().equals("shopee-MY@2024-11-13")).findFirst().orElseThrow();
        DeadlineRules slower = new DeadlineRules(new DeadlineRules.ShipBy(null, 3, 7, Map.of(), Map.of(), null, "test"),
                current.deadlines().autoCancel());
        PolicyPack next = new PolicyPack("shopee-MY", "2026-06-01", current.marketplace(), current.sites(), null,
                CHANGE, current.zone(), "test", current.rules(), current.addressChangeRules(), slower,
                current.health());
        List<PolicyPack> packs = new ArrayList<>(Packs.CATALOG.packs());
        packs.add(next);
        return new PolicyCatalog(packs, List.of("ozon-RU-FBS"));
    }

    @Test
    void anOrderPaidBeforeTheChange_keepsItsShipBy_oneAfterGetsTheNewRule() {
        DeadlineService policy = new DeadlineService(withChange(), Calendars.CATALOG, List.of(Duration.ofHours(24)));
        Order before = TestOrders.order("shopee.MY.1").placedAt(Instant.parse("2026-05-27T02:00:00Z")).shipBy(null)
                .build();
        Order after = TestOrders.order("shopee.MY.2").placedAt(Instant.parse("2026-06-02T02:00:00Z")).shipBy(null)
                .build();

        Instant shipByBefore = policy.refresh(before, OrderTimers.NONE).deadlines().shipBy();
        Instant shipByAfter = policy.refresh(after, OrderTimers.NONE).deadlines().shipBy();

        // paid Wednesday 27 May: Thursday 28 May (1 working day under the old pack); the same snapshot seen after
        // the change keeps it
        assertThat(shipByBefore).isEqualTo(Instant.parse("2026-05-28T15:59:59Z"));
        assertThat(policy.refresh(before.withStatus(OrderStatus.SHIPMENT_ARRANGED), OrderTimers.NONE).deadlines()
                .shipBy()).isEqualTo(shipByBefore);
        // paid Tuesday 2 June: Friday 5 June (3 working days under the new pack)
        assertThat(shipByAfter).isEqualTo(Instant.parse("2026-06-05T15:59:59Z"));
    }

    @Test
    void aNewShipBy_restartsTheWarnings() {
        DeadlineService policy = new DeadlineService(Packs.CATALOG, Calendars.CATALOG, List.of(Duration.ofHours(24)));
        Order order = TestOrders.order("shopee.MY.3").shipBy(Instant.parse("2026-06-10T00:00:00Z")).build();
        OrderTimers warned = policy.refresh(order, OrderTimers.NONE).withWarned(java.util.Set.of(
                Duration.ofHours(24)));
        OrderTimers same = policy.refresh(order, warned);
        OrderTimers moved = policy.refresh(order.withShipBy(Instant.parse("2026-06-12T00:00:00Z")), warned);
        assertThat(same.warned()).containsExactly(Duration.ofHours(24));
        assertThat(moved.warned()).isEmpty();
    }
}
