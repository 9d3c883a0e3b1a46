package eu.sovereignstack.catalog.rest;

import static eu.sovereignstack.catalog.contract.CatalogLimits.CATEGORY;
import static eu.sovereignstack.catalog.contract.CatalogLimits.COUNTRY;
import static eu.sovereignstack.catalog.contract.CatalogLimits.COUNTRY_PATTERN;
import static eu.sovereignstack.catalog.contract.CatalogLimits.LICENCE;
import static eu.sovereignstack.catalog.contract.CatalogLimits.NAME;
import static eu.sovereignstack.catalog.contract.CatalogLimits.SINGLE_LINE;
import static eu.sovereignstack.catalog.contract.CatalogLimits.SLUG;
import static eu.sovereignstack.catalog.contract.CatalogLimits.SLUG_PATTERN;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.sovereignstack.catalog.contract.Governance;
import eu.sovereignstack.catalog.contract.ProductKind;
import eu.sovereignstack.common.licence.LicenceFamily;

/** The few facts of a product shown where it is referenced. */
@Schema(name = "ProductSummary")
public record ProductSummary(
        @Schema(maxLength = SLUG, pattern = SLUG_PATTERN) String slug,
        @Schema(maxLength = NAME, pattern = SINGLE_LINE) String name,
        ProductKind kind,
        @Schema(maxLength = CATEGORY, pattern = SLUG_PATTERN) String category,
        @Schema(maxLength = LICENCE) String licence,
        LicenceFamily licenceFamily,
        boolean openSource,
        Governance governance,
        @Schema(maxLength = COUNTRY, pattern = COUNTRY_PATTERN) String stewardCountry,
        boolean euJurisdiction) {
}
