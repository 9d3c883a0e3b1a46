package eu.sovereignstack.catalog.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import eu.sovereignstack.catalog.CatalogDatabase;
import eu.sovereignstack.testsupport.OpenApiLimits;

/** Every string, array and integer of the catalog's published document states its limits. */
@QuarkusTest
@QuarkusTestResource(CatalogDatabase.class)
class OpenApiLimitsTest {

    @Test
    void everyValueHasItsLimits() {
        assertEquals(List.of(), OpenApiLimits.unboundedValues());
    }
}
