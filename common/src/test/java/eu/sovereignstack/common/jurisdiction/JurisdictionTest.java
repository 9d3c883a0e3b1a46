package eu.sovereignstack.common.jurisdiction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class JurisdictionTest {

    @Test
    void euAndEeaCountriesAreInAndOthersOut() {
        assertEquals(30, Jurisdiction.EU_EEA.size());
        assertTrue(Jurisdiction.isEuEea("DE"));
        assertTrue(Jurisdiction.isEuEea("NO"));
        assertFalse(Jurisdiction.isEuEea("CH"));
        assertFalse(Jurisdiction.isEuEea("GB"));
        assertFalse(Jurisdiction.isEuEea("US"));
        assertFalse(Jurisdiction.isEuEea(null));
        assertTrue(Jurisdiction.allEuEea(List.of("FR", "DE")));
        assertFalse(Jurisdiction.allEuEea(List.of("FR", "US")));
    }

    /** The catalog's generated eu_jurisdiction column repeats the list in SQL: they must not drift apart. */
    @Test
    void theCatalogSchemaUsesTheSameCountries() throws IOException {
        String schema = Files.readString(Path.of("../catalog-service/src/main/resources/db/migration/V1__catalog_schema.sql"));
        String column = schema.substring(schema.indexOf("eu_jurisdiction"), schema.indexOf("stored,"));
        Matcher countries = Pattern.compile("'([A-Z]{2})'").matcher(column.substring(0, column.indexOf("data_locations")));
        Set<String> inSql = new TreeSet<>();
        while (countries.find()) {
            inSql.add(countries.group(1));
        }
        assertEquals(new TreeSet<>(Jurisdiction.EU_EEA), inSql);
    }
}
