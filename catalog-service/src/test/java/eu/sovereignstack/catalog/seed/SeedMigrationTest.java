package eu.sovereignstack.catalog.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The seed migration is generated from the seed sources and must stay so: the sources are
 * checked (every entry dated and sourced, every fact with evidence, within the API's limits),
 * and the committed migration must equal what they generate. After changing a source, regenerate
 * it with {@code ./mvnw test -pl catalog-service -Dtest=SeedMigrationTest -Dseed.write=true}.
 */
class SeedMigrationTest {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Path MIGRATION = MIGRATIONS.resolve("V5__seed_evidence_and_coverage.sql");
    private static final Path SOURCES = Path.of("src/seed");

    @Test
    void theSourcesAreSoundAndTheMigrationIsWhatTheyGenerate() throws IOException {
        SeedMigration seed = new SeedMigration(categories(), v2Products());
        String generated = seed.generate(SOURCES);
        assertEquals(List.of(), seed.errors(), "the seed sources have errors");
        if (Boolean.getBoolean("seed.write")) {
            Files.writeString(MIGRATION, generated);
            return;
        }
        assertTrue(Files.exists(MIGRATION), MIGRATION + " is missing; generate it with -Dseed.write=true");
        assertEquals(generated, Files.readString(MIGRATION),
                MIGRATION + " is not what the seed sources generate; regenerate it with -Dseed.write=true");
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

    /** The slugs of the products V2 inserts. */
    private static Set<String> v2Products() throws IOException {
        Set<String> slugs = new LinkedHashSet<>();
        String sql = Files.readString(MIGRATIONS.resolve("V2__seed_catalog.sql"));
        String products = sql.substring(sql.indexOf("insert into product"));
        products = products.substring(0, products.indexOf("insert into alternative"));
        Matcher row = Pattern.compile("(?m)^\\s+\\(\\d+, '([a-z0-9-]+)', '").matcher(products);
        while (row.find()) {
            slugs.add(row.group(1));
        }
        return slugs;
    }
}
