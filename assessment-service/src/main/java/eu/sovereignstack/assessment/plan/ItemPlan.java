package eu.sovereignstack.assessment.plan;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What to do with one item, how hard it is, and why. */
@Schema(name = "ItemPlan")
public record ItemPlan(
        Disposition disposition,
        @Schema(description = "Absent when retained") Effort effort,
        @Schema(description = "1, 2, 4 or 8; 0 when retained") int effortPoints,
        @Schema(description = "Why this disposition and effort") List<String> reasons,
        @Schema(description = "Ranked alternatives, best first (at most 5)") List<AlternativeOption> alternatives,
        @Schema(description = "The option the plan picks, if the item migrates") AlternativeOption chosen) {
}
