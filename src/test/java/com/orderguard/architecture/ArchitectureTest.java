package com.orderguard.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.Set;

import com.orderguard.adapter.json.JsonReader;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency rule as allow-lists: each inner layer names everything it may use, so a new dependency is a
 * decision made here, not an import slipped in. And only the configuration reads the clock; everything else is
 * handed {@code now} or the {@code Clock} bean.
 */
@AnalyzeClasses(packages = "com.orderguard", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Where the clock may be read: the {@code Clock} bean the rest is given. */
    static final String CLOCK_OWNERS = "com.orderguard.config..";

    @ArchTest
    static final ArchRule domainUsesOnlyJavaAndItself = classes()
            .that().resideInAPackage("com.orderguard.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.orderguard.domain..")
            .as("domain uses only java.* and itself");

    @ArchTest
    static final ArchRule applicationUsesOnlyJavaTheDomainAndItself = classes()
            .that().resideInAPackage("com.orderguard.application..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.orderguard.domain..",
                    "com.orderguard.application..")
            .as("application uses only java.*, the domain and itself");

    /**
     * Packs are JSON read into domain types: Jackson's tree model (databind) and its parse exceptions (core), and the
     * strict field reader the API's bodies are read with, so that a pack's errors name fields as the API's do.
     */
    @ArchTest
    static final ArchRule policyUsesOnlyJavaTheDomainJacksonAndItself = classes()
            .that().resideInAPackage("com.orderguard.policy..")
            .should().onlyDependOnClassesThat(resideInAnyPackage("java..", "com.orderguard.domain..",
                    "com.orderguard.policy..", "com.fasterxml.jackson.databind..", "com.fasterxml.jackson.core..")
                    .or(name(JsonReader.class.getName())))
            .as("policy uses only java.*, the domain, Jackson, the JSON field reader and itself");

    @ArchTest
    static final ArchRule onlyTheConfigurationReadsTheClock = noClasses()
            .that().resideOutsideOfPackage(CLOCK_OWNERS)
            .should().accessTargetWhere(readsTheClock())
            .as("only " + CLOCK_OWNERS + " reads the clock");

    /**
     * Every {@code now()} of java.time (Instant, LocalDate, LocalDateTime, ZonedDateTime, OffsetDateTime, LocalTime,
     * Year, ... with or without a zone or clock), {@code Clock.system*()} and {@code System.currentTimeMillis()}.
     * Calls and method references ({@code Instant::now}) alike. {@code System.nanoTime()} measures durations, not
     * the time, and stays allowed.
     */
    static DescribedPredicate<JavaAccess<?>> readsTheClock() {
        Set<String> systemClocks = Set.of("systemUTC", "systemDefaultZone", "system");
        return DescribedPredicate.describe("reads the clock", call -> {
            String owner = call.getTargetOwner().getName();
            String name = call.getName();
            return owner.startsWith("java.time.") && name.equals("now")
                    || owner.equals("java.time.Clock") && systemClocks.contains(name)
                    || owner.equals("java.lang.System") && name.equals("currentTimeMillis");
        });
    }
}
