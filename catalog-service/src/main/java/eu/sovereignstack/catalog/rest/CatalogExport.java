package eu.sovereignstack.catalog.rest;

import static eu.sovereignstack.catalog.contract.CatalogLimits.DATE_TIME;
import static eu.sovereignstack.catalog.contract.CatalogLimits.LICENCE_LIST_VERSION;
import static eu.sovereignstack.catalog.contract.CatalogLimits.MULTI_LINE;
import static eu.sovereignstack.catalog.contract.CatalogLimits.NOTES;
import static eu.sovereignstack.catalog.contract.CatalogLimits.SLUG;
import static eu.sovereignstack.catalog.contract.CatalogLimits.SLUG_PATTERN;
import static eu.sovereignstack.catalog.contract.CatalogLimits.UNPAGED;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.sovereignstack.catalog.contract.AlternativeFit;

/** The whole catalog; its {@code products} can be posted back to the import as they are. */
@Schema(name = "CatalogExport")
public record CatalogExport(
        @Schema(implementation = String.class, format = "date-time", maxLength = DATE_TIME) Instant exportedAt,
        @Schema(description = "Version of the SPDX License List the licences were checked against", examples = "3.25",
                maxLength = LICENCE_LIST_VERSION, pattern = "^[0-9.]+$")
        String spdxLicenceListVersion,
        @Schema(maxItems = UNPAGED) List<CategoryView> categories,
        @Schema(maxItems = UNPAGED) List<ProductInput> products,
        @Schema(maxItems = UNPAGED) List<Relation> alternatives,
        @Schema(maxItems = UNPAGED) List<ProviderView> providers,
        @Schema(maxItems = UNPAGED) List<OfferingView> offerings) {

    @Schema(name = "AlternativeRelation", description = "product can replace replaces")
    public record Relation(
            @Schema(maxLength = SLUG, pattern = SLUG_PATTERN) String product,
            @Schema(maxLength = SLUG, pattern = SLUG_PATTERN) String replaces,
            AlternativeFit fit,
            @Schema(maxLength = NOTES, pattern = MULTI_LINE) String notes) {
    }
}
