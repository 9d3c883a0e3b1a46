package eu.sovereignstack.assessment.engine.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.sovereignstack.assessment.domain.Limits;

/** How an organisation moved between two assessments. */
@Schema(name = "Comparison")
public record Comparison(
        Side from,
        Side to,
        double scoreDelta,
        @Schema(minimum = "-" + SealLevel.MAX, maximum = "" + SealLevel.MAX) int sealDelta,
        @Schema(maxItems = Limits.OBJECTIVES) List<ObjectiveDelta> objectives,
        @Schema(description = "Findings of 'from' that 'to' no longer has", maxItems = Limits.ITEMS * Limits.FINDINGS)
        List<ComparedFinding> resolvedFindings,
        @Schema(description = "Findings of 'to' that 'from' did not have", maxItems = Limits.ITEMS * Limits.FINDINGS)
        List<ComparedFinding> newFindings) {

    @Schema(name = "ComparisonSide")
    public record Side(
            @Schema(implementation = String.class, format = "uuid", maxLength = Limits.UUID) UUID id,
            @Schema(maxLength = Limits.NAME, pattern = Limits.SINGLE_LINE) String name,
            @Schema(implementation = String.class, format = "date-time", maxLength = Limits.DATE_TIME) Instant createdAt,
            double score,
            @Schema(minimum = "0", maximum = "" + SealLevel.MAX) int seal) {
    }

    /**
     * One objective: the organisation's level (its weakest item's) before and after, and the
     * objective's share of the organisation's score (criticality-weighted; the eight shares add
     * up to the score).
     */
    @Schema(name = "ObjectiveDelta")
    public record ObjectiveDelta(
            SovereigntyObjective objective,
            @Schema(minimum = "0", maximum = "" + SealLevel.MAX) int from,
            @Schema(minimum = "0", maximum = "" + SealLevel.MAX) int to,
            @Schema(minimum = "-" + SealLevel.MAX, maximum = "" + SealLevel.MAX) int delta,
            double scoreFrom, double scoreTo, double scoreDelta) {
    }

    @Schema(name = "ComparedFinding")
    public record ComparedFinding(
            @Schema(description = "The item's id", maxLength = Limits.ID, pattern = Limits.SINGLE_LINE) String item,
            @Schema(maxLength = Limits.NAME, pattern = Limits.SINGLE_LINE) String itemName,
            @Schema(maxLength = Limits.FINDING_CODE, pattern = Limits.FINDING_CODE_PATTERN) String code,
            SovereigntyObjective objective,
            Severity severity,
            @Schema(maxLength = Limits.SENTENCE) String message) {
    }
}
