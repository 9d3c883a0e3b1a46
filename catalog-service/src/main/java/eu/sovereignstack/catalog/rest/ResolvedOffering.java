package eu.sovereignstack.catalog.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A managed offering of a resolved product, with the provider facts that decide its jurisdiction. */
@Schema(name = "ResolvedOffering")
public record ResolvedOffering(
        @Schema(description = "Slug of the provider") String provider,
        String providerName,
        @Schema(description = "Home country of the provider, ISO 3166-1 alpha-2") String providerCountry,
        @Schema(description = "The provider's home country is in the EU/EEA") boolean providerEuJurisdiction,
        List<String> providerCertifications,
        String name,
        @Schema(description = "Countries the offering runs in") List<String> countries) {
}
