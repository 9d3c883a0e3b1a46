package eu.sovereignstack.catalog.rest;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.sovereignstack.catalog.domain.AlternativeFit;

/** The whole catalog; its {@code products} can be posted back to the import as they are. */
@Schema(name = "CatalogExport")
public record CatalogExport(
        Instant exportedAt,
        @Schema(description = "Version of the SPDX License List the licences were checked against") String spdxLicenceListVersion,
        List<CategoryView> categories,
        List<ProductInput> products,
        List<Relation> alternatives,
        List<ProviderView> providers,
        List<OfferingView> offerings) {

    @Schema(name = "AlternativeRelation", description = "product can replace replaces")
    public record Relation(String product, String replaces, AlternativeFit fit, String notes) {
    }
}
