package eu.sovereignstack.assessment.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

import eu.sovereignstack.assessment.CatalogStub;
import eu.sovereignstack.testsupport.LocalPostgresDatabase;
import eu.sovereignstack.testsupport.OpenApiLimits;

/** Every string, array and integer of the assessment-service's published document states its limits. */
@QuarkusTest
@QuarkusTestResource(value = LocalPostgresDatabase.class, initArgs = @ResourceArg(name = "database", value = "assessment_test"))
@QuarkusTestResource(CatalogStub.class)
class OpenApiLimitsTest {

    @Test
    void everyValueHasItsLimits() {
        assertEquals(List.of(), OpenApiLimits.unboundedValues());
    }
}
