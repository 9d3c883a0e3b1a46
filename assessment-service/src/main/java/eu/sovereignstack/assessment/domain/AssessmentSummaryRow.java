package eu.sovereignstack.assessment.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An assessment in a list: what identifies it and its headline figures, without its large documents. */
public record AssessmentSummaryRow(UUID id, String name, String createdBy, Instant createdAt, String profileId, String inputFormat,
        BigDecimal score, int seal, int itemCount, UUID rerunOf) {
}
