package eu.sovereignstack.assessment.rest;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.sovereignstack.assessment.domain.Limits;
import eu.sovereignstack.assessment.engine.model.AssessmentResult;
import eu.sovereignstack.assessment.engine.model.AssessmentResult.PolicyGate;
import eu.sovereignstack.assessment.engine.model.LicenceIssue;
import eu.sovereignstack.assessment.engine.model.MigrationWave;
import eu.sovereignstack.assessment.service.StoredAssessment;

/** An assessment's migration plan without its per-item body: the waves, the licence issues and the policy gate. */
@Schema(name = "AssessmentPlan")
public record AssessmentPlan(
        @Schema(implementation = String.class, format = "uuid", maxLength = Limits.UUID) UUID id,
        @Schema(maxLength = Limits.NAME, pattern = Limits.SINGLE_LINE) String name,
        @Schema(description = "Waves in dependency order; every wave holds at least one item", maxItems = Limits.ITEMS)
        List<MigrationWave> waves,
        @Schema(description = "Licence conflicts and obligations of the target stack", maxItems = Limits.LICENCE_ISSUES)
        List<LicenceIssue> licenceIssues,
        @Schema(description = "The policy gate, when the assessment asked for one")
        PolicyGate policy) {

    static AssessmentPlan of(StoredAssessment assessment) {
        AssessmentResult result = assessment.result();
        return new AssessmentPlan(assessment.id(), assessment.name(), result.waves(), result.licenceIssues(), result.policy());
    }
}
