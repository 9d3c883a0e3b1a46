package eu.sovereignstack.catalog.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The seed migrations are generated from the seed sources and must stay so: the sources are
 * checked (every entry dated and sourced, every fact with evidence, within the API's limits),
 * and the committed migrations must equal what they generate: V5 as a whole, and V6 below its
 * schema change (the products' basedOn facts). After changing a source, regenerate them with
 * {@code ./mvnw test -pl catalog-service -Dtest=SeedMigrationTest -Dseed.write=true}.
 */
class SeedMigrationTest {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Path MIGRATION = MIGRATIONS.resolve("V5__seed_evidence_and_coverage.sql");
    private static final Path BASED_ON_MIGRATION = MIGRATIONS.resolve("V6__product_based_on.sql");
    /** The line of V6 below which its data is generated; what is above it (the schema change) is written by hand. */
    static final String GENERATED_BELOW = "-- ---- Generated from catalog-service/src/seed/*.json by SeedMigrationTest: do not edit below ----";
    private static final Path SOURCES = Path.of("src/seed");

    @Test
    void theSourcesAreSoundAndTheMigrationsAreWhatTheyGenerate() throws IOException {
        SeedMigration seed = new SeedMigration(categories(), v2Products());
        String generated = seed.generate(SOURCES);
        String basedOn = seed.generateBasedOn();
        assertEquals(List.of(), seed.errors(), "the seed sources have errors");
        assertTrue(Files.exists(BASED_ON_MIGRATION), BASED_ON_MIGRATION + " is missing");
        String v6 = Files.readString(BASED_ON_MIGRATION);
        int marker = v6.indexOf(GENERATED_BELOW);
        assertTrue(marker >= 0, BASED_ON_MIGRATION + " lacks the line " + GENERATED_BELOW);
        String v6Generated = v6.substring(0, marker + GENERATED_BELOW.length()) + "\n\n" + basedOn;
        if (Boolean.getBoolean("seed.write")) {
            Files.writeString(MIGRATION, generated);
            Files.writeString(BASED_ON_MIGRATION, v6Generated);
            return;
        }
        assertTrue(Files.exists(MIGRATION), MIGRATION + " is missing; generate it with -Dseed.write=true");
        assertEquals(generated, Files.readString(MIGRATION),
                MIGRATION + " is not what the seed sources generate; regenerate it with -Dseed.write=true");
        assertEquals(v6Generated, v6,
                BASED_ON_MIGRATION + " is not what the seed sources generate; regenerate it with -Dseed.write=true");
    }

    @Test
    void theCertifiedHostedKubernetesServicesAreBasedOnKubernetes() throws IOException {
        SeedMigration seed = new SeedMigration(categories(), v2Products());
        seed.generate(SOURCES);
        String basedOn = seed.generateBasedOn();
        for (String service : List.of("amazon-eks", "azure-kubernetes-service", "google-kubernetes-engine", "exoscale-sks",
                "ionos-managed-kubernetes", "ovhcloud-managed-kubernetes", "scaleway-kapsule", "stackit-kubernetes-engine")) {
            List<String> statements = List.of(basedOn.split(";\n")).stream()
                    .filter(statement -> statement.contains("\n    where slug = '" + service + "' and version = 1\n"))
                    .toList();
            assertEquals(1, statements.size(), service + " gets no basedOn");
            assertTrue(statements.get(0).contains("\n    based_on = 'kubernetes',\n"), service + " is not based on kubernetes");
            assertTrue(statements.get(0).contains("Certified Kubernetes - Hosted"), service + " lacks its CNCF evidence");
        }
    }

    /** The category codes the migrations before this one insert. */
    private static Set<String> categories() throws IOException {
        Set<String> codes = new LinkedHashSet<>();
        for (String file : List.of("V2__seed_catalog.sql", "V4__evidence_and_facts.sql")) {
            String sql = Files.readString(MIGRATIONS.resolve(file));
            String categories = sql.substring(sql.indexOf("insert into category"));
            categories = categories.substring(0, categories.indexOf(";"));
            Matcher row = Pattern.compile("\\(\\s*'([a-z0-9-]+)',").matcher(categories);
            while (row.find()) {
                codes.add(row.group(1));
            }
        }
        return codes;
    }

    /** The products V2 inserts, by slug, with their kind and licence. */
    private static Map<String, SeedMigration.FirstEdition> v2Products() throws IOException {
        Map<String, SeedMigration.FirstEdition> products = new LinkedHashMap<>();
        String sql = Files.readString(MIGRATIONS.resolve("V2__seed_catalog.sql"));
        String rows = sql.substring(sql.indexOf("insert into product"));
        rows = rows.substring(0, rows.indexOf("insert into alternative"));
        String text = "'(?:[^']|'')*'";
        // (id, 'slug', 'name', 'KIND', 'category', 'description', 'steward', 'CC', 'licence', ...
        Matcher row = Pattern.compile("(?m)^\\s+\\(\\d+, '([a-z0-9-]+)', " + text + ", '(SOFTWARE|SERVICE)', '[a-z0-9-]+',\\s*"
                + text + ",\\s*" + text + ", '[A-Z]{2}', '((?:[^']|'')*)'").matcher(rows);
        while (row.find()) {
            products.put(row.group(1), new SeedMigration.FirstEdition(row.group(2), row.group(3).replace("''", "'")));
        }
        assertEquals(Pattern.compile("(?m)^\\s+\\(\\d+, '[a-z0-9-]+', '").matcher(rows).results().count(), products.size(),
                "every product row of V2 is read with its kind and licence");
        return products;
    }
}
