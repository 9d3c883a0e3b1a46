package eu.sovereignstack.assessment.client;

import static eu.sovereignstack.assessment.client.CatalogLimits.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.sovereignstack.assessment.domain.CountryCode;
import eu.sovereignstack.assessment.domain.DeploymentModel;
import eu.sovereignstack.assessment.domain.Limits;
import eu.sovereignstack.common.licence.LicenceFamily;

/** A product as the catalog-service returns it: the facts the assessment reads and keeps. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CatalogProduct(
        @Schema(maxLength = SLUG, pattern = SLUG_PATTERN)
        String slug,
        @Schema(maxLength = NAME, pattern = Limits.SINGLE_LINE)
        String name,
        @Schema(enumeration = {"SOFTWARE", "SERVICE"})
        String kind,
        @Schema(maxLength = CATEGORY, pattern = SLUG_PATTERN)
        String category,
        Steward steward,
        @Schema(maxLength = LICENCE)
        String licence,
        @Schema(maxItems = LICENCE_IDS)
        List<@Size(max = LICENCE_ID) String> licenceIds,
        LicenceFamily licenceFamily,
        boolean openSource,
        @Schema(enumeration = {"FOUNDATION", "COMMUNITY", "SINGLE_VENDOR", "PROPRIETARY_VENDOR"})
        String governance,
        @Schema(type = SchemaType.ARRAY, implementation = DeploymentModel.class, maxItems = DEPLOYMENT_MODELS)
        List<String> deploymentModels,
        @Schema(maxItems = STANDARDS)
        List<@Size(max = STANDARD) @Pattern(regexp = Limits.SINGLE_LINE) String> standards,
        @Schema(maxItems = CERTIFICATIONS)
        List<@Size(max = CERTIFICATION) @Pattern(regexp = Limits.SINGLE_LINE) String> certifications,
        @Schema(type = SchemaType.ARRAY, implementation = CountryCode.class, maxItems = DATA_LOCATIONS)
        List<String> dataLocations,
        boolean euJurisdiction,
        @Schema(maxLength = URL, pattern = URL_PATTERN)
        String website,
        Health health,
        @Schema(implementation = String.class, format = "date", maxLength = Limits.DATE)
        LocalDate factsAsOf) {

    public CatalogProduct {
        licenceIds = licenceIds == null ? List.of() : licenceIds;
        deploymentModels = deploymentModels == null ? List.of() : deploymentModels;
        standards = standards == null ? List.of() : standards;
        certifications = certifications == null ? List.of() : certifications;
        dataLocations = dataLocations == null ? List.of() : dataLocations;
    }

    public boolean isService() {
        return "SERVICE".equals(kind);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Steward(
            @Schema(maxLength = NAME, pattern = Limits.SINGLE_LINE) String name,
            @Schema(maxLength = Limits.COUNTRY_CODE, pattern = Limits.COUNTRY) String country) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Health(
            @Schema(maxLength = RELEASE_VERSION, pattern = Limits.SINGLE_LINE) String latestReleaseVersion,
            @Schema(implementation = String.class, format = "date", maxLength = Limits.DATE) LocalDate latestReleaseDate,
            @Schema(minimum = "0", maximum = "" + CONTRIBUTING_ORGANISATIONS) Integer contributingOrganisations,
            BigDecimal scorecardScore) {
    }
}
