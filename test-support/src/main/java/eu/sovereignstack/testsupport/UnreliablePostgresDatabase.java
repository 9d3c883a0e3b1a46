package eu.sovereignstack.testsupport;

import java.util.Map;

/**
 * A service's test database (as {@link LocalPostgresDatabase}) reached through a {@link DatabaseLink}
 * that a test can cut and restore, with a short pool acquisition timeout so that an outage answers
 * quickly. Use with {@code restrictToAnnotatedClass = true}, and {@link #link()} in the test.
 */
public class UnreliablePostgresDatabase extends LocalPostgresDatabase {

    private static volatile DatabaseLink link;
    private String database;

    public static DatabaseLink link() {
        return link;
    }

    @Override
    public void init(Map<String, String> initArgs) {
        super.init(initArgs);
        database = initArgs.get("database");
    }

    @Override
    public Map<String, String> start() {
        super.start();
        link = new DatabaseLink(5432);
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + link.port() + "/" + database,
                "quarkus.datasource.jdbc.acquisition-timeout", "2S",
                "quarkus.datasource.jdbc.background-validation-interval", "1S");
    }

    @Override
    public void stop() {
        if (link != null) {
            link.close();
        }
    }
}
