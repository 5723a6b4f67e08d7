package com.orderguard.config;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.orderguard.application.AddressChanges;
import com.orderguard.application.Cancellations;
import com.orderguard.application.DeadlineService;
import com.orderguard.application.Defects;
import com.orderguard.application.Holds;
import com.orderguard.application.Inbox;
import com.orderguard.application.MessageRequests;
import com.orderguard.application.OrderQueries;
import com.orderguard.application.OrderSnapshots;
import com.orderguard.application.SeenOrders;
import com.orderguard.application.ShopHealthService;
import com.orderguard.application.Sweep;
import com.orderguard.adapter.telemetry.EmfTelemetry;
import com.orderguard.adapter.telemetry.MdcCorrelation;
import com.orderguard.application.port.OrderChangeStore;
import com.orderguard.application.port.Correlation;
import com.orderguard.application.port.HealthStore;
import com.orderguard.application.port.InboxStore;
import com.orderguard.application.port.OrderStore;
import com.orderguard.application.port.ReadRound;
import com.orderguard.application.port.Telemetry;
import com.orderguard.domain.deadline.CalendarCatalog;
import com.orderguard.domain.decision.PolicyCatalog;

import io.quarkus.arc.DefaultBean;

/** Wires the framework-free use cases to their ports and settings. */
@ApplicationScoped
public class ApplicationBeans {

    /** The wall clock; a local simulation replaces it with its own. */
    @Produces
    @DefaultBean
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Metrics as EMF lines on standard output, where Lambda sends them to CloudWatch. */
    @Produces
    @Singleton
    Telemetry telemetry(OrderGuardConfig config, Clock clock) {
        OrderGuardConfig.Metrics metrics = config.metrics();
        return metrics.enabled() ? new EmfTelemetry(() -> System.out, clock, metrics.namespace(), metrics.function())
                : Telemetry.NONE;
    }

    @Produces
    @Singleton
    Correlation correlation() {
        return new MdcCorrelation();
    }

    @Produces
    @Singleton
    DeadlineService deadlineService(PolicyCatalog catalog, CalendarCatalog calendars, OrderGuardConfig config) {
        return new DeadlineService(catalog, calendars, config.sweep().warningLeads());
    }

    @Produces
    @Singleton
    OrderSnapshots orderSnapshots(OrderStore store, DeadlineService deadlines, ShopHealthService health,
            OrderGuardConfig config, SeenOrders seen) {
        return new OrderSnapshots(store, deadlines, health, config.eventRetention(), seen);
    }

    @Produces
    @Singleton
    SeenOrders seenOrders(OrderGuardConfig config) {
        return new SeenOrders(config.seenOrders());
    }

    @Produces
    @Singleton
    ShopHealthService shopHealth(HealthStore store, PolicyCatalog catalog, OrderGuardConfig config) {
        return new ShopHealthService(store, catalog, config.health().atRiskMargin());
    }

    @Produces
    @Singleton
    Inbox inbox(InboxStore store, ShopHealthService health) {
        return new Inbox(store, health);
    }

    @Produces
    @Singleton
    OrderQueries orderQueries(OrderStore store, OrderChangeStore requests, OrderGuardConfig config) {
        return new OrderQueries(store, requests, config.health().frequentCancellerThreshold());
    }

    @Produces
    @Singleton
    Cancellations cancellations(OrderStore orders, OrderChangeStore requests, PolicyCatalog catalog,
            DeadlineService deadlines, ShopHealthService health, Telemetry telemetry, ReadRound round,
            SeenOrders seen) {
        return new Cancellations(orders, requests, catalog, deadlines, health, telemetry, round, seen);
    }

    @Produces
    @Singleton
    MessageRequests messageRequests(OrderStore orders, OrderChangeStore requests, PolicyCatalog catalog,
            DeadlineService deadlines, ShopHealthService health, Telemetry telemetry, ReadRound round,
            SeenOrders seen, OrderGuardConfig config) {
        return new MessageRequests(orders, requests, catalog, deadlines, health, telemetry, round, seen,
                config.eventRetention());
    }

    @Produces
    @Singleton
    Defects defects(OrderStore orders, OrderChangeStore requests, DeadlineService deadlines,
            ShopHealthService health) {
        return new Defects(orders, requests, deadlines, health);
    }

    @Produces
    @Singleton
    AddressChanges addressChanges(OrderStore orders, OrderChangeStore requests, PolicyCatalog catalog,
            ReadRound round) {
        return new AddressChanges(orders, requests, catalog, round);
    }

    @Produces
    @Singleton
    Holds holds(OrderStore orders, OrderChangeStore requests, DeadlineService deadlines) {
        return new Holds(orders, requests, deadlines);
    }

    @Produces
    @Singleton
    Sweep sweep(OrderStore orders, OrderChangeStore requests, DeadlineService deadlines, PolicyCatalog catalog,
            ShopHealthService health, Clock clock, OrderGuardConfig config, Telemetry telemetry,
            Correlation correlation, ReadRound round) {
        return new Sweep(orders, requests, deadlines, catalog, health, clock, config.dueIndex().shards(),
                config.sweep().pageSize(), telemetry, correlation,
                config.sweep().parallelShards() > 1 ? round : ReadRound.SEQUENTIAL);
    }
}
