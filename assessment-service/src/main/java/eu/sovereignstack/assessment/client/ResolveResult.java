package eu.sovereignstack.assessment.client;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Matches per entry, and every product they name (with their alternatives and candidates). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResolveResult(List<Match> matches, Map<String, ResolvedProduct> products) {

    public ResolveResult {
        matches = matches == null ? List.of() : matches;
        products = products == null ? Map.of() : products;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Match(String ref, String product, String matchedBy) {
    }
}
