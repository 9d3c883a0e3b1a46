package eu.sovereignstack.catalog.contract;

import static eu.sovereignstack.catalog.contract.CatalogLimits.MULTI_LINE;
import static eu.sovereignstack.catalog.contract.CatalogLimits.NOTES;
import static eu.sovereignstack.catalog.contract.CatalogLimits.SLUG;
import static eu.sovereignstack.catalog.contract.CatalogLimits.SLUG_PATTERN;
import static eu.sovereignstack.catalog.contract.CatalogLimits.UNPAGED;

import java.util.List;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A product of a resolve result with what an assessment needs about it. {@code alternatives}
 * and {@code sameCategory} are filled for matched products only; a product that is in the
 * result only as someone's alternative, category peer or base product has empty lists there.
 */
@Schema(name = "ResolvedProduct")
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResolvedProduct(
        ProductView product,
        @Schema(description = "What can replace it, in the order of GET /products/{slug}/alternatives", maxItems = UNPAGED)
        List<Alternative> alternatives,
        @Schema(description = "Who runs it as a managed service, by provider name", maxItems = UNPAGED)
        List<ResolvedOffering> offerings,
        @Schema(description = "Slugs of the other open-source products of its category, by slug", maxItems = UNPAGED)
        List<@Size(max = SLUG) @Pattern(regexp = SLUG_PATTERN) String> sameCategory) {

    /** A reader may leave out a list; it reads as empty, never null. */
    public ResolvedProduct {
        alternatives = alternatives == null ? List.of() : alternatives;
        offerings = offerings == null ? List.of() : offerings;
        sameCategory = sameCategory == null ? List.of() : sameCategory;
    }

    /** The same, with {@code other} as its product's facts. */
    public ResolvedProduct withProduct(ProductView other) {
        return new ResolvedProduct(other, alternatives, offerings, sameCategory);
    }

    @Schema(name = "ResolvedAlternative", description = "A product that can replace this one; its facts are in products.")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Alternative(
            @Schema(description = "Slug of the alternative, a key of products", maxLength = SLUG, pattern = SLUG_PATTERN)
            String product,
            AlternativeFit fit,
            @Schema(maxLength = NOTES, pattern = MULTI_LINE) String notes) {
    }
}
