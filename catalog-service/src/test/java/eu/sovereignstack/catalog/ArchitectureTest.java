package eu.sovereignstack.catalog;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The catalog-service's layers point one way, its packages form no cycle, and the modules it
 * shares with other services (the catalog contract, common) know nothing of it. Plain JUnit
 * tests rather than {@code @ArchTest} fields: Quarkus's test launcher loads test classes in a
 * class loader of its own, where ArchUnit's engine finds no rule.
 */
class ArchitectureTest {

    private static final String CATALOG = "eu.sovereignstack.catalog..";
    private static final String CONTRACT = "eu.sovereignstack.catalog.contract..";

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests())
            .importPackages("eu.sovereignstack.catalog", "eu.sovereignstack.common");

    @Test
    void layersPointOneWay() {
        layeredArchitecture().consideringAllDependencies()
                .layer("Rest").definedBy("eu.sovereignstack.catalog.rest..")
                .layer("Service").definedBy("eu.sovereignstack.catalog.service..")
                .layer("Repository").definedBy("eu.sovereignstack.catalog.repository..")
                .layer("Domain").definedBy("eu.sovereignstack.catalog.domain..")
                .optionalLayer("Config").definedBy("eu.sovereignstack.catalog.config..")
                .layer("Federation").definedBy("eu.sovereignstack.catalog.federation..")
                .whereLayer("Rest").mayNotBeAccessedByAnyLayer()
                .whereLayer("Federation").mayOnlyBeAccessedByLayers("Rest")
                .whereLayer("Service").mayOnlyBeAccessedByLayers("Rest", "Federation")
                .whereLayer("Repository").mayOnlyBeAccessedByLayers("Service")
                .whereLayer("Domain").mayOnlyBeAccessedByLayers("Rest", "Service", "Repository", "Federation")
                .whereLayer("Config").mayOnlyBeAccessedByLayers("Rest", "Service")
                .check(PRODUCTION);
    }

    @Test
    void packagesFormNoCycle() {
        slices().matching("eu.sovereignstack.catalog.(*)..").should().beFreeOfCycles().check(PRODUCTION);
    }

    @Test
    void sharedModulesKnowNothingOfTheService() {
        noClasses().that().resideInAnyPackage(CONTRACT, "eu.sovereignstack.common..")
                .should().dependOnClassesThat(resideInAPackage(CATALOG).and(resideOutsideOfPackage(CONTRACT)))
                .check(PRODUCTION);
    }
}
