package eu.sovereignstack.catalog.rest;

import static eu.sovereignstack.catalog.contract.CatalogLimits.CERTIFICATION;
import static eu.sovereignstack.catalog.contract.CatalogLimits.CERTIFICATIONS;
import static eu.sovereignstack.catalog.contract.CatalogLimits.COUNTRY;
import static eu.sovereignstack.catalog.contract.CatalogLimits.COUNTRY_PATTERN;
import static eu.sovereignstack.catalog.contract.CatalogLimits.DATA_LOCATIONS;
import static eu.sovereignstack.catalog.contract.CatalogLimits.DATE;
import static eu.sovereignstack.catalog.contract.CatalogLimits.EVIDENCE_FACTS;
import static eu.sovereignstack.catalog.contract.CatalogLimits.INT_MAX;
import static eu.sovereignstack.catalog.contract.CatalogLimits.LONG_MAX;
import static eu.sovereignstack.catalog.contract.CatalogLimits.NAME;
import static eu.sovereignstack.catalog.contract.CatalogLimits.SINGLE_LINE;
import static eu.sovereignstack.catalog.contract.CatalogLimits.SLUG;
import static eu.sovereignstack.catalog.contract.CatalogLimits.SLUG_PATTERN;
import static eu.sovereignstack.catalog.contract.CatalogLimits.URL;
import static eu.sovereignstack.catalog.contract.CatalogLimits.URL_PATTERN;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.sovereignstack.catalog.contract.Energy;
import eu.sovereignstack.catalog.contract.EntryOrigin;
import eu.sovereignstack.catalog.contract.CountryCode;
import eu.sovereignstack.catalog.contract.Evidence;
import eu.sovereignstack.catalog.contract.UltimateParent;
import eu.sovereignstack.catalog.domain.ProviderType;

@Schema(name = "Provider")
public record ProviderView(
        @Schema(maxLength = SLUG, pattern = SLUG_PATTERN) String slug,
        @Schema(maxLength = NAME, pattern = SINGLE_LINE) String name,
        @Schema(description = "Home country, ISO 3166-1 alpha-2", maxLength = COUNTRY, pattern = COUNTRY_PATTERN) String country,
        ProviderType type,
        @Schema(description = "Headquartered in the EU/EEA") boolean euJurisdiction,
        @Schema(maxLength = URL, pattern = URL_PATTERN) String website,
        @Schema(maxItems = CERTIFICATIONS)
        List<@Size(max = CERTIFICATION) @Pattern(regexp = SINGLE_LINE) String> certifications,
        @Schema(description = "Countries of its data centres (its regions); empty when not known", type = SchemaType.ARRAY,
                implementation = CountryCode.class, maxItems = DATA_LOCATIONS)
        List<String> dataLocations,
        @JsonInclude(JsonInclude.Include.NON_NULL) 
        @Schema(description = "Registered name of the company", maxLength = NAME, pattern = SINGLE_LINE) String legalName,
        @JsonInclude(JsonInclude.Include.NON_NULL) 
        @Schema(description = "Who controls it in the end (itself when independent); absent when unknown")
        UltimateParent ultimateParent,
        @Schema(description = "Its ultimate parent, else itself, is in the EU/EEA: the law it answers to")
        boolean euControlled,
        @JsonInclude(JsonInclude.Include.NON_NULL) 
        @Schema(description = "Its data centres' energy facts; absent when none is known") Energy energy,
        @Schema(implementation = String.class, format = "date", maxLength = DATE) LocalDate factsAsOf,
        @Schema(description = "The evidence of each fact, by fact name: entry, country, legalName, ultimateParent, "
                + "certifications, dataLocations, pue, renewableShare, climateNeutralDataCentrePact", maxProperties = EVIDENCE_FACTS)
        Map<String, Evidence> evidence,
        @Schema(minimum = "0", maximum = LONG_MAX) long offeringCount,
        @Schema(description = "Its version, for optimistic locking: the ETag of GET /providers/{slug}", minimum = "0",
                maximum = INT_MAX) int version,
        EntryOrigin origin) {
}
