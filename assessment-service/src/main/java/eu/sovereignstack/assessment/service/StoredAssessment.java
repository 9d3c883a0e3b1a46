package eu.sovereignstack.assessment.service;

import java.time.Instant;
import java.util.UUID;

import eu.sovereignstack.assessment.engine.model.AssessmentResult;

/** An assessment as stored: who made it when, from what, and what the engine found. */
public record StoredAssessment(UUID id, String name, String createdBy, Instant createdAt, String profile, String inputFormat,
        UUID rerunOf, AssessmentResult result) {
}
