package eu.sovereignstack.assessment.rest;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.sovereignstack.assessment.scoring.Severity;
import eu.sovereignstack.assessment.scoring.SovereigntyObjective;

/** How an organisation moved between two assessments. */
@Schema(name = "Comparison")
public record Comparison(
        Side from,
        Side to,
        double scoreDelta,
        int sealDelta,
        List<ObjectiveDelta> objectives,
        @Schema(description = "Findings of 'from' that 'to' no longer has") List<ComparedFinding> resolvedFindings,
        @Schema(description = "Findings of 'to' that 'from' did not have") List<ComparedFinding> newFindings) {

    @Schema(name = "ComparisonSide")
    public record Side(UUID id, String name, java.time.Instant createdAt, double score, int seal) {
    }

    /**
     * One objective: the organisation's level (its weakest item's) before and after, and the
     * objective's share of the organisation's score (criticality-weighted; the eight shares add
     * up to the score).
     */
    @Schema(name = "ObjectiveDelta")
    public record ObjectiveDelta(SovereigntyObjective objective, int from, int to, int delta,
            double scoreFrom, double scoreTo, double scoreDelta) {
    }

    @Schema(name = "ComparedFinding")
    public record ComparedFinding(String item, String itemName, String code, SovereigntyObjective objective, Severity severity,
            String message) {
    }
}
