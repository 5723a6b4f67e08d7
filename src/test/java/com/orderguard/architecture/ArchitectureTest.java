package com.orderguard.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency rule: the domain knows no framework; the application knows no adapter. */
@AnalyzeClasses(packages = "com.orderguard", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainUsesNoFrameworkOrCloudTypes = noClasses()
            .that().resideInAPackage("com.orderguard.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.quarkus..", "jakarta..", "javax..", "com.fasterxml..", "software.amazon..",
                    "com.amazonaws..", "io.smallrye..", "org.eclipse.microprofile..", "org.jboss..")
            .as("domain has no Quarkus, Jakarta, Jackson or AWS imports");

    @ArchTest
    static final ArchRule domainDependsOnNothingOutsideIt = noClasses()
            .that().resideInAPackage("com.orderguard.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "com.orderguard.application..", "com.orderguard.adapter..", "com.orderguard.config..",
                    "com.orderguard.policy..");

    @ArchTest
    static final ArchRule applicationKnowsNoAdapter = noClasses()
            .that().resideInAPackage("com.orderguard.application..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "com.orderguard.adapter..", "software.amazon..", "com.fasterxml..", "io.quarkus..");

    @ArchTest
    static final ArchRule domainNeverReadsTheClock = noClasses()
            .that().resideInAPackage("com.orderguard.domain..")
            .should().callMethod(java.time.Instant.class, "now")
            .orShould().callMethod(java.time.Clock.class, "systemUTC")
            .orShould().callMethod(System.class, "currentTimeMillis");
}
