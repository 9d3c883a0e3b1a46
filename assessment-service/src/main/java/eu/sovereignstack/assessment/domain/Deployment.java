package eu.sovereignstack.assessment.domain;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.sovereignstack.catalog.contract.CountryCode;
import eu.sovereignstack.catalog.contract.DeploymentModel;

/**
 * How and where an item runs. {@code provider} and {@code providerCountry} name who operates it
 * (for SAAS the vendor is assumed when absent); {@code dataLocations} where its data is stored
 * (ISO 3166-1 alpha-2; empty means unknown for SAAS and MANAGED, the organisation's own site
 * for SELF_HOSTED).
 */
@Schema(name = "Deployment")
public record Deployment(
        @NotNull DeploymentModel model,
        @Size(max = Limits.NAME) @Pattern(regexp = Limits.SINGLE_LINE) @Schema(examples = "OVHcloud", maxLength = Limits.NAME)
        String provider,
        @Pattern(regexp = Limits.COUNTRY, message = "must be an ISO 3166-1 alpha-2 code")
        @Schema(examples = "FR", maxLength = Limits.COUNTRY_CODE)
        String providerCountry,
        @Size(max = Limits.COUNTRIES)
        @Schema(type = SchemaType.ARRAY, implementation = CountryCode.class, maxItems = Limits.COUNTRIES, examples = "[\"FR\", \"DE\"]")
        List<@NotNull @Pattern(regexp = Limits.COUNTRY, message = "must be an ISO 3166-1 alpha-2 code") String> dataLocations) {

    public Deployment {
        dataLocations = dataLocations == null ? List.of() : List.copyOf(dataLocations);
    }

    public static Deployment selfHosted() {
        return new Deployment(DeploymentModel.SELF_HOSTED, null, null, List.of());
    }
}
