package eu.sovereignstack.assessment.engine.model;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.sovereignstack.assessment.domain.Limits;

/**
 * How sovereign one item is as used: a SEAL level per objective, the weakest of them, a score
 * 0-100 under the profile, how much of it rests on known facts, and why each level is below 4.
 */
@Schema(name = "ItemScore")
public record ItemScore(
        @Schema(description = "SEAL level 0-4 per objective") Map<SovereigntyObjective, @Min(0) @Max(SealLevel.MAX) Integer> levels,
        @Schema(description = "The weakest objective's level", minimum = "0", maximum = "" + SealLevel.MAX) int seal,
        @Schema(description = "Sum over objectives of level / 4 x weight, 0-100") double score,
        @Schema(description = "Share of the relevant facts that were known, 0-1") double confidence,
        @Schema(maxItems = Limits.FINDINGS) List<Finding> findings,
        @Schema(description = "What was unknown and scored pessimistically", maxItems = Limits.UNKNOWNS)
        List<@Size(max = Limits.UNKNOWN) String> unknowns) {
}
