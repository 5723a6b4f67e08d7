package com.orderguard.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.orderguard.domain.deadline.CalendarCatalog;
import com.orderguard.domain.decision.PolicyCatalog;
import com.orderguard.policy.PolicyImage;

import io.quarkus.runtime.Startup;

/**
 * The policy packs and site calendars as beans: read once per build into {@link PolicyImage} (in the native
 * image's heap; at start-up on the JVM). A broken file stops the function from starting, naming the file and the
 * field, as it already stopped the build.
 */
public class PolicyBeans {

    @Produces
    @Singleton
    @Startup
    PolicyCatalog policyCatalog() {
        try {
            return PolicyImage.packs();
        } catch (ExceptionInInitializerError e) {
            throw unwrapped(e);
        }
    }

    @Produces
    @Singleton
    @Startup
    CalendarCatalog calendarCatalog() {
        try {
            return PolicyImage.calendars();
        } catch (ExceptionInInitializerError e) {
            throw unwrapped(e);
        }
    }

    /** The loader's own exception (file, chain and field named), not the class initialization's wrapper. */
    private static RuntimeException unwrapped(ExceptionInInitializerError e) {
        return e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
    }
}
