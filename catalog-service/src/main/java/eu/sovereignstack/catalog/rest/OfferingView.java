package eu.sovereignstack.catalog.rest;

import static eu.sovereignstack.catalog.contract.CatalogLimits.COUNTRY;
import static eu.sovereignstack.catalog.contract.CatalogLimits.COUNTRY_PATTERN;
import static eu.sovereignstack.catalog.contract.CatalogLimits.DATA_LOCATIONS;
import static eu.sovereignstack.catalog.contract.CatalogLimits.DATE;
import static eu.sovereignstack.catalog.contract.CatalogLimits.NAME;
import static eu.sovereignstack.catalog.contract.CatalogLimits.SINGLE_LINE;
import static eu.sovereignstack.catalog.contract.CatalogLimits.SLUG;
import static eu.sovereignstack.catalog.contract.CatalogLimits.SLUG_PATTERN;
import static eu.sovereignstack.catalog.contract.CatalogLimits.URL;
import static eu.sovereignstack.catalog.contract.CatalogLimits.URL_PATTERN;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.sovereignstack.catalog.contract.CountryCode;

@Schema(name = "Offering", description = "A provider runs a product as a managed service.")
public record OfferingView(
        @Schema(maxLength = NAME, pattern = SINGLE_LINE) String name,
        @Schema(description = "Slug of the provider", maxLength = SLUG, pattern = SLUG_PATTERN) String provider,
        @Schema(maxLength = NAME, pattern = SINGLE_LINE) String providerName,
        @Schema(maxLength = COUNTRY, pattern = COUNTRY_PATTERN) String providerCountry,
        ProductSummary product,
        @Schema(description = "Countries the offering runs in", type = SchemaType.ARRAY, implementation = CountryCode.class,
                maxItems = DATA_LOCATIONS)
        List<String> countries,
        @Schema(maxLength = URL, pattern = URL_PATTERN) String url,
        @Schema(implementation = String.class, format = "date", maxLength = DATE) LocalDate factsAsOf) {
}
