package eu.sovereignstack.assessment.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AssessmentSummary")
public record AssessmentSummary(UUID id, String name, String createdBy, Instant createdAt, String profile,
        String inputFormat, double score, int seal, int itemCount, UUID rerunOf) {
}
