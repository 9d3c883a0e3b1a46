package eu.sovereignstack.assessment.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Map;

import org.junit.jupiter.api.Test;

import eu.sovereignstack.assessment.domain.Criticality;
import eu.sovereignstack.assessment.domain.DataClassification;
import eu.sovereignstack.catalog.contract.DeploymentModel;
import eu.sovereignstack.catalog.contract.Energy;
import eu.sovereignstack.catalog.contract.KeyCustody;
import eu.sovereignstack.assessment.domain.Limits;
import eu.sovereignstack.assessment.engine.model.Effort;
import eu.sovereignstack.assessment.engine.model.Finding;
import eu.sovereignstack.assessment.engine.model.ItemFacts;
import eu.sovereignstack.assessment.engine.model.ItemScore;
import eu.sovereignstack.assessment.engine.model.ScoringProfile;
import eu.sovereignstack.assessment.engine.model.SovereigntyObjective;
import eu.sovereignstack.assessment.engine.rules.RankingWeight;
import eu.sovereignstack.assessment.engine.rules.SovereigntyRule;
import eu.sovereignstack.assessment.engine.rules.UnknownFact;
import eu.sovereignstack.common.licence.LicenceFamily;

/** The bounds the OpenAPI document states for an assessment's result hold for what the code produces. */
class ResultLimitsTest {

    @Test
    void countsFollowTheCode() {
        assertEquals(SovereigntyObjective.values().length, Limits.OBJECTIVES);
        assertEquals(RankingWeight.SHOWN, Limits.ALTERNATIVES);
        assertEquals(Arrays.stream(Effort.values()).mapToInt(Effort::points).max().orElseThrow(), Limits.EFFORT_POINTS);
        assertTrue(UnknownFact.values().length <= Limits.UNKNOWNS);
        int caps = Arrays.stream(UnknownFact.values()).mapToInt(unknown -> unknown.caps().size()).sum();
        assertTrue(SovereigntyRule.values().length + caps <= Limits.FINDINGS, "a finding per rule and per capped objective");
    }

    @Test
    void codesAndPhrasesFitTheirLimits() {
        List<String> codes = new ArrayList<>();
        Arrays.stream(SovereigntyRule.values()).map(SovereigntyRule::code).forEach(codes::add);
        Arrays.stream(UnknownFact.values()).map(UnknownFact::code).forEach(codes::add);
        for (String code : codes) {
            assertTrue(code.length() <= Limits.FINDING_CODE && code.matches(Limits.FINDING_CODE_PATTERN), code);
        }
        for (UnknownFact unknown : UnknownFact.values()) {
            assertTrue(unknown.what().length() <= Limits.UNKNOWN, unknown.what());
        }
    }

    /**
     * Every rule and every unknown fact fires for one of these items, each named as long as an
     * inventory allows and with the longest country, date and score the messages quote.
     */
    @Test
    void findingMessagesFitTheirLimit() {
        List<ItemFacts> items = new ArrayList<>();
        for (String governance : List.of("FOUNDATION", "COMMUNITY", "SINGLE_VENDOR", "PROPRIETARY_VENDOR")) {
            for (boolean euSteward : List.of(true, false)) {
                for (DeploymentModel deployment : DeploymentModel.values()) {
                    for (boolean euOperator : List.of(true, false)) {
                        for (boolean euData : List.of(true, false)) {
                            for (boolean open : List.of(true, false)) {
                                items.add(facts(true, open, governance, euSteward, deployment, euOperator, euData, List.of(), 0,
                                        List.of(), LocalDate.MIN, 1.0, true));
                            }
                        }
                    }
                }
            }
        }
        // One unknown fact at a time, on an item that is otherwise sovereign.
        List<String> known = List.of("S3");
        LocalDate released = LocalDate.now();
        DeploymentModel saas = DeploymentModel.SAAS;
        items.add(facts(false, true, "FOUNDATION", true, saas, true, true, known, 3, known, released, 8.0, true));
        items.add(facts(true, null, "FOUNDATION", true, saas, true, true, known, 3, known, released, 8.0, true));
        items.add(facts(true, true, null, true, saas, true, true, known, 3, known, released, 8.0, true));
        items.add(facts(true, true, "FOUNDATION", null, saas, true, true, known, 3, known, released, 8.0, true));
        items.add(facts(true, true, "FOUNDATION", true, saas, null, true, known, 3, known, released, 8.0, true));
        items.add(facts(true, true, "FOUNDATION", true, saas, true, null, known, 3, known, released, 8.0, true));
        items.add(facts(true, true, "FOUNDATION", true, saas, true, true, null, 3, known, released, 8.0, true));
        items.add(facts(true, true, "FOUNDATION", true, saas, true, true, known, null, known, released, 8.0, true));
        items.add(facts(true, true, "FOUNDATION", true, saas, true, true, known, 3, null, released, 8.0, true));
        items.add(facts(true, true, "FOUNDATION", true, saas, true, true, known, 3, known, null, 8.0, true));
        items.add(facts(true, true, "FOUNDATION", true, saas, true, true, known, 3, known, released, 8.0, false));
        // The key, contributor and energy facts, each way they can cut.
        ItemFacts managed = facts(true, true, "FOUNDATION", true, DeploymentModel.MANAGED, true, true, known, 3, known, released,
                8.0, true);
        items.add(withFacts(managed, KeyCustody.PROVIDER_HELD, POOR_ENERGY, 1_000_000, 1.0));
        items.add(withFacts(managed, KeyCustody.CUSTOMER_MANAGED, new Energy(new BigDecimal("1.4"), new BigDecimal("0.7"), true),
                2, 0.1));
        items.add(withFacts(managed, null, null, null, null));

        // Packages the catalog does not know, from a public registry, with an open and with no stated licence.
        items.add(fromRegistry(facts(false, true, null, null, DeploymentModel.SELF_HOSTED, null, null, null, null, null, null, null,
                false)));
        items.add(fromRegistry(facts(false, null, null, null, DeploymentModel.SELF_HOSTED, null, null, null, null, null, null, null,
                false)));
        List<String> fired = new ArrayList<>();
        for (ItemFacts item : items) {
            ItemScore score = SovereigntyScorer.score(item, profile());
            assertTrue(score.findings().size() <= Limits.FINDINGS);
            for (Finding finding : score.findings()) {
                assertTrue(finding.message().length() <= Limits.SENTENCE, finding.message());
                fired.add(finding.code());
            }
        }
        Arrays.stream(SovereigntyRule.values()).forEach(rule -> assertTrue(fired.contains(rule.code()), rule.code()));
        Arrays.stream(UnknownFact.values()).forEach(unknown -> assertTrue(fired.contains(unknown.code()), unknown.code()));
    }

    private static ItemFacts facts(boolean known, Boolean open, String governance, Boolean euSteward, DeploymentModel deployment,
            Boolean euOperator, Boolean euData, List<String> standards, Integer euProviders, List<String> certifications,
            LocalDate latestRelease, Double scorecard, boolean environmentKnown) {
        LicenceFamily family = open == null ? null : open ? LicenceFamily.PERMISSIVE : LicenceFamily.PROPRIETARY;
        return new ItemFacts(known, "n".repeat(Limits.NAME), family, open, governance, "US", euSteward, deployment, "US",
                euOperator, euData, standards, euProviders, certifications, latestRelease, scorecard,
                environmentKnown ? POOR_ENERGY : null, DataClassification.SECRET, Criticality.CRITICAL, LocalDate.now());
    }

    private static final Energy POOR_ENERGY = new Energy(new BigDecimal("4.99"), new BigDecimal("0.01"), null);

    private static ItemFacts withFacts(ItemFacts f, KeyCustody keys, Energy energy, Integer contributors, Double share) {
        String longName = "n".repeat(Limits.NAME);
        return new ItemFacts(f.known(), f.name(), f.licenceFamily(), f.openSource(), f.governance(), f.stewardCountry(),
                f.stewardEu(), f.deployment(), f.operatorCountry(), f.operatorEu(), f.dataInEu(), f.standards(), f.euProviders(),
                f.certifications(), f.latestRelease(), f.scorecard(), f.dataClassification(), f.criticality(), f.asOf(),
                longName, "US", longName, "US", keys, true, energy, contributors, share, Map.of());
    }

    /** The facts as of a package from the public registry with the longest name. */
    private static ItemFacts fromRegistry(ItemFacts f) {
        return new ItemFacts(f.known(), f.name(), f.licenceFamily(), f.openSource(), f.governance(), f.stewardCountry(),
                f.stewardEu(), f.deployment(), f.operatorCountry(), f.operatorEu(), f.dataInEu(), f.standards(), f.euProviders(),
                f.certifications(), f.latestRelease(), f.scorecard(), f.dataClassification(), f.criticality(), f.asOf(),
                null, null, null, null, null, null, f.energy(), null, null, Map.of(), "a Linux distribution's archive");
    }

    private static ScoringProfile profile() {
        Map<SovereigntyObjective, Integer> weights = new EnumMap<>(SovereigntyObjective.class);
        int[] percent = {15, 10, 10, 15, 20, 15, 10, 5};
        for (SovereigntyObjective objective : SovereigntyObjective.values()) {
            weights.put(objective, percent[objective.ordinal()]);
        }
        return new ScoringProfile("eu-csf-1.2.1", "CSF", "", "1.2.1", weights, true);
    }
}
