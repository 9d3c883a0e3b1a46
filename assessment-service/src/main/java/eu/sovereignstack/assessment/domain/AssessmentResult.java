package eu.sovereignstack.assessment.domain;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.sovereignstack.assessment.licence.LicenceIssue;
import eu.sovereignstack.assessment.plan.ItemPlan;
import eu.sovereignstack.assessment.plan.MigrationWave;
import eu.sovereignstack.assessment.scoring.ItemScore;
import eu.sovereignstack.assessment.scoring.SovereigntyObjective;

/** Everything an assessment found and planned; stored as it was computed. */
@Schema(name = "AssessmentResult")
public record AssessmentResult(
        @Schema(description = "Scoring profile id") String profile,
        Map<SovereigntyObjective, Integer> weights,
        @Schema(description = "Items scoring below this get a migration plan") double threshold,
        OrganisationResult organisation,
        List<ItemResult> items,
        List<MigrationWave> waves,
        @Schema(description = "Licence conflicts and obligations of the target stack") List<LicenceIssue> licenceIssues,
        PolicyGate policy) {

    @Schema(name = "OrganisationResult")
    public record OrganisationResult(
            String name,
            String sector,
            @Schema(description = "Criticality-weighted mean of the item scores, 0-100") double score,
            @Schema(description = "Weakest objective level over all items") int seal,
            @Schema(description = "Per objective: the weakest item's level") Map<SovereigntyObjective, Integer> levels,
            @Schema(description = "Criticality-weighted share of known facts, 0-1") double confidence,
            int itemCount,
            int unknownItems,
            @Schema(description = "The score once the plan is done") double projectedScore,
            int projectedSeal,
            Map<SovereigntyObjective, Integer> projectedLevels) {
    }

    @Schema(name = "ItemResult")
    public record ItemResult(
            String id,
            String name,
            @Schema(description = "Matched catalog slug; absent when unknown") String product,
            @Schema(description = "SLUG, PURL, NAME or NONE") String matchedBy,
            Deployment deployment,
            Criticality criticality,
            DataClassification dataClassification,
            Usage usage,
            String licence,
            List<String> dependsOn,
            ItemScore assessment,
            ItemPlan plan) {
    }

    @Schema(name = "PolicyGate")
    public record PolicyGate(
            Map<SovereigntyObjective, Integer> minimumSeal,
            boolean passed,
            @Schema(description = "Objectives on which the organisation misses its minimum") List<PolicyMiss> organisationMisses,
            List<ItemMisses> items) {
    }

    @Schema(name = "PolicyMiss")
    public record PolicyMiss(SovereigntyObjective objective, int level, int minimum) {
    }

    @Schema(name = "ItemPolicyMisses")
    public record ItemMisses(String id, String name, List<PolicyMiss> misses,
            @Schema(description = "Alternatives whose levels after the switch meet every minimum") List<String> alternativesMeeting) {
    }
}
