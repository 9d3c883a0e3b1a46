package eu.sovereignstack.assessment.scoring;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How sovereign one item is as used: a SEAL level per objective, the weakest of them, a score
 * 0-100 under the profile, how much of it rests on known facts, and why each level is below 4.
 */
@Schema(name = "ItemScore")
public record ItemScore(
        @Schema(description = "SEAL level 0-4 per objective") Map<SovereigntyObjective, Integer> levels,
        @Schema(description = "The weakest objective's level") int seal,
        @Schema(description = "Sum over objectives of level / 4 x weight, 0-100") double score,
        @Schema(description = "Share of the relevant facts that were known, 0-1") double confidence,
        List<Finding> findings,
        @Schema(description = "What was unknown and scored pessimistically") List<String> unknowns) {
}
