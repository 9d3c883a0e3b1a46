package eu.sovereignstack.catalog.rest;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Offering", description = "A provider runs a product as a managed service.")
public record OfferingView(
        String name,
        @Schema(description = "Slug of the provider") String provider,
        String providerName,
        String providerCountry,
        ProductSummary product,
        @Schema(description = "Countries the offering runs in") List<String> countries,
        String url,
        LocalDate factsAsOf) {
}
