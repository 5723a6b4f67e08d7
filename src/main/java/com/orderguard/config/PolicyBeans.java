package com.orderguard.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderguard.domain.deadline.CalendarCatalog;
import com.orderguard.domain.decision.PolicyCatalog;
import com.orderguard.policy.CalendarLoader;
import com.orderguard.policy.PolicyLoader;

import io.quarkus.runtime.Startup;

/**
 * Loads the policy packs and site calendars once, at start-up: a broken file stops the function from starting,
 * naming the file and the field.
 */
public class PolicyBeans {

    @Produces
    @Singleton
    @Startup
    PolicyCatalog policyCatalog(ObjectMapper mapper) {
        return new PolicyLoader(mapper, Thread.currentThread().getContextClassLoader()).load();
    }

    @Produces
    @Singleton
    @Startup
    CalendarCatalog calendarCatalog(ObjectMapper mapper) {
        return new CalendarLoader(mapper, Thread.currentThread().getContextClassLoader()).load();
    }
}
