package eu.sovereignstack.catalog.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.sovereignstack.catalog.domain.Governance;
import eu.sovereignstack.catalog.domain.ProductKind;
import eu.sovereignstack.common.licence.LicenceFamily;

/** The few facts of a product shown where it is referenced. */
@Schema(name = "ProductSummary")
public record ProductSummary(
        String slug,
        String name,
        ProductKind kind,
        String category,
        String licence,
        LicenceFamily licenceFamily,
        boolean openSource,
        Governance governance,
        String stewardCountry,
        boolean euJurisdiction) {
}
