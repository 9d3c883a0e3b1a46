package eu.sovereignstack.assessment;

import java.util.Map;

import eu.sovereignstack.testsupport.DatabaseLink;
import eu.sovereignstack.testsupport.LocalPostgresDatabase;

/**
 * The assessment-service's test database behind a {@link DatabaseLink} that a test can cut, with a
 * short pool acquisition timeout so that an outage answers quickly.
 */
public class UnreliableAssessmentDatabase extends LocalPostgresDatabase {

    private static volatile DatabaseLink link;

    public static DatabaseLink link() {
        return link;
    }

    @Override
    public void init(Map<String, String> initArgs) {
        super.init(Map.of("database", "assessment_test"));
    }

    @Override
    public Map<String, String> start() {
        super.start();
        link = new DatabaseLink(5432);
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + link.port() + "/assessment_test",
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
