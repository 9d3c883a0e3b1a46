package eu.sovereignstack.assessment.scoring;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Why an objective of an item is below SEAL 4: a stable {@code code}, how serious it is, the
 * objective it cuts, the level it cuts it to, and a sentence a person can read.
 */
@Schema(name = "Finding")
public record Finding(
        @Schema(examples = "NON_EU_JURISDICTION") String code,
        Severity severity,
        @Schema(implementation = String.class, examples = "SOV-2") SovereigntyObjective objective,
        @Schema(description = "The SEAL level this finding caps the objective at") int cap,
        String message) {
}
