package eu.sovereignstack.assessment.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.sovereignstack.assessment.domain.AssessmentSummaryRow;
import eu.sovereignstack.assessment.domain.Limits;
import eu.sovereignstack.assessment.engine.model.SealLevel;

@Schema(name = "AssessmentSummary")
public record AssessmentSummary(
        @Schema(implementation = String.class, format = "uuid", maxLength = Limits.UUID) UUID id,
        @Schema(maxLength = Limits.NAME, pattern = Limits.SINGLE_LINE) String name,
        @Schema(maxLength = Limits.USER) String createdBy,
        @Schema(implementation = String.class, format = "date-time", maxLength = Limits.DATE_TIME) Instant createdAt,
        @Schema(maxLength = Limits.PROFILE) String profile,
        @Schema(enumeration = {"json", "csv", "cyclonedx-json", "cyclonedx-xml"}) String inputFormat,
        double score,
        @Schema(minimum = "0", maximum = "" + SealLevel.MAX) int seal,
        @Schema(minimum = "1", maximum = "" + Limits.ITEMS) int itemCount,
        @Schema(implementation = String.class, format = "uuid", maxLength = Limits.UUID) UUID rerunOf) {

    static AssessmentSummary of(AssessmentSummaryRow row) {
        return new AssessmentSummary(row.id(), row.name(), row.createdBy(), row.createdAt(), row.profileId(), row.inputFormat(),
                row.score().doubleValue(), row.seal(), row.itemCount(), row.rerunOf());
    }
}
