package eu.sovereignstack.catalog.contract;

import static eu.sovereignstack.catalog.contract.CatalogLimits.COUNTRY;
import static eu.sovereignstack.catalog.contract.CatalogLimits.COUNTRY_PATTERN;
import static eu.sovereignstack.catalog.contract.CatalogLimits.NAME;
import static eu.sovereignstack.catalog.contract.CatalogLimits.SINGLE_LINE;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The organisation that controls a steward or a provider in the end, and whose law it answers
 * to: the organisation itself when it is independent.
 */
@Schema(name = "UltimateParent", description = "Who controls the organisation in the end (itself when independent).")
@JsonIgnoreProperties(ignoreUnknown = true)
public record UltimateParent(
        @NotBlank @Size(max = NAME) @Pattern(regexp = SINGLE_LINE) @Schema(examples = "Amazon.com, Inc.", maxLength = NAME)
        String name,
        @NotNull @Pattern(regexp = COUNTRY_PATTERN, message = "must be an ISO 3166-1 alpha-2 code")
        @Schema(examples = "US", pattern = COUNTRY_PATTERN, maxLength = COUNTRY)
        String country) {
}
