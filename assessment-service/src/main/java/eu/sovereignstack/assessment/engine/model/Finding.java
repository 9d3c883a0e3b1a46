package eu.sovereignstack.assessment.engine.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.sovereignstack.assessment.domain.Limits;

/**
 * Why an objective of an item is below SEAL 4: a stable {@code code}, how serious it is, the
 * objective it cuts, the level it cuts it to, and a sentence a person can read.
 */
@Schema(name = "Finding")
public record Finding(
        @Schema(examples = "NON_EU_JURISDICTION", maxLength = Limits.FINDING_CODE, pattern = Limits.FINDING_CODE_PATTERN) String code,
        Severity severity,
        @Schema(implementation = String.class, examples = "SOV-2",
                enumeration = {"SOV-1", "SOV-2", "SOV-3", "SOV-4", "SOV-5", "SOV-6", "SOV-7", "SOV-8"})
        SovereigntyObjective objective,
        @Schema(description = "The SEAL level this finding caps the objective at", minimum = "0", maximum = "" + SealLevel.MAX)
        int cap,
        @Schema(maxLength = Limits.SENTENCE) String message) {
}
