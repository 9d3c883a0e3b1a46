package eu.sovereignstack.catalog.rest;

import static eu.sovereignstack.catalog.contract.CatalogLimits.MULTI_LINE;
import static eu.sovereignstack.catalog.contract.CatalogLimits.NOTES;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.sovereignstack.catalog.contract.AlternativeFit;

/** One side of an "alternative to" relation, seen from the other product. */
@Schema(name = "Alternative")
public record AlternativeView(
        ProductSummary product,
        AlternativeFit fit,
        @Schema(maxLength = NOTES, pattern = MULTI_LINE) String notes) {
}
