package eu.sovereignstack.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Makes sure a service's test database exists on the local PostgreSQL (127.0.0.1:5432, trust
 * auth) before Quarkus starts; Flyway then cleans and migrates it. Use with
 * {@code @QuarkusTestResource(value = LocalPostgresDatabase.class, initArgs = @ResourceArg(name = "database", value = "catalog_test"))}.
 */
public class LocalPostgresDatabase implements QuarkusTestResourceLifecycleManager {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
        if (database == null || !database.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("a lowercase database name is required, got " + database);
        }
    }

    @Override
    public Map<String, String> start() {
        try (Connection connection = DriverManager.getConnection(SERVER, "postgres", "");
             var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            if (!exists.executeQuery().next()) {
                try (var create = connection.createStatement()) {
                    create.execute("create database " + database);
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
