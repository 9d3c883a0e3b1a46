package eu.sovereignstack.catalog.rest;

import static eu.sovereignstack.catalog.contract.CatalogLimits.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.sovereignstack.catalog.contract.CountryCode;
import eu.sovereignstack.catalog.contract.Evidence;
import eu.sovereignstack.catalog.contract.KeyCustody;

/** An offering as a client writes it; its provider and product are named by the path it is written to. */
@Schema(name = "OfferingInput", description = "A managed service of a product by a provider, as written by a client.")
public record OfferingInput(
        @NotBlank @Size(max = NAME) @Pattern(regexp = SINGLE_LINE, message = "must be a single line without control characters")
        @Schema(examples = "OVHcloud Managed Kubernetes Service", maxLength = NAME)
        String name,

        @NotEmpty @Size(max = DATA_LOCATIONS)
        @Schema(description = "Countries it runs in (its regions' countries), assigned ISO 3166-1 alpha-2 codes",
                examples = "[\"DE\", \"FR\", \"PL\"]", type = SchemaType.ARRAY, implementation = CountryCode.class,
                minItems = 1, maxItems = DATA_LOCATIONS)
        List<@NotNull @Pattern(regexp = COUNTRY_PATTERN, message = "must be an ISO 3166-1 alpha-2 code") String> countries,

        @Size(max = URL) @Pattern(regexp = URL_PATTERN, message = "must be an http(s) URL")
        @Schema(examples = "https://www.ovhcloud.com/en/public-cloud/kubernetes/", maxLength = URL)
        String url,

        @Schema(description = "The strongest key option it has; left out when unknown")
        KeyCustody keyCustody,

        @Schema(description = "Keys kept in a hardware security module; left out when unknown")
        Boolean hsm,

        @NotNull @PastOrPresent
        @Schema(description = "The date the facts were checked", examples = "2026-11-22",
                implementation = String.class, format = "date", maxLength = DATE)
        LocalDate factsAsOf,

        @Size(max = EVIDENCE_FACTS)
        @Schema(description = "The evidence of each fact the offering states, by fact name: entry, dataLocations, keyCustody",
                maxProperties = EVIDENCE_FACTS)
        Map<@Size(max = FACT_NAME) @Pattern(regexp = FACT_NAME_PATTERN, message = "must be a fact name") String,
            @NotNull @Valid Evidence> evidence,

        @PositiveOrZero
        @Schema(description = "Version the client based its change on; a stale one is a 409", maximum = INT_MAX)
        Integer version) {
}
