package eu.sovereignstack.assessment.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.sovereignstack.assessment.domain.AssessmentResult;

/** A stored assessment: who made it when, how, and what it found. */
@Schema(name = "Assessment")
public record AssessmentView(
        UUID id,
        String name,
        String createdBy,
        Instant createdAt,
        @Schema(description = "Scoring profile id") String profile,
        @Schema(description = "json, csv, cyclonedx-json or cyclonedx-xml") String inputFormat,
        @Schema(description = "The assessment this one re-ran, if any") UUID rerunOf,
        AssessmentResult result) {
}
