package eu.sovereignstack.assessment.engine.model;

import java.util.List;

import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.sovereignstack.assessment.domain.Limits;

/** What to do with one item, how hard it is, and why. */
@Schema(name = "ItemPlan")
public record ItemPlan(
        Disposition disposition,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Absent when retained") Effort effort,
        @Schema(description = "1, 2, 4 or 8; 0 when retained", minimum = "0", maximum = "" + Limits.EFFORT_POINTS) int effortPoints,
        @Schema(description = "Why this disposition and effort", maxItems = Limits.PLAN_REASONS)
        List<@Size(max = Limits.SENTENCE) String> reasons,
        @Schema(description = "Ranked alternatives, best first (at most " + Limits.ALTERNATIVES + ")", maxItems = Limits.ALTERNATIVES)
        List<AlternativeOption> alternatives,
        @Schema(description = "The option the plan picks, if the item migrates") AlternativeOption chosen) {
}
