package eu.sovereignstack.catalog.rest;

import static eu.sovereignstack.catalog.contract.CatalogLimits.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.sovereignstack.catalog.contract.Energy;
import eu.sovereignstack.catalog.contract.CountryCode;
import eu.sovereignstack.catalog.contract.Evidence;
import eu.sovereignstack.catalog.contract.UltimateParent;
import eu.sovereignstack.catalog.domain.ProviderType;

/** A provider as a client writes it (create, replace, merge patch). */
@Schema(name = "ProviderInput", description = "A cloud provider as written by a client.")
public record ProviderInput(
        @NotBlank @Size(max = SLUG) @Pattern(regexp = SLUG_PATTERN, message = "must be lowercase kebab-case")
        @Schema(description = "Stable id, lowercase kebab-case", examples = "ovhcloud", maxLength = SLUG, pattern = SLUG_PATTERN)
        String slug,

        @NotBlank @Size(max = NAME) @Pattern(regexp = SINGLE_LINE, message = "must be a single line without control characters")
        @Schema(examples = "OVHcloud", maxLength = NAME)
        String name,

        @Size(max = NAME) @Pattern(regexp = SINGLE_LINE, message = "must be a single line without control characters")
        @Schema(description = "Registered name of the company; left out when unknown", examples = "OVH SAS", maxLength = NAME)
        String legalName,

        @NotNull @Pattern(regexp = COUNTRY_PATTERN, message = "must be an ISO 3166-1 alpha-2 code")
        @Schema(description = "Home country: an assigned ISO 3166-1 alpha-2 code", examples = "FR", pattern = COUNTRY_PATTERN,
                maxLength = COUNTRY)
        String country,

        @NotNull
        ProviderType type,

        @Size(max = URL) @Pattern(regexp = URL_PATTERN, message = "must be an http(s) URL")
        @Schema(examples = "https://www.ovhcloud.com", maxLength = URL)
        String website,

        @Valid
        @Schema(description = "Who controls it in the end (itself when independent); left out when unknown")
        UltimateParent ultimateParent,

        @Size(max = CERTIFICATIONS)
        @Schema(description = "Certifications it holds; left out or empty when none is known", examples = "[\"ISO 27001\"]",
                maxItems = CERTIFICATIONS)
        List<@NotBlank @Size(max = CERTIFICATION) @Pattern(regexp = SINGLE_LINE) String> certifications,

        @Size(max = DATA_LOCATIONS)
        @Schema(description = "Countries of its data centres (its regions), ISO 3166-1 alpha-2; left out or empty when not known",
                type = SchemaType.ARRAY, implementation = CountryCode.class, maxItems = DATA_LOCATIONS)
        List<@NotNull @Pattern(regexp = COUNTRY_PATTERN, message = "must be an ISO 3166-1 alpha-2 code") String> dataLocations,

        @Valid
        @Schema(description = "Its data centres' energy facts, each optional: pue at most 2 decimals, renewableShare at most 3")
        Energy energy,

        @NotNull @PastOrPresent
        @Schema(description = "The date the facts were checked", examples = "2026-11-22",
                implementation = String.class, format = "date", maxLength = DATE)
        LocalDate factsAsOf,

        @Size(max = EVIDENCE_FACTS)
        @Schema(description = "The evidence of each fact the provider states, by fact name: entry, country, legalName, "
                + "ultimateParent, certifications, dataLocations, pue, renewableShare, climateNeutralDataCentrePact", maxProperties = EVIDENCE_FACTS)
        Map<@Size(max = FACT_NAME) @Pattern(regexp = FACT_NAME_PATTERN, message = "must be a fact name") String,
            @NotNull @Valid Evidence> evidence,

        @PositiveOrZero
        @Schema(description = "Version the client based its change on; a stale one is a 409", maximum = INT_MAX)
        Integer version) {
}
