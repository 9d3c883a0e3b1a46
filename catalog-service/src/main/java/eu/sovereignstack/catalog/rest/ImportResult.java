package eu.sovereignstack.catalog.rest;

import static eu.sovereignstack.catalog.contract.CatalogLimits.IMPORT_PRODUCTS;
import static eu.sovereignstack.catalog.contract.CatalogLimits.SLUG;
import static eu.sovereignstack.catalog.contract.CatalogLimits.SLUG_PATTERN;

import java.util.List;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ImportResult")
public record ImportResult(
        @Schema(description = "Slugs of the products created", maxItems = IMPORT_PRODUCTS)
        List<@Size(max = SLUG) @Pattern(regexp = SLUG_PATTERN) String> created,
        @Schema(description = "Slugs of existing products whose facts changed", maxItems = IMPORT_PRODUCTS)
        List<@Size(max = SLUG) @Pattern(regexp = SLUG_PATTERN) String> updated,
        @Schema(description = "Slugs of existing products that were already identical", maxItems = IMPORT_PRODUCTS)
        List<@Size(max = SLUG) @Pattern(regexp = SLUG_PATTERN) String> unchanged) {
}
