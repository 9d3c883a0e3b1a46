package eu.sovereignstack.catalog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Valid provider and offering bodies, with evidence for each fact they state. */
public final class TestProviders {

    private TestProviders() {
    }

    public static Map<String, Object> evidence(String source) {
        return Map.of("source", source, "asOf", "2026-11-20", "method", "CURATED", "assertedBy", "Sovereign Stack tests");
    }

    public static Map<String, Object> valid(String slug) {
        Map<String, Object> provider = new HashMap<>();
        provider.put("slug", slug);
        provider.put("name", "Test Cloud " + slug);
        provider.put("legalName", "Test Cloud SE");
        provider.put("country", "FR");
        provider.put("type", "REGIONAL_CLOUD");
        provider.put("website", "https://example.org/" + slug);
        provider.put("ultimateParent", Map.of("name", "Test Holding SA", "country", "LU"));
        provider.put("certifications", List.of("ISO 27001"));
        provider.put("energy", Map.of("pue", 1.25, "renewableShare", 0.9));
        provider.put("factsAsOf", "2026-11-20");
        provider.put("evidence", Map.of("entry", evidence("https://example.org/" + slug),
                "pue", evidence("https://example.org/" + slug + "/energy")));
        return provider;
    }

    public static Map<String, Object> offering(String name) {
        Map<String, Object> offering = new HashMap<>();
        offering.put("name", name);
        offering.put("countries", List.of("FR", "DE"));
        offering.put("url", "https://example.org/offering");
        offering.put("keyCustody", "CUSTOMER_MANAGED");
        offering.put("hsm", true);
        offering.put("factsAsOf", "2026-11-20");
        offering.put("evidence", Map.of("entry", evidence("https://example.org/offering"),
                "keyCustody", evidence("https://example.org/offering/keys")));
        return offering;
    }
}
