package eu.sovereignstack.catalog.contract;

import static eu.sovereignstack.catalog.contract.CatalogLimits.CONTRIBUTING_ORGANISATIONS;
import static eu.sovereignstack.catalog.contract.CatalogLimits.CONTRIBUTORS_PER_YEAR;
import static eu.sovereignstack.catalog.contract.CatalogLimits.DATE;
import static eu.sovereignstack.catalog.contract.CatalogLimits.RELEASES_PER_YEAR;
import static eu.sovereignstack.catalog.contract.CatalogLimits.RELEASE_VERSION;
import static eu.sovereignstack.catalog.contract.CatalogLimits.SINGLE_LINE;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A product's project health facts, as a client writes them and as the catalog shows them. */
@Schema(name = "Health", description = "Project health facts, each optional.")
@JsonIgnoreProperties(ignoreUnknown = true)
public record Health(
        @Size(max = RELEASE_VERSION) @Pattern(regexp = SINGLE_LINE) @Schema(examples = "32.0.1", maxLength = RELEASE_VERSION)
        String latestReleaseVersion,
        @PastOrPresent @Schema(examples = "2026-10-30", implementation = String.class, format = "date", maxLength = DATE)
        LocalDate latestReleaseDate,
        @PositiveOrZero @Max(CONTRIBUTING_ORGANISATIONS) @Schema(description = "Organisations contributing in the last year")
        Integer contributingOrganisations,
        @DecimalMin("0.0") @DecimalMax("10.0") @Schema(description = "OpenSSF Scorecard score, 0-10", examples = "7.4")
        BigDecimal scorecardScore,
        @PositiveOrZero @Max(RELEASES_PER_YEAR) @Schema(description = "Releases in the twelve months before the facts were read")
        Integer releasesLast12Months,
        @PositiveOrZero @Max(CONTRIBUTORS_PER_YEAR)
        @Schema(description = "Distinct commit authors in the twelve months before the facts were read")
        Integer contributorsLast12Months,
        @DecimalMin("0.0") @DecimalMax("1.0")
        @Schema(description = "Share of those twelve months' commits by the most active organisation, 0 to 1", examples = "0.42")
        BigDecimal topOrganisationShare) {

    public Health(String latestReleaseVersion, LocalDate latestReleaseDate, Integer contributingOrganisations,
            BigDecimal scorecardScore) {
        this(latestReleaseVersion, latestReleaseDate, contributingOrganisations, scorecardScore, null, null, null);
    }

    /** Whether no health fact is known. */
    public boolean empty() {
        return latestReleaseVersion == null && latestReleaseDate == null && contributingOrganisations == null
                && scorecardScore == null && releasesLast12Months == null && contributorsLast12Months == null
                && topOrganisationShare == null;
    }
}
