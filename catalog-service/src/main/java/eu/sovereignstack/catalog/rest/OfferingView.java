package eu.sovereignstack.catalog.rest;

import static eu.sovereignstack.catalog.contract.CatalogLimits.COUNTRY;
import static eu.sovereignstack.catalog.contract.CatalogLimits.COUNTRY_PATTERN;
import static eu.sovereignstack.catalog.contract.CatalogLimits.DATA_LOCATIONS;
import static eu.sovereignstack.catalog.contract.CatalogLimits.DATE;
import static eu.sovereignstack.catalog.contract.CatalogLimits.EVIDENCE_FACTS;
import static eu.sovereignstack.catalog.contract.CatalogLimits.INT_MAX;
import static eu.sovereignstack.catalog.contract.CatalogLimits.NAME;
import static eu.sovereignstack.catalog.contract.CatalogLimits.SINGLE_LINE;
import static eu.sovereignstack.catalog.contract.CatalogLimits.SLUG;
import static eu.sovereignstack.catalog.contract.CatalogLimits.SLUG_PATTERN;
import static eu.sovereignstack.catalog.contract.CatalogLimits.URL;
import static eu.sovereignstack.catalog.contract.CatalogLimits.URL_PATTERN;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.sovereignstack.catalog.contract.CountryCode;
import eu.sovereignstack.catalog.contract.EntryOrigin;
import eu.sovereignstack.catalog.contract.Evidence;
import eu.sovereignstack.catalog.contract.KeyCustody;

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
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "The strongest key option it has; absent when unknown") KeyCustody keyCustody,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Keys kept in a hardware security module; absent when unknown") Boolean hsm,
        @Schema(implementation = String.class, format = "date", maxLength = DATE) LocalDate factsAsOf,
        @Schema(description = "The evidence of each fact, by fact name: entry, dataLocations, keyCustody",
                maxProperties = EVIDENCE_FACTS)
        Map<String, Evidence> evidence,
        @Schema(description = "Its version, for optimistic locking: the ETag of GET /providers/{slug}/offerings/{product}",
                minimum = "0", maximum = INT_MAX) int version,
        EntryOrigin origin) {
}
