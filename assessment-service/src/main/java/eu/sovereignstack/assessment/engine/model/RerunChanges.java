package eu.sovereignstack.assessment.engine.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.sovereignstack.assessment.domain.Limits;

/**
 * How a rerun differs from the assessment it re-ran, split by cause. The first assessment's
 * inventory and catalog facts are assessed again, on the day it judged its facts on, with the
 * rules of the rerun: what that changes is the rules' doing; what remains between that and the rerun is
 * the facts' (the catalog's answer today, and a later day to judge release ages on).
 */
@Schema(name = "RerunChanges")
public record RerunChanges(
        @Schema(description = "The rules version of the first assessment; absent when it was computed before versions were "
                + "recorded", maxLength = Limits.RULES_VERSION, pattern = "^[0-9a-f]{12}$")
        String rulesVersionBefore,
        @Schema(description = "The rules version of the rerun", maxLength = Limits.RULES_VERSION, pattern = "^[0-9a-f]{12}$")
        String rulesVersionAfter,
        @Schema(description = "What the rules change: the first assessment as it was computed, against its own inventory and "
                + "facts computed with the rerun's rules; empty when the rules are the same")
        Comparison fromRules,
        @Schema(description = "What the facts change: the first assessment's facts under the rerun's rules, against the rerun")
        Comparison fromFacts) {
}
