package eu.sovereignstack.catalog.contract;

import static eu.sovereignstack.catalog.contract.CatalogLimits.COUNTRY;
import static eu.sovereignstack.catalog.contract.CatalogLimits.COUNTRY_PATTERN;
import static eu.sovereignstack.catalog.contract.CatalogLimits.NAME;
import static eu.sovereignstack.catalog.contract.CatalogLimits.SINGLE_LINE;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The organisation that steers a product, as a client writes it and as the catalog shows it. */
@Schema(name = "Steward", description = "The organisation that steers the product.")
@JsonIgnoreProperties(ignoreUnknown = true)
public record Steward(
        @NotBlank @Size(max = NAME) @Pattern(regexp = SINGLE_LINE) @Schema(examples = "Nextcloud GmbH", maxLength = NAME)
        String name,
        @NotNull @Pattern(regexp = COUNTRY_PATTERN, message = "must be an ISO 3166-1 alpha-2 code")
        @Schema(examples = "DE", pattern = COUNTRY_PATTERN, maxLength = COUNTRY)
        String country,
        @Valid @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Who controls the steward in the end (the steward itself when independent); "
                + "absent when unknown")
        UltimateParent ultimateParent) {

    public Steward(String name, String country) {
        this(name, country, null);
    }
}
