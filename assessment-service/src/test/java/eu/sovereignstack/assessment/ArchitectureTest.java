package eu.sovereignstack.assessment;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The shape of the service, read from its compiled classes: layers point one way (rest, then
 * use cases, then what they use, then the engine, then the domain), packages form no cycle, and
 * the engine is a pure computation that knows no framework and reads no clock.
 */
class ArchitectureTest {

    private static final String ROOT = "eu.sovereignstack.assessment";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void layersPointDownOnly() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("rest").definedBy(ROOT + ".rest..")
                .layer("service").definedBy(ROOT + ".service..")
                .layer("repository").definedBy(ROOT + ".repository..")
                .layer("client").definedBy(ROOT + ".client..")
                .layer("inventory").definedBy(ROOT + ".inventory..")
                .layer("config").definedBy(ROOT + ".config..")
                .layer("engine").definedBy(ROOT + ".engine..")
                .layer("domain").definedBy(ROOT + ".domain..")
                .whereLayer("rest").mayNotBeAccessedByAnyLayer()
                .whereLayer("service").mayOnlyBeAccessedByLayers("rest")
                .whereLayer("repository").mayOnlyBeAccessedByLayers("service")
                .whereLayer("client").mayOnlyBeAccessedByLayers("service")
                .whereLayer("inventory").mayOnlyBeAccessedByLayers("rest", "service")
                .whereLayer("config").mayOnlyBeAccessedByLayers("rest", "service", "client")
                .whereLayer("engine").mayOnlyBeAccessedByLayers("rest", "service", "config")
                .whereLayer("domain").mayOnlyBeAccessedByLayers("rest", "service", "repository", "client", "inventory", "config",
                        "engine")
                .check(CLASSES);
    }

    @Test
    void packagesFormNoCycle() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(CLASSES);
        slices().matching(ROOT + ".engine.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theEngineIsAPureComputation() {
        noClasses().that().resideInAPackage(ROOT + ".engine..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.enterprise..", "jakarta.inject..", "jakarta.ws.rs..",
                        "jakarta.persistence..", "jakarta.transaction..", "io.quarkus..", "io.vertx..", "org.hibernate..",
                        "org.eclipse.microprofile.config..", "org.eclipse.microprofile.rest.client..",
                        "org.eclipse.microprofile.faulttolerance..")
                .because("the engine takes facts and returns a result: no CDI, HTTP or database")
                .check(CLASSES);
    }

    @Test
    void theEngineReadsNoClock() {
        noClasses().that().resideInAPackage(ROOT + ".engine..")
                .should().callMethod(LocalDate.class, "now")
                .orShould().callMethod(Instant.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .because("the day the facts are judged on is an input: the same inputs give the same result")
                .check(CLASSES);
    }
}
