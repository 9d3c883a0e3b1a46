package eu.sovereignstack.assessment.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.sovereignstack.assessment.domain.Limits;
import eu.sovereignstack.assessment.engine.model.AssessmentResult;
import eu.sovereignstack.assessment.engine.model.RerunChanges;
import eu.sovereignstack.assessment.service.StoredAssessment;

/** A stored assessment: who made it when, how, and what it found. */
@Schema(name = "Assessment")
public record AssessmentView(
        @Schema(implementation = String.class, format = "uuid", maxLength = Limits.UUID) UUID id,
        @Schema(maxLength = Limits.NAME, pattern = Limits.SINGLE_LINE) String name,
        @Schema(description = "The user who created it", maxLength = Limits.USER) String createdBy,
        @Schema(implementation = String.class, format = "date-time", maxLength = Limits.DATE_TIME) Instant createdAt,
        @Schema(description = "Scoring profile id", maxLength = Limits.PROFILE) String profile,
        @Schema(enumeration = {"json", "csv", "cyclonedx-json", "cyclonedx-xml"}) String inputFormat,
        @Schema(description = "The assessment this one re-ran, if any", implementation = String.class, format = "uuid",
                maxLength = Limits.UUID)
        UUID rerunOf,
        @Schema(description = "For a rerun: how it differs from the assessment it re-ran, by cause (rules or facts)")
        RerunChanges rerunChanges,
        AssessmentResult result) {

    static AssessmentView of(StoredAssessment assessment) {
        return new AssessmentView(assessment.id(), assessment.name(), assessment.createdBy(), assessment.createdAt(),
                assessment.profile(), assessment.inputFormat(), assessment.rerunOf(), assessment.rerunChanges(), assessment.result());
    }
}
