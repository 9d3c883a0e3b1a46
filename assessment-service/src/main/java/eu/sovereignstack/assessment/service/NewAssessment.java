package eu.sovereignstack.assessment.service;

import java.util.UUID;

import eu.sovereignstack.assessment.domain.Inventory;
import eu.sovereignstack.assessment.engine.model.Policy;

/**
 * What to assess and how: the inventory (already parsed), the chosen profile (null: the
 * default), the plan threshold (null: {@value eu.sovereignstack.assessment.engine.rules.DispositionRule#DEFAULT_THRESHOLD}), the
 * policy gate, the format it came in and, for files, the body as received.
 */
public record NewAssessment(String name, Inventory inventory, String profile, Double threshold, Policy policy,
        String inputFormat, String source, UUID rerunOf, IdempotencyKey idempotencyKey) {
}
