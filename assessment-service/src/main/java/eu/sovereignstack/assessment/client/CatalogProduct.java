package eu.sovereignstack.assessment.client;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import eu.sovereignstack.common.licence.LicenceFamily;

/** A product as the catalog-service returns it: the facts the assessment reads and keeps. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CatalogProduct(
        String slug,
        String name,
        String kind,
        String category,
        Steward steward,
        String licence,
        List<String> licenceIds,
        LicenceFamily licenceFamily,
        boolean openSource,
        String governance,
        List<String> deploymentModels,
        List<String> standards,
        List<String> certifications,
        List<String> dataLocations,
        boolean euJurisdiction,
        String website,
        Health health,
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
    public record Steward(String name, String country) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Health(String latestReleaseVersion, LocalDate latestReleaseDate, Integer contributingOrganisations,
            BigDecimal scorecardScore) {
    }
}
