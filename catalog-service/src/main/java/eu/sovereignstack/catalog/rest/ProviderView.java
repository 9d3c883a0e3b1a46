package eu.sovereignstack.catalog.rest;

import static eu.sovereignstack.catalog.contract.CatalogLimits.CERTIFICATION;
import static eu.sovereignstack.catalog.contract.CatalogLimits.CERTIFICATIONS;
import static eu.sovereignstack.catalog.contract.CatalogLimits.COUNTRY;
import static eu.sovereignstack.catalog.contract.CatalogLimits.COUNTRY_PATTERN;
import static eu.sovereignstack.catalog.contract.CatalogLimits.DATE;
import static eu.sovereignstack.catalog.contract.CatalogLimits.LONG_MAX;
import static eu.sovereignstack.catalog.contract.CatalogLimits.NAME;
import static eu.sovereignstack.catalog.contract.CatalogLimits.SINGLE_LINE;
import static eu.sovereignstack.catalog.contract.CatalogLimits.SLUG;
import static eu.sovereignstack.catalog.contract.CatalogLimits.SLUG_PATTERN;
import static eu.sovereignstack.catalog.contract.CatalogLimits.URL;
import static eu.sovereignstack.catalog.contract.CatalogLimits.URL_PATTERN;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
        @Schema(implementation = String.class, format = "date", maxLength = DATE) LocalDate factsAsOf,
        @Schema(minimum = "0", maximum = LONG_MAX) long offeringCount) {
}
