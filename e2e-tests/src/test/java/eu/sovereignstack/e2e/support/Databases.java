package eu.sovereignstack.e2e.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** The services' databases on the local PostgreSQL, created empty for every run. */
final class Databases {

    private Databases() {
    }

    /**
     * Drops (closing any connection a killed run left open) and creates each database.
     * {@code adminUrl} names a database to connect to for that, e.g. {@code .../postgres}.
     */
    static void recreate(String adminUrl, String... names) {
        try (Connection connection = DriverManager.getConnection(adminUrl, "postgres", "");
             Statement sql = connection.createStatement()) {
            for (String name : names) {
                if (!name.matches("[a-z0-9_]+")) {
                    throw new IllegalArgumentException("unexpected database name " + name);
                }
                sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                sql.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot recreate the databases on " + adminUrl
                    + " (PostgreSQL must run on 127.0.0.1:5432 with trust auth for user postgres): " + e.getMessage(), e);
        }
    }

    /** The JDBC URL of one database next to the admin database. */
    static String url(String adminUrl, String name) {
        return adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name;
    }
}
