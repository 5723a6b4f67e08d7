package com.orderguard.support;

import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Quiets the application's own logging while a test class runs, and restores it after: the adversarial suite sends
 * hundreds of rejected messages and retried calls, which are the point there, not news. Set on the log manager
 * (one per JVM) rather than as a test profile's config: Quarkus reads the profiles of every test class it
 * discovers, so log levels in a profile's config reached test classes of other profiles in the same run.
 */
public class QuietAppLogs implements BeforeEachCallback, AfterAllCallback {

    private static final Map<String, Level> QUIET = Map.of(
            "com.orderguard", Level.SEVERE,
            "com.orderguard.adapter.lambda.IngestFunction", Level.OFF,
            "com.orderguard.application.Sweep", Level.OFF,
            "com.orderguard.adapter.lambda.http.ApiRouter", Level.OFF);

    /** The levels before this class quieted them (null: inherited), to restore. */
    private final Map<String, Level> before = new HashMap<>();

    @Override
    public void beforeEach(ExtensionContext context) {
        QUIET.forEach((category, level) -> {
            Logger logger = Logger.getLogger(category);
            if (!before.containsKey(category)) {
                before.put(category, logger.getLevel());
            }
            logger.setLevel(level);
        });
    }

    @Override
    public void afterAll(ExtensionContext context) {
        before.forEach((category, level) -> Logger.getLogger(category).setLevel(level));
        before.clear();
    }
}
