package eu.sovereignstack.assessment.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.sovereignstack.assessment.domain.Limits;
import eu.sovereignstack.assessment.engine.model.AssessmentResult;
import eu.sovereignstack.assessment.engine.model.AssessmentResult.OrganisationResult;
import eu.sovereignstack.assessment.engine.model.AssessmentResult.PolicyGate;
import eu.sovereignstack.assessment.service.StoredAssessment;

/** An assessment without its per-item body: what a dashboard shows of it. */
@Schema(name = "AssessmentSummaryView")
public record AssessmentOverview(
        @Schema(implementation = String.class, format = "uuid", maxLength = Limits.UUID) UUID id,
        @Schema(maxLength = Limits.NAME, pattern = Limits.SINGLE_LINE) String name,
        @Schema(description = "The user who created it", maxLength = Limits.USER) String createdBy,
        @Schema(implementation = String.class, format = "date-time", maxLength = Limits.DATE_TIME) Instant createdAt,
        @Schema(description = "Scoring profile id", maxLength = Limits.PROFILE) String profile,
        @Schema(description = "The version of the rules and weights it was computed with", maxLength = Limits.RULES_VERSION,
                pattern = "^[0-9a-f]{12}$")
        String rulesVersion,
        OrganisationResult organisation,
        PolicyGate policy,
        @Schema(description = "Item results (listAssessmentItems pages through them)", minimum = "0", maximum = "" + Limits.ITEMS)
        int items,
        @Schema(description = "Migration waves", minimum = "0", maximum = "" + Limits.ITEMS) int waves,
        @Schema(description = "Licence conflicts and obligations of the target stack", minimum = "0",
                maximum = "" + Limits.LICENCE_ISSUES)
        int licenceIssues) {

    /** The overview of a stored assessment whose result need not hold its items: they are {@code items}. */
    static AssessmentOverview of(StoredAssessment assessment, int items) {
        AssessmentResult result = assessment.result();
        return new AssessmentOverview(assessment.id(), assessment.name(), assessment.createdBy(), assessment.createdAt(),
                assessment.profile(), result.rulesVersion(), result.organisation(), result.policy(), items,
                result.waves().size(), result.licenceIssues().size());
    }
}
