package eu.sovereignstack.assessment.client;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.sovereignstack.assessment.domain.Limits;

/** Matches per entry, and every product they name (with their alternatives and candidates). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResolveResult(
        @Schema(maxItems = Limits.ITEMS) List<Match> matches,
        Map<String, ResolvedProduct> products) {

    public ResolveResult {
        matches = matches == null ? List.of() : matches;
        products = products == null ? Map.of() : products;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Match(
            @Schema(description = "The item's id", maxLength = Limits.ID, pattern = Limits.SINGLE_LINE) String ref,
            @Schema(description = "Slug of the product; absent when matchedBy is NONE", maxLength = CatalogLimits.SLUG,
                    pattern = CatalogLimits.SLUG_PATTERN)
            String product,
            @Schema(enumeration = {"SLUG", "PURL", "NAME", "NONE"}) String matchedBy) {
    }
}
