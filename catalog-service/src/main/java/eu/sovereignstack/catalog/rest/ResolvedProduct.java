package eu.sovereignstack.catalog.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.sovereignstack.catalog.domain.AlternativeFit;

/**
 * A product of a resolve result with what an assessment needs about it. {@code alternatives}
 * and {@code sameCategory} are filled for matched products only; a product that is in the
 * result only as someone's alternative or category peer has empty lists there.
 */
@Schema(name = "ResolvedProduct")
public record ResolvedProduct(
        ProductView product,
        @Schema(description = "What can replace it, in the order of GET /products/{slug}/alternatives")
        List<Alternative> alternatives,
        @Schema(description = "Who runs it as a managed service, by provider name")
        List<ResolvedOffering> offerings,
        @Schema(description = "Slugs of the other open-source products of its category, by slug")
        List<String> sameCategory) {

    @Schema(name = "ResolvedAlternative", description = "A product that can replace this one; its facts are in products.")
    public record Alternative(
            @Schema(description = "Slug of the alternative, a key of products") String product,
            AlternativeFit fit,
            String notes) {
    }
}
