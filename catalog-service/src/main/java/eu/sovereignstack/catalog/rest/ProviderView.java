package eu.sovereignstack.catalog.rest;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.sovereignstack.catalog.domain.ProviderType;

@Schema(name = "Provider")
public record ProviderView(
        String slug,
        String name,
        @Schema(description = "Home country, ISO 3166-1 alpha-2") String country,
        ProviderType type,
        @Schema(description = "Headquartered in the EU/EEA") boolean euJurisdiction,
        String website,
        List<String> certifications,
        LocalDate factsAsOf,
        long offeringCount) {
}
