package eu.sovereignstack.catalog.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed migrations are generated from the seed sources and must stay so: the sources are
 * checked (every entry dated and sourced, every fact with evidence, within the API's limits),
 * and the committed migrations must equal what they generate: V5 as a whole, V6 below its
 * schema change (the products' basedOn facts), and V7 below its schema change (the products'
 * delivery facts). After changing a source, regenerate them with
 * {@code ./mvnw test -pl catalog-service -Dtest=SeedMigrationTest -Dseed.write=true}.
 */
class SeedMigrationTest {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Path MIGRATION = MIGRATIONS.resolve("V5__seed_evidence_and_coverage.sql");
    private static final Path BASED_ON_MIGRATION = MIGRATIONS.resolve("V6__product_based_on.sql");
    private static final Path DELIVERY_MIGRATION = MIGRATIONS.resolve("V7__product_delivery.sql");
    /** The line of V6 and V7 below which their data is generated; what is above it (the schema change) is written by hand. */
    static final String GENERATED_BELOW = "-- ---- Generated from catalog-service/src/seed/*.json by SeedMigrationTest: do not edit below ----";
    private static final Path SOURCES = Path.of("src/seed");

    @Test
    void theSourcesAreSoundAndTheMigrationsAreWhatTheyGenerate() throws IOException {
        SeedMigration seed = new SeedMigration(categories(), v2Products());
        String generated = seed.generate(SOURCES);
        String basedOn = seed.generateBasedOn();
        String delivery = seed.generateDelivery();
        assertEquals(List.of(), seed.errors(), "the seed sources have errors");
        String v6 = Files.readString(BASED_ON_MIGRATION);
        String v6Generated = withGeneratedPart(BASED_ON_MIGRATION, v6, basedOn);
        String v7 = Files.readString(DELIVERY_MIGRATION);
        String v7Generated = withGeneratedPart(DELIVERY_MIGRATION, v7, delivery);
        if (Boolean.getBoolean("seed.write")) {
            Files.writeString(MIGRATION, generated);
            Files.writeString(BASED_ON_MIGRATION, v6Generated);
            Files.writeString(DELIVERY_MIGRATION, v7Generated);
            return;
        }
        assertTrue(Files.exists(MIGRATION), MIGRATION + " is missing; generate it with -Dseed.write=true");
        assertEquals(generated, Files.readString(MIGRATION),
                MIGRATION + " is not what the seed sources generate; regenerate it with -Dseed.write=true");
        assertEquals(v6Generated, v6,
                BASED_ON_MIGRATION + " is not what the seed sources generate; regenerate it with -Dseed.write=true");
        assertEquals(v7Generated, v7,
                DELIVERY_MIGRATION + " is not what the seed sources generate; regenerate it with -Dseed.write=true");
    }

    /** The migration's hand-written part up to its marker line, followed by {@code generated}. */
    private static String withGeneratedPart(Path migration, String sql, String generated) {
        int marker = sql.indexOf(GENERATED_BELOW);
        assertTrue(marker >= 0, migration + " lacks the line " + GENERATED_BELOW);
        return sql.substring(0, marker + GENERATED_BELOW.length()) + "\n\n" + generated;
    }

    @Test
    void deliveryIsSetOnSoftwareOnlyAndLibreOfficeIsADeviceApplication() throws IOException {
        SeedMigration seed = new SeedMigration(categories(), v2Products());
        seed.generate(SOURCES);
        seed.generateBasedOn();
        List<String> statements = List.of(seed.generateDelivery().split(";\n"));
        assertFalse(statements.isEmpty(), "the seed states no delivery");
        statements.forEach(statement -> assertTrue(statement.contains(" and kind = 'SOFTWARE'")
                && statement.contains("\"delivery\":{\"source\":"), "a delivery without its evidence or guard:\n" + statement));
        List<String> libreOffice = statements.stream()
                .filter(statement -> statement.contains("\n    where slug = 'libreoffice' and version = 1 "))
                .toList();
        assertEquals(1, libreOffice.size(), "libreoffice gets no delivery");
        assertTrue(libreOffice.get(0).contains("\n    delivery = 'DEVICE',\n"), "libreoffice is not a DEVICE application");
    }

    @Test
    void aDeliveryOnAServiceOrWithoutEvidenceIsAnError(@TempDir Path sources) throws IOException {
        try (var files = Files.list(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                Files.copy(file, sources.resolve(file.getFileName()));
            }
        }
        Path enriched = sources.resolve("products-enriched.json");
        String json = Files.readString(enriched);
        // The seed's Amazon S3 is a SERVICE; Ceph is SOFTWARE but is given no evidence.
        json = json.replaceFirst("\"slug\": \"aws-s3\",", "\"slug\": \"aws-s3\", \"delivery\": \"SERVER\",")
                .replaceFirst("\"slug\": \"ceph\",", "\"slug\": \"ceph\", \"delivery\": \"SERVER\",");
        Files.writeString(enriched, json);
        SeedMigration seed = new SeedMigration(categories(), v2Products());
        seed.generate(sources);
        seed.generateBasedOn();
        seed.generateDelivery();
        assertEquals(List.of("products: aws-s3: delivery: only a SOFTWARE product has a delivery", "products: aws-s3: delivery has no evidence",
                "products: ceph: delivery has no evidence"), seed.errors());
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
