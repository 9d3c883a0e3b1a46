package eu.sovereignstack.assessment.service;

import java.time.Instant;
import java.util.UUID;

import eu.sovereignstack.assessment.engine.model.AssessmentResult;
import eu.sovereignstack.assessment.engine.model.RerunChanges;

/**
 * An assessment as stored: who made it when, from what, what the engine found and, for a rerun,
 * how it differs from the assessment it re-ran.
 */
public record StoredAssessment(UUID id, String name, String createdBy, Instant createdAt, String profile, String inputFormat,
        UUID rerunOf, AssessmentResult result, RerunChanges rerunChanges) {
}
