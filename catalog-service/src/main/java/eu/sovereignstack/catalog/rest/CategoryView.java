package eu.sovereignstack.catalog.rest;

import static eu.sovereignstack.catalog.contract.CatalogLimits.CATEGORY;
import static eu.sovereignstack.catalog.contract.CatalogLimits.CATEGORY_DESCRIPTION;
import static eu.sovereignstack.catalog.contract.CatalogLimits.CATEGORY_NAME;
import static eu.sovereignstack.catalog.contract.CatalogLimits.LONG_MAX;
import static eu.sovereignstack.catalog.contract.CatalogLimits.MULTI_LINE;
import static eu.sovereignstack.catalog.contract.CatalogLimits.SINGLE_LINE;
import static eu.sovereignstack.catalog.contract.CatalogLimits.SLUG_PATTERN;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Category")
public record CategoryView(
        @Schema(maxLength = CATEGORY, pattern = SLUG_PATTERN, examples = "file-sync-share") String code,
        @Schema(maxLength = CATEGORY_NAME, pattern = SINGLE_LINE) String name,
        @Schema(maxLength = CATEGORY_DESCRIPTION, pattern = MULTI_LINE) String description,
        @Schema(minimum = "0", maximum = LONG_MAX) long productCount) {
}
