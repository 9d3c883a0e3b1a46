package eu.sovereignstack.catalog.contract;

import static eu.sovereignstack.catalog.contract.CatalogLimits.RESOLVE_ITEMS;
import static eu.sovereignstack.catalog.contract.CatalogLimits.RESOLVE_REF;
import static eu.sovereignstack.catalog.contract.CatalogLimits.SINGLE_LINE;
import static eu.sovereignstack.catalog.contract.CatalogLimits.SLUG;
import static eu.sovereignstack.catalog.contract.CatalogLimits.SLUG_PATTERN;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What each item was recognised as, and the facts of every product involved, so that a caller
 * can score the items and their alternatives without further calls: whenever a product of the
 * answer is based on another ({@link ProductView#basedOn()}), that base product is in
 * {@link #products()} too. Readers ignore members
 * they do not know, so the catalog can add facts without breaking them.
 */
@Schema(name = "ResolveResult")
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResolveResult(
        @Schema(description = "One match per item, in the order of the request", maxItems = RESOLVE_ITEMS)
        List<Match> matches,
        @Schema(description = "By slug: every matched product, every product named in their alternatives and sameCategory, "
                + "and the product each of these is basedOn, so that a service's base product (its licence, standards and health) "
                + "is read from the same answer. Each product at most once: never more than the catalog holds.")
        Map<String, ResolvedProduct> products) {

    /** A reader may leave out the list or the map; each reads as empty, never null. */
    public ResolveResult {
        matches = matches == null ? List.of() : matches;
        products = products == null ? Map.of() : products;
    }

    @Schema(name = "ResolveMatch", description = "The product an item was recognised as; product is null when matchedBy is NONE.")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Match(
            @Schema(description = "The item's ref", maxLength = RESOLVE_REF, pattern = SINGLE_LINE) String ref,
            @Schema(description = "Slug of the product, a key of products", nullable = true, maxLength = SLUG, pattern = SLUG_PATTERN)
            String product,
            MatchedBy matchedBy) {
    }
}
