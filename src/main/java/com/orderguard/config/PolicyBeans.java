package com.orderguard.config;

import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderguard.domain.decision.PolicyCatalog;
import com.orderguard.policy.PolicyLoader;

import io.quarkus.runtime.Startup;

/** Loads the policy packs once, at start-up: a broken pack stops the function from starting, naming the file. */
public class PolicyBeans {

    @Produces
    @Singleton
    @Startup
    PolicyCatalog policyCatalog(ObjectMapper mapper) {
        return new PolicyLoader(mapper, Thread.currentThread().getContextClassLoader()).load();
    }
}
