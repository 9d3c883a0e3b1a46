package eu.sovereignstack.catalog.rest;

import static eu.sovereignstack.catalog.rest.ApiLimits.RESOLVE_ITEMS;
import static eu.sovereignstack.catalog.rest.ApiLimits.RESOLVE_REF;
import static eu.sovereignstack.catalog.rest.ApiLimits.SINGLE_LINE;
import static eu.sovereignstack.catalog.rest.ApiLimits.SLUG;
import static eu.sovereignstack.catalog.rest.ApiLimits.SLUG_PATTERN;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.sovereignstack.catalog.domain.MatchedBy;

/**
 * What each item was recognised as, and the facts of every product involved, so that a caller
 * can score the items and their alternatives without further calls.
 */
@Schema(name = "ResolveResult")
public record ResolveResult(
        @Schema(description = "One match per item, in the order of the request", maxItems = RESOLVE_ITEMS)
        List<Match> matches,
        @Schema(description = "By slug: every matched product, and every product named in their alternatives and sameCategory")
        Map<String, ResolvedProduct> products) {

    @Schema(name = "ResolveMatch", description = "The product an item was recognised as; product is null when matchedBy is NONE.")
    public record Match(
            @Schema(description = "The item's ref", maxLength = RESOLVE_REF, pattern = SINGLE_LINE) String ref,
            @Schema(description = "Slug of the product, a key of products", nullable = true, maxLength = SLUG, pattern = SLUG_PATTERN)
            String product,
            MatchedBy matchedBy) {
    }
}
