package eu.sovereignstack.catalog;

import java.util.Map;

import eu.sovereignstack.testsupport.LocalPostgresDatabase;

/** The catalog-service's own test database, catalog_test, on the local PostgreSQL. */
public class CatalogDatabase extends LocalPostgresDatabase {

    @Override
    public void init(Map<String, String> initArgs) {
        super.init(Map.of("database", "catalog_test"));
    }
}
