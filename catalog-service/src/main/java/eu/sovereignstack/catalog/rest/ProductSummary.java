package eu.sovereignstack.catalog.rest;

import static eu.sovereignstack.catalog.rest.ApiLimits.CATEGORY;
import static eu.sovereignstack.catalog.rest.ApiLimits.COUNTRY;
import static eu.sovereignstack.catalog.rest.ApiLimits.COUNTRY_PATTERN;
import static eu.sovereignstack.catalog.rest.ApiLimits.LICENCE;
import static eu.sovereignstack.catalog.rest.ApiLimits.NAME;
import static eu.sovereignstack.catalog.rest.ApiLimits.SINGLE_LINE;
import static eu.sovereignstack.catalog.rest.ApiLimits.SLUG;
import static eu.sovereignstack.catalog.rest.ApiLimits.SLUG_PATTERN;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.sovereignstack.catalog.domain.Governance;
import eu.sovereignstack.catalog.domain.ProductKind;
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
