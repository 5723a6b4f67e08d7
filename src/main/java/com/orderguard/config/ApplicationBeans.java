package com.orderguard.config;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;

import com.orderguard.application.Cancellations;
import com.orderguard.application.OrderQueries;
import com.orderguard.application.OrderSnapshots;
import com.orderguard.application.Sweep;
import com.orderguard.application.port.CancellationStore;
import com.orderguard.application.port.OrderStore;
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

    @Produces
    @Singleton
    OrderSnapshots orderSnapshots(OrderStore store, OrderGuardConfig config) {
        return new OrderSnapshots(store, config.eventRetention());
    }

    @Produces
    @Singleton
    OrderQueries orderQueries(OrderStore store) {
        return new OrderQueries(store);
    }

    @Produces
    @Singleton
    Cancellations cancellations(OrderStore orders, CancellationStore requests, PolicyCatalog catalog) {
        return new Cancellations(orders, requests, catalog);
    }

    @Produces
    @Singleton
    Sweep sweep(OrderStore store, Clock clock, OrderGuardConfig config) {
        return new Sweep(store, clock, config.dueIndex().shards(), config.sweep().pageSize());
    }
}
