package eu.sovereignstack.assessment.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * An assessment without its large documents (inventory, source, catalog facts) and without its
 * item rows: who made it when, how, its result without items, and how many items it has.
 */
public record AssessmentHead(UUID id, String name, String createdBy, Instant createdAt, String profileId, String inputFormat,
        UUID rerunOf, String rerunChanges, String result, int itemCount) {
}
