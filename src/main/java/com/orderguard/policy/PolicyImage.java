package com.orderguard.policy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderguard.domain.Marketplace;
import com.orderguard.domain.deadline.CalendarCatalog;
import com.orderguard.domain.decision.PolicyCatalog;

/**
 * The policy packs and site calendars, read and validated once, when this class is initialized. The native build
 * initializes it while it builds the image ({@code --initialize-at-build-time}, application.properties): the
 * executable starts with both catalogs already in its image heap, reads no JSON at start-up however many sites
 * there are, and a broken pack fails the native build. The JVM build initializes it at start-up, as before. Every
 * build also runs {@link #main} right after compiling (pom.xml), so a broken pack fails {@code ./mvnw package}
 * even with {@code -DskipTests}.
 *
 * <p>Only the catalogs stay reachable: the JSON mapper is a local of the initializer, so no Jackson object ends up
 * in the image heap, and the catalogs hold domain objects only (the domain imports no Jackson).
 */
public final class PolicyImage {

    private static final PolicyCatalog PACKS;
    private static final CalendarCatalog CALENDARS;

    static {
        // duplicate keys are refused, as in every other JSON the application reads
        ObjectMapper mapper = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        ClassLoader resources = PolicyImage.class.getClassLoader();
        PACKS = new PolicyLoader(mapper, resources).load();
        CALENDARS = new CalendarLoader(mapper, resources).load();
    }

    private PolicyImage() {
    }

    /** Every concrete pack, resolved over its base and validated. */
    public static PolicyCatalog packs() {
        return PACKS;
    }

    /** Every site calendar. */
    public static CalendarCatalog calendars() {
        return CALENDARS;
    }

    /**
     * The build's check: reads and validates every pack and calendar, and prints what it read; a broken file ends
     * the build with the file, its chain and the field named.
     */
    public static void main(String[] args) {
        int sites = 0;
        for (Marketplace marketplace : Marketplace.values()) {
            sites += PACKS.sites(marketplace).size();
        }
        System.out.println("policy packs valid: " + sites + " sites across " + Marketplace.values().length
                + " marketplaces; " + CALENDARS.all().size() + " site calendars");
    }
}
