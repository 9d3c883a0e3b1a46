package eu.sovereignstack.catalog.contract;

import static eu.sovereignstack.catalog.contract.CatalogLimits.CERTIFICATION;
import static eu.sovereignstack.catalog.contract.CatalogLimits.CERTIFICATIONS;
import static eu.sovereignstack.catalog.contract.CatalogLimits.COUNTRY;
import static eu.sovereignstack.catalog.contract.CatalogLimits.COUNTRY_PATTERN;
import static eu.sovereignstack.catalog.contract.CatalogLimits.DATA_LOCATIONS;
import static eu.sovereignstack.catalog.contract.CatalogLimits.NAME;
import static eu.sovereignstack.catalog.contract.CatalogLimits.SINGLE_LINE;
import static eu.sovereignstack.catalog.contract.CatalogLimits.SLUG;
import static eu.sovereignstack.catalog.contract.CatalogLimits.SLUG_PATTERN;

import java.util.List;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A managed offering of a resolved product, with the provider facts that decide its jurisdiction. */
@Schema(name = "ResolvedOffering")
@JsonIgnoreProperties(ignoreUnknown = true)
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

    /** A reader may leave out a list; it reads as empty, never null. */
    public ResolvedOffering {
        providerCertifications = providerCertifications == null ? List.of() : providerCertifications;
        countries = countries == null ? List.of() : countries;
    }
}
