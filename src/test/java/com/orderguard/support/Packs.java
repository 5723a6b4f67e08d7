package com.orderguard.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderguard.domain.decision.PolicyCatalog;
import com.orderguard.policy.PolicyLoader;

/** The real policy packs of src/main/resources/policies, loaded once for unit tests. */
public final class Packs {

    public static final PolicyCatalog CATALOG = new PolicyLoader(new ObjectMapper(),
            Packs.class.getClassLoader()).load();

    private Packs() {
    }
}
