package eu.sovereignstack.catalog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Valid product bodies with unique slugs, so tests never collide with the seed or each other. */
public final class TestProducts {

    private TestProducts() {
    }

    public static String uniqueSlug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Map<String, Object> valid(String slug) {
        Map<String, Object> product = new HashMap<>();
        product.put("slug", slug);
        product.put("name", "Test Drive " + slug);
        product.put("kind", "SOFTWARE");
        product.put("category", "file-sync-share");
        product.put("description", "A file sync server used only by the tests.");
        product.put("steward", Map.of("name", "Test Foundation e.V.", "country", "DE"));
        product.put("licence", "AGPL-3.0-or-later");
        product.put("governance", "FOUNDATION");
        product.put("deploymentModels", List.of("SELF_HOSTED", "MANAGED"));
        product.put("standards", List.of("WebDAV", "OIDC"));
        product.put("certifications", List.of());
        product.put("dataLocations", List.of());
        product.put("website", "https://example.org/" + slug);
        product.put("sourceRepository", "https://example.org/git/" + slug);
        product.put("health", Map.of("latestReleaseVersion", "1.2.3", "latestReleaseDate", "2026-10-01",
                "scorecardScore", 7.5));
        product.put("factsAsOf", "2026-11-20");
        return product;
    }

    public static Map<String, Object> with(Map<String, Object> product, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(product);
        copy.put(field, value);
        return copy;
    }
}
