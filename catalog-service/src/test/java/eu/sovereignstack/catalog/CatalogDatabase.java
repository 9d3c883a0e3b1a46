package eu.sovereignstack.catalog;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Makes sure the test database exists on the local PostgreSQL before Quarkus starts (Flyway
 * then cleans and migrates it). Each service has a database of its own.
 */
public class CatalogDatabase implements QuarkusTestResourceLifecycleManager {

    static final String NAME = "catalog_test";
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/postgres";

    @Override
    public Map<String, String> start() {
        try (Connection connection = DriverManager.getConnection(SERVER, "postgres", "");
             var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, NAME);
            if (!exists.executeQuery().next()) {
                try (var create = connection.createStatement()) {
                    create.execute("create database " + NAME);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL must run on 127.0.0.1:5432 with trust auth for user postgres", e);
        }
        return Map.of();
    }

    @Override
    public void stop() {
    }
}
