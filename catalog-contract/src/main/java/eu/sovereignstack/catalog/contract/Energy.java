package eu.sovereignstack.catalog.contract;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The energy facts of whoever runs the data centres: a provider, or the organisation itself for
 * what it hosts. Each is optional; an absent one is unknown.
 *
 * @param pue                          power usage effectiveness, 1.0 or more
 * @param renewableShare               share of the electricity from renewable sources, 0 to 1
 * @param climateNeutralDataCentrePact whether it signed the Climate Neutral Data Centre Pact
 */
@Schema(name = "Energy", description = "Energy facts of a data-centre operator, each optional.")
@JsonIgnoreProperties(ignoreUnknown = true)
public record Energy(
        @DecimalMin("1.0") @DecimalMax("5.0") @Schema(description = "Power usage effectiveness", examples = "1.2")
        BigDecimal pue,
        @DecimalMin("0.0") @DecimalMax("1.0") @Schema(description = "Share of renewable electricity, 0 to 1", examples = "0.9")
        BigDecimal renewableShare,
        @Schema(description = "Signatory of the Climate Neutral Data Centre Pact")
        Boolean climateNeutralDataCentrePact) {

    /** Whether nothing is known. */
    public boolean empty() {
        return pue == null && renewableShare == null && climateNeutralDataCentrePact == null;
    }
}
