package com.orderguard.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.orderguard.domain.Fulfilment;
import com.orderguard.domain.ItemAttribute;
import com.orderguard.domain.Order;
import com.orderguard.domain.OrderStatus;
import com.orderguard.domain.decision.CancelReason;
import com.orderguard.domain.decision.OrderRequest;
import com.orderguard.domain.decision.Channel;
import com.orderguard.domain.decision.DecisionKind;
import com.orderguard.domain.decision.Initiator;
import com.orderguard.domain.decision.MetricValue;
import com.orderguard.domain.decision.Outcome;
import com.orderguard.domain.decision.PolicyCatalog;
import com.orderguard.domain.decision.PolicyPack;
import com.orderguard.domain.decision.PriorRequest;
import com.orderguard.domain.decision.DecisionContext;
import com.orderguard.domain.health.MetricDefinition;
import com.orderguard.support.TestOrders;

/**
 * A realistic mix of cancellation requests for the benchmarks: Shopee MY, Amazon US and Ozon (FBS and rFBS) orders in
 * the states requests arrive in, from buyers, sellers and the platform, with the shop's current metrics and some
 * earlier requests, so that both the deciding rules and the adjusting rules and the metric impact do real work.
 */
public final class DecisionMix {

    private DecisionMix() {
    }

    /** One request on one order, with the pack in force and what is known about the seller. */
    public record Scenario(String name, Order order, OrderRequest request, PolicyPack pack,
            DecisionContext seller) {
    }

    /** What a scenario is made of before its pack is looked up. */
    private record Shape(String key, TestOrders order, Initiator initiator, CancelReason reason, Channel via,
            boolean priorRequests) {
    }

    /** The mix, with orders placed two hours before {@code at} and every request made at {@code at}. */
    public static List<Scenario> realistic(PolicyCatalog catalog, Instant at) {
        List<Scenario> scenarios = new ArrayList<>();
        for (Shape shape : shapes(at)) {
            Order order = shape.order().build();
            OrderRequest request = new OrderRequest("r-" + scenarios.size(), shape.initiator(),
                    shape.reason(), shape.via(), at, null);
            PolicyPack pack = catalog.inForce(order, at).orElseThrow(() -> new IllegalStateException(
                    "no pack for " + shape.key()));
            scenarios.add(new Scenario(shape.key() + " " + shape.initiator() + " " + shape.reason(), order, request,
                    pack, seller(pack, shape.priorRequests(), at)));
        }
        return List.copyOf(scenarios);
    }

    private static List<Shape> shapes(Instant at) {
        Instant placed = at.minus(Duration.ofHours(2));
        Instant shipBy = at.plus(Duration.ofDays(2));
        List<Shape> shapes = new ArrayList<>();
        // Shopee Malaysia: most requests come from buyers, before and after the shipment is arranged
        shapes.add(shape("shopee.MY.m1", OrderStatus.UNPAID, placed, shipBy, Initiator.BUYER,
                CancelReason.CHANGE_OF_MIND, false));
        shapes.add(shape("shopee.MY.m2", OrderStatus.AWAITING_SHIPMENT, placed, shipBy, Initiator.BUYER,
                CancelReason.CHANGE_OF_MIND, false));
        shapes.add(shape("shopee.MY.m3", OrderStatus.SHIPMENT_ARRANGED, placed, shipBy, Initiator.BUYER,
                CancelReason.WRONG_ADDRESS, true));
        shapes.add(new Shape("shopee.MY.m4", order("shopee.MY.m4", OrderStatus.IN_TRANSIT, placed, shipBy)
                .carrier("SPX_EXPRESS"), Initiator.BUYER, CancelReason.CHANGE_OF_MIND, Channel.PLATFORM_REQUEST,
                true));
        shapes.add(new Shape("shopee.MY.m5", order("shopee.MY.m5", OrderStatus.IN_TRANSIT, placed, shipBy)
                .carrier("SPX_EXPRESS").with(ItemAttribute.PERISHABLE), Initiator.BUYER, CancelReason.CHANGE_OF_MIND,
                Channel.PLATFORM_REQUEST, false));
        shapes.add(shape("shopee.MY.m6", OrderStatus.AWAITING_SHIPMENT, placed, shipBy, Initiator.SELLER,
                CancelReason.OUT_OF_STOCK, false));
        shapes.add(shape("shopee.MY.m7", OrderStatus.AWAITING_SHIPMENT, placed, at.minusSeconds(3600),
                Initiator.PLATFORM, CancelReason.LATE_SHIPMENT, false));
        shapes.add(new Shape("shopee.MY.m8", order("shopee.MY.m8", OrderStatus.DELIVERED, placed, shipBy)
                .deliveredAt(at.minus(Duration.ofDays(1))), Initiator.BUYER, CancelReason.WRONG_ITEM_SENT,
                Channel.PLATFORM_REQUEST, false));
        // Amazon US: buyer requests (through the flow or by message), seller cancellations, FBA, the platform
        shapes.add(shape("amazon.US.111-1", OrderStatus.AWAITING_SHIPMENT, at.minus(Duration.ofMinutes(20)), shipBy,
                Initiator.BUYER, CancelReason.CHANGE_OF_MIND, false));
        shapes.add(shape("amazon.US.111-2", OrderStatus.AWAITING_SHIPMENT, placed, shipBy, Initiator.BUYER,
                CancelReason.CHANGE_OF_MIND, true));
        shapes.add(new Shape("amazon.US.111-3", order("amazon.US.111-3", OrderStatus.AWAITING_SHIPMENT, placed,
                shipBy), Initiator.BUYER, CancelReason.CHANGE_OF_MIND, Channel.MESSAGE, false));
        shapes.add(shape("amazon.US.111-4", OrderStatus.AWAITING_SHIPMENT, placed, shipBy, Initiator.SELLER,
                CancelReason.OUT_OF_STOCK, false));
        shapes.add(shape("amazon.US.111-5", OrderStatus.AWAITING_SHIPMENT, placed, shipBy, Initiator.SELLER,
                CancelReason.BUYER_REQUESTED, true));
        shapes.add(new Shape("amazon.US.111-6", order("amazon.US.111-6", OrderStatus.AWAITING_SHIPMENT, placed,
                shipBy).fulfilment(Fulfilment.PLATFORM), Initiator.SELLER, CancelReason.OUT_OF_STOCK,
                Channel.PLATFORM_REQUEST, false));
        shapes.add(shape("amazon.US.111-7", OrderStatus.IN_TRANSIT, placed, shipBy, Initiator.BUYER,
                CancelReason.CHANGE_OF_MIND, false));
        shapes.add(shape("amazon.US.111-8", OrderStatus.AWAITING_SHIPMENT, placed, shipBy, Initiator.PLATFORM,
                CancelReason.FRAUD_RISK, false));
        // Ozon: FBS and rFBS postings
        shapes.add(new Shape("ozon.RU.1-0001-1", order("ozon.RU.1-0001-1", OrderStatus.SHIPMENT_ARRANGED, placed,
                shipBy).scheme("FBS"), Initiator.BUYER, CancelReason.CHANGE_OF_MIND, Channel.PLATFORM_REQUEST, false));
        shapes.add(new Shape("ozon.RU.1-0001-2", order("ozon.RU.1-0001-2", OrderStatus.AWAITING_SHIPMENT, placed,
                shipBy).scheme("FBS"), Initiator.SELLER, CancelReason.OUT_OF_STOCK, Channel.PLATFORM_REQUEST, true));
        shapes.add(new Shape("ozon.RU.1-0001-3", order("ozon.RU.1-0001-3", OrderStatus.IN_TRANSIT, placed,
                shipBy).scheme("FBS"), Initiator.BUYER, CancelReason.CHANGE_OF_MIND, Channel.PLATFORM_REQUEST, false));
        shapes.add(new Shape("ozon.RU.1-0001-4", order("ozon.RU.1-0001-4", OrderStatus.AWAITING_SHIPMENT, placed,
                at.minusSeconds(600)).scheme("FBS"), Initiator.PLATFORM, CancelReason.LATE_SHIPMENT,
                Channel.PLATFORM_REQUEST, false));
        shapes.add(new Shape("ozon.RU.2-0001-1", order("ozon.RU.2-0001-1", OrderStatus.AWAITING_SHIPMENT, placed,
                shipBy).scheme("RFBS"), Initiator.BUYER, CancelReason.CHANGE_OF_MIND, Channel.PLATFORM_REQUEST, false));
        shapes.add(new Shape("ozon.RU.2-0001-2", order("ozon.RU.2-0001-2", OrderStatus.IN_TRANSIT, placed,
                shipBy).scheme("RFBS"), Initiator.BUYER, CancelReason.WRONG_ADDRESS, Channel.PLATFORM_REQUEST, true));
        return shapes;
    }

    private static Shape shape(String key, OrderStatus status, Instant placed, Instant shipBy, Initiator initiator,
            CancelReason reason, boolean priorRequests) {
        return new Shape(key, order(key, status, placed, shipBy), initiator, reason, Channel.PLATFORM_REQUEST,
                priorRequests);
    }

    private static TestOrders order(String key, OrderStatus status, Instant placed, Instant shipBy) {
        return TestOrders.order(key).status(status).placedAt(placed).shipBy(shipBy);
    }

    /** The shop's metrics a little inside every threshold, and (optionally) earlier requests by the buyer. */
    private static DecisionContext seller(PolicyPack pack, boolean priorRequests, Instant at) {
        List<MetricValue> metrics = new ArrayList<>();
        for (MetricDefinition definition : pack.health().metrics()) {
            long orders = 400;
            long numerator = definition.limit().higherIsWorse()
                    ? Math.round(orders * definition.threshold() * 0.6)
                    : Math.round(orders * Math.min(1.0, definition.threshold() + 0.03));
            metrics.add(new MetricValue(definition.id(), definition.window(), numerator, orders));
        }
        List<PriorRequest> buyer = priorRequests
                ? List.of(new PriorRequest(at.minus(Duration.ofDays(3)), Initiator.BUYER, DecisionKind.CANCELLATION,
                        Outcome.APPROVED), new PriorRequest(at.minus(Duration.ofDays(12)), Initiator.BUYER,
                        DecisionKind.CANCELLATION, Outcome.PENDING_SELLER))
                : List.of();
        return new DecisionContext(metrics, List.of(), buyer, List.of());
    }
}
