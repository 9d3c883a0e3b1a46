package eu.sovereignstack.assessment.engine.model;

import static eu.sovereignstack.assessment.domain.Limits.ITEMS;
import static eu.sovereignstack.assessment.domain.Limits.OBJECTIVES;
import static eu.sovereignstack.assessment.domain.Limits.SINGLE_LINE;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.sovereignstack.assessment.domain.Criticality;
import eu.sovereignstack.assessment.domain.DataClassification;
import eu.sovereignstack.assessment.domain.Deployment;
import eu.sovereignstack.assessment.domain.Limits;
import eu.sovereignstack.assessment.domain.Usage;
import eu.sovereignstack.catalog.contract.CatalogLimits;
import eu.sovereignstack.catalog.contract.EntryOrigin;

/**
 * Everything an assessment found and planned; stored as it was computed. Its sizes follow from
 * the inventory's {@link Limits}: one result per item, at most {@link Limits#ITEMS}.
 */
@Schema(name = "AssessmentResult")
public record AssessmentResult(
        @Schema(description = "Scoring profile id", maxLength = Limits.PROFILE) String profile,
        @Schema(description = "The version of the rules and weights it was computed with (see the scoring profile's version); "
                + "absent for results computed before versions were recorded", maxLength = Limits.RULES_VERSION,
                pattern = "^[0-9a-f]{12}$")
        String rulesVersion,
        @Schema(description = "The day its facts were judged on (how old a release is); absent for results computed before it "
                + "was recorded", implementation = String.class, format = "date", maxLength = Limits.DATE)
        LocalDate judgedOn,
        @Schema(description = "Percent per objective, summing to 100")
        Map<SovereigntyObjective, @Min(0) @Max(Limits.WEIGHT) Integer> weights,
        @Schema(description = "Items scoring below this get a migration plan") double threshold,
        OrganisationResult organisation,
        @Schema(maxItems = ITEMS) List<ItemResult> items,
        @Schema(description = "Waves in order; every wave holds at least one item", maxItems = ITEMS) List<MigrationWave> waves,
        @Schema(description = "Licence conflicts and obligations of the target stack", maxItems = Limits.LICENCE_ISSUES)
        List<LicenceIssue> licenceIssues,
        PolicyGate policy) {

    /** The same result with these items. */
    public AssessmentResult withItems(List<ItemResult> items) {
        return new AssessmentResult(profile, rulesVersion, judgedOn, weights, threshold, organisation, items, waves, licenceIssues,
                policy);
    }

    @Schema(name = "OrganisationResult")
    public record OrganisationResult(
            @Schema(maxLength = Limits.NAME, pattern = SINGLE_LINE) String name,
            @Schema(maxLength = Limits.SECTOR, pattern = SINGLE_LINE) String sector,
            @Schema(description = "Criticality-weighted mean of the scores of the applications and services, each with its "
                    + "libraries, 0-100") double score,
            @Schema(description = "Weakest objective level over all items", minimum = "0", maximum = "" + SealLevel.MAX) int seal,
            @Schema(description = "Per objective: the weakest application's or service's level, each with its libraries")
            Map<SovereigntyObjective, @Min(0) @Max(SealLevel.MAX) Integer> levels,
            @Schema(description = "Criticality-weighted share of known facts, 0-1") double confidence,
            @Schema(minimum = "1", maximum = "" + ITEMS) int itemCount,
            @Schema(minimum = "0", maximum = "" + ITEMS) int unknownItems,
            @Schema(description = "Of the items, the libraries: they count in the applications and services that depend on "
                    + "them (or, in an SBOM, in the application it describes), not on their own", minimum = "0",
                    maximum = "" + ITEMS)
            int libraries,
            @Schema(description = "The score once the plan is done") double projectedScore,
            @Schema(minimum = "0", maximum = "" + SealLevel.MAX) int projectedSeal,
            Map<SovereigntyObjective, @Min(0) @Max(SealLevel.MAX) Integer> projectedLevels) {
    }

    @Schema(name = "ItemResult")
    public record ItemResult(
            @Schema(maxLength = Limits.ID, pattern = SINGLE_LINE) String id,
            @Schema(maxLength = Limits.NAME, pattern = SINGLE_LINE) String name,
            @Schema(description = "Matched catalog slug; absent when unknown", maxLength = CatalogLimits.SLUG,
                    pattern = CatalogLimits.SLUG_PATTERN)
            String product,
            @Schema(description = "How the item was recognised", enumeration = {"SLUG", "PURL", "NAME", "NONE"}) String matchedBy,
            Deployment deployment,
            Criticality criticality,
            DataClassification dataClassification,
            Usage usage,
            @Schema(description = "SPDX expression: the catalog's, else the inventory's", maxLength = Limits.LICENCE) String licence,
            @Schema(maxItems = Limits.DEPENDS_ON) List<@Size(max = Limits.ID) String> dependsOn,
            ItemScore assessment,
            ItemPlan plan,
            @Schema(description = "A library: it counts in the items of partOf (or, when none is named, in the application "
                    + "the SBOM describes)") boolean library,
            @Schema(description = "The applications and services that depend on this library, directly or through other "
                    + "libraries", maxItems = ITEMS)
            List<@Size(max = Limits.ID) String> partOf,
            @Schema(description = "For an application or service: the libraries it depends on, as they count in it; absent "
                    + "when it has none")
            LibraryRollUp libraries,
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "Whose facts about the product the item was assessed on: the catalog node and federation member "
                    + "that assert them. When several members assert facts about the product, the assessing organisation's own "
                    + "member's are used, else the most recent (factsAsOf), else the catalog's entry; absent for unknown items")
            EntryOrigin factsFrom) {

        public ItemResult {
            partOf = partOf == null ? List.of() : partOf;
        }

        /** The same item, with the items it is part of (a library) or its libraries rolled up (anything else). */
        public ItemResult withLibraries(List<String> partOf, LibraryRollUp libraries) {
            return new ItemResult(id, name, product, matchedBy, deployment, criticality, dataClassification, usage, licence, dependsOn,
                    assessment, plan, library, partOf, libraries, factsFrom);
        }

        /**
         * What the steps over all items read of this one: its levels, scores and the caps of its
         * findings, its plan's disposition and chosen option; without the texts that explain them
         * (messages, facts, reasons) and the options not chosen.
         */
        public ItemResult digest() {
            ItemScore score = new ItemScore(assessment.levels(), assessment.seal(), assessment.score(), assessment.confidence(),
                    assessment.findings().stream()
                            .map(f -> new Finding(f.code(), f.severity(), f.objective(), f.cap(), null, List.of(), f.caps()))
                            .toList(),
                    List.of());
            AlternativeOption chosen = plan.chosen() == null ? null : plan.chosen().withoutReasons();
            return new ItemResult(id, name, product, matchedBy, deployment, criticality, dataClassification, usage, licence, dependsOn,
                    score, new ItemPlan(plan.disposition(), plan.effort(), plan.effortPoints(), List.of(), List.of(), chosen), library,
                    partOf, libraries, factsFrom);
        }
    }

    /**
     * What an application's or service's libraries add to it: the weakest level their rules give
     * on each objective (what the catalog or the SBOM states; a library's unknown facts lower the
     * confidence only, they do not cap the application) and the mean confidence of their facts.
     */
    @Schema(name = "LibraryRollUp")
    public record LibraryRollUp(
            @Schema(minimum = "1", maximum = "" + ITEMS) int count,
            @Schema(description = "Of them, those the catalog does not know", minimum = "0", maximum = "" + ITEMS) int unknown,
            @Schema(description = "Per objective: the weakest level the libraries' findings give")
            Map<SovereigntyObjective, @Min(0) @Max(SealLevel.MAX) Integer> levels,
            @Schema(description = "Mean share of the libraries' facts that are known, 0-1") double confidence) {
    }

    @Schema(name = "PolicyGate")
    public record PolicyGate(
            @Schema(description = "Minimum SEAL level per objective, as asked")
            Map<SovereigntyObjective, @Min(0) @Max(SealLevel.MAX) Integer> minimumSeal,
            boolean passed,
            @Schema(description = "Objectives on which the organisation misses its minimum", maxItems = OBJECTIVES)
            List<PolicyMiss> organisationMisses,
            @Schema(maxItems = ITEMS) List<ItemMisses> items) {
    }

    @Schema(name = "PolicyMiss")
    public record PolicyMiss(
            SovereigntyObjective objective,
            @Schema(minimum = "0", maximum = "" + SealLevel.MAX) int level,
            @Schema(minimum = "0", maximum = "" + SealLevel.MAX) int minimum) {
    }

    @Schema(name = "ItemPolicyMisses")
    public record ItemMisses(
            @Schema(maxLength = Limits.ID, pattern = SINGLE_LINE) String id,
            @Schema(maxLength = Limits.NAME, pattern = SINGLE_LINE) String name,
            @Schema(maxItems = OBJECTIVES) List<PolicyMiss> misses,
            @Schema(description = "The best-ranked alternatives whose levels after the switch meet every minimum, searched among all "
                    + "candidates, not only those the plan shows", maxItems = Limits.ALTERNATIVES)
            List<@Size(max = CatalogLimits.SLUG) @Pattern(regexp = CatalogLimits.SLUG_PATTERN) String> alternativesMeeting) {
    }
}
