package com.orderguard.reliability;

/**
 * The adversarial suite's size: the default run (a few minutes, in every {@code -Preliability}), or
 * {@code -Dreliability.scale=large}: at least 100,000 delivered events, 5% injected faults, 1,000 race rounds and
 * 50 killed sweeps, on DynamoDB's real conflict and throttling semantics (see docs/reliability.md for a run).
 * Each size can still be set on its own ({@code -Dreliability.runs}, ...).
 */
final class Scale {

    /** Whether this is the large run. */
    static final boolean LARGE = "large".equals(System.getProperty("reliability.scale"));

    private Scale() {
    }

    /** {@code property} if set, else {@code normal} or, in the large run, {@code large}. */
    static int of(String property, int normal, int large) {
        return Integer.getInteger(property, LARGE ? large : normal);
    }

    /** As {@link #of(String, int, int)}, for a fraction. */
    static double of(String property, double normal, double large) {
        String value = System.getProperty(property);
        return value != null ? Double.parseDouble(value) : LARGE ? large : normal;
    }
}
