package eu.sovereignstack.catalog.rest;

import static eu.sovereignstack.catalog.rest.ApiLimits.CERTIFICATION;
import static eu.sovereignstack.catalog.rest.ApiLimits.CERTIFICATIONS;
import static eu.sovereignstack.catalog.rest.ApiLimits.COUNTRY;
import static eu.sovereignstack.catalog.rest.ApiLimits.COUNTRY_PATTERN;
import static eu.sovereignstack.catalog.rest.ApiLimits.DATA_LOCATIONS;
import static eu.sovereignstack.catalog.rest.ApiLimits.NAME;
import static eu.sovereignstack.catalog.rest.ApiLimits.SINGLE_LINE;
import static eu.sovereignstack.catalog.rest.ApiLimits.SLUG;
import static eu.sovereignstack.catalog.rest.ApiLimits.SLUG_PATTERN;

import java.util.List;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A managed offering of a resolved product, with the provider facts that decide its jurisdiction. */
@Schema(name = "ResolvedOffering")
public record ResolvedOffering(
        @Schema(description = "Slug of the provider", maxLength = SLUG, pattern = SLUG_PATTERN) String provider,
        @Schema(maxLength = NAME, pattern = SINGLE_LINE) String providerName,
        @Schema(description = "Home country of the provider, ISO 3166-1 alpha-2", maxLength = COUNTRY, pattern = COUNTRY_PATTERN)
        String providerCountry,
        @Schema(description = "The provider's home country is in the EU/EEA") boolean providerEuJurisdiction,
        @Schema(maxItems = CERTIFICATIONS)
        List<@Size(max = CERTIFICATION) @Pattern(regexp = SINGLE_LINE) String> providerCertifications,
        @Schema(maxLength = NAME, pattern = SINGLE_LINE) String name,
        @Schema(description = "Countries the offering runs in", type = SchemaType.ARRAY, implementation = CountryCode.class,
                maxItems = DATA_LOCATIONS)
        List<String> countries) {
}
