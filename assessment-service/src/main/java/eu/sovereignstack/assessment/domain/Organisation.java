package eu.sovereignstack.assessment.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.sovereignstack.catalog.contract.Energy;

/** Facts about the organisation the inventory belongs to. */
@Schema(name = "OrganisationFacts")
public record Organisation(
        @NotBlank @Size(max = Limits.NAME) @Pattern(regexp = Limits.SINGLE_LINE) @Schema(examples = "Ville d'Exemple", maxLength = Limits.NAME)
        String name,
        @Size(max = Limits.SECTOR) @Pattern(regexp = Limits.SINGLE_LINE) @Schema(examples = "public-administration", maxLength = Limits.SECTOR)
        String sector,
        @Pattern(regexp = Limits.COUNTRY, message = "must be an ISO 3166-1 alpha-2 code")
        @Schema(examples = "FR", maxLength = Limits.COUNTRY_CODE)
        String country,
        @Valid
        @Schema(description = "Energy facts of the organisation's own data centres: they decide SOV-8 for what it hosts "
                + "itself; absent, SOV-8 of self-hosted items is unknown")
        Energy energy) {

    public Organisation(String name, String sector, String country) {
        this(name, sector, country, null);
    }
}
