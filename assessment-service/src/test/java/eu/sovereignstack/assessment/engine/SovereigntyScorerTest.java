package eu.sovereignstack.assessment.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import eu.sovereignstack.assessment.domain.Criticality;
import eu.sovereignstack.assessment.domain.DataClassification;
import eu.sovereignstack.catalog.contract.DeploymentModel;
import eu.sovereignstack.assessment.engine.model.Finding;
import eu.sovereignstack.assessment.engine.model.ItemFacts;
import eu.sovereignstack.assessment.engine.model.ItemScore;
import eu.sovereignstack.assessment.engine.model.ScoringProfile;
import eu.sovereignstack.assessment.engine.model.Severity;
import eu.sovereignstack.assessment.engine.model.SovereigntyObjective;
import eu.sovereignstack.assessment.engine.rules.UnknownFact;
import eu.sovereignstack.common.licence.LicenceFamily;

class SovereigntyScorerTest {

    static final ScoringProfile CSF = new ScoringProfile("eu-csf-1.2.1", "CSF", "", "1.2.1", weights(15, 10, 10, 15, 20, 15, 10, 5), true);

    static Map<SovereigntyObjective, Integer> weights(int... percent) {
        Map<SovereigntyObjective, Integer> weights = new EnumMap<>(SovereigntyObjective.class);
        for (SovereigntyObjective objective : SovereigntyObjective.values()) {
            weights.put(objective, percent[objective.ordinal()]);
        }
        return weights;
    }

    /** An open, foundation-governed product from an EU steward, self-hosted, healthy: nothing to find. */
    static ItemFacts sovereign() {
        return new ItemFacts(true, "Good", LicenceFamily.PERMISSIVE, true, "FOUNDATION", "DE", true, DeploymentModel.SELF_HOSTED,
                null, null, null, List.of("OIDC", "SAML"), 3, List.of(), LocalDate.now().minusMonths(1), 8.0, false,
                DataClassification.INTERNAL, Criticality.MEDIUM, LocalDate.now());
    }

    /** A US proprietary SaaS storing data in the US. */
    static ItemFacts usSaas() {
        return new ItemFacts(true, "Cloud Suite", LicenceFamily.PROPRIETARY, false, "PROPRIETARY_VENDOR", "US", false,
                DeploymentModel.SAAS, "US", false, false, List.of("SMTP"), 0, List.of("ISO 27001"), null, null, false,
                DataClassification.CONFIDENTIAL, Criticality.CRITICAL, LocalDate.now());
    }

    static ItemFacts with(ItemFacts f, String field, Object value) {
        return new ItemFacts(f.known(), f.name(),
                field.equals("licenceFamily") ? (LicenceFamily) value : f.licenceFamily(),
                field.equals("openSource") ? (Boolean) value : f.openSource(),
                field.equals("governance") ? (String) value : f.governance(),
                field.equals("stewardCountry") ? (String) value : f.stewardCountry(),
                field.equals("stewardEu") ? (Boolean) value : f.stewardEu(),
                field.equals("deployment") ? (DeploymentModel) value : f.deployment(),
                field.equals("operatorCountry") ? (String) value : f.operatorCountry(),
                field.equals("operatorEu") ? (Boolean) value : f.operatorEu(),
                field.equals("dataInEu") ? (Boolean) value : f.dataInEu(),
                field.equals("standards") ? castList(value) : f.standards(),
                field.equals("euProviders") ? (Integer) value : f.euProviders(),
                field.equals("certifications") ? castList(value) : f.certifications(),
                field.equals("latestRelease") ? (LocalDate) value : f.latestRelease(),
                field.equals("scorecard") ? (Double) value : f.scorecard(),
                f.environmentKnown(),
                field.equals("dataClassification") ? (DataClassification) value : f.dataClassification(),
                f.criticality(), f.asOf());
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object value) {
        return (List<String>) value;
    }

    private static List<String> codes(ItemScore score) {
        return score.findings().stream().map(Finding::code).distinct().sorted().collect(Collectors.toList());
    }

    @Test
    void aSovereignSelfHostedProductScoresFull() {
        ItemScore score = SovereigntyScorer.score(sovereign(), CSF);
        assertEquals(100.0, score.score());
        assertEquals(4, score.seal());
        assertEquals(List.of(), score.findings());
        assertEquals(1.0, score.confidence());
    }

    @Test
    void aUsProprietarySaasIsCutOnEveryObjectiveWithReasons() {
        ItemScore score = SovereigntyScorer.score(usSaas(), CSF);
        assertEquals(Map.of(
                SovereigntyObjective.SOV_1, 0, SovereigntyObjective.SOV_2, 0, SovereigntyObjective.SOV_3, 0,
                SovereigntyObjective.SOV_4, 1, SovereigntyObjective.SOV_5, 0, SovereigntyObjective.SOV_6, 1,
                SovereigntyObjective.SOV_7, 2, SovereigntyObjective.SOV_8, 2), score.levels());
        assertEquals(0, score.seal());
        // 15 x 1/4 (SOV-4) + 15 x 1/4 (SOV-6) + 10 x 2/4 (SOV-7) + 5 x 2/4 (SOV-8)
        assertEquals(15.0, score.score());
        assertTrue(codes(score).containsAll(List.of("NON_EU_VENDOR_CONTROL", "NON_EU_JURISDICTION", "DATA_OUTSIDE_EU",
                "NON_EU_OPERATIONS", "NON_EU_SUPPLY_CHAIN", "PROPRIETARY_LICENCE", "NO_INDEPENDENT_PATCHING")), codes(score).toString());
        Finding jurisdiction = score.findings().stream().filter(f -> f.code().equals("NON_EU_JURISDICTION")).findFirst().orElseThrow();
        assertEquals(Severity.CRITICAL, jurisdiction.severity(), "confidential data escalates legal findings");
        assertEquals(SovereigntyObjective.SOV_2, jurisdiction.objective());
        assertTrue(jurisdiction.message().contains("US"));
        assertEquals(Severity.CRITICAL, score.findings().get(0).severity(), "most severe first");
    }

    @ParameterizedTest(name = "{0}={1} -> {2} capped at {3} ({4})")
    @CsvSource(delimiter = '|', value = {
            "governance     | SINGLE_VENDOR      | SOV-1 | 3 | SINGLE_VENDOR_GOVERNANCE",
            "governance     | PROPRIETARY_VENDOR | SOV-1 | 2 | PROPRIETARY_VENDOR_DEPENDENCY",
            "stewardEu      | false              | SOV-1 | 3 | NON_EU_STEWARD",
            "standards      | []                 | SOV-4 | 1 | NO_OPEN_STANDARD",
            "openSource     | false              | SOV-6 | 1 | PROPRIETARY_LICENCE",
            "latestRelease  | 2020-01-01         | SOV-7 | 1 | STALE_PROJECT",
            "scorecard      | 3.1                | SOV-7 | 2 | LOW_SCORECARD"})
    void eachRuleCapsItsObjective(String field, String value, String objective, int cap, String code) {
        Object typed = switch (field) {
            case "stewardEu", "openSource" -> Boolean.valueOf(value);
            case "standards" -> List.of();
            case "latestRelease" -> LocalDate.parse(value);
            case "scorecard" -> Double.valueOf(value);
            default -> value;
        };
        ItemScore score = SovereigntyScorer.score(with(sovereign(), field, typed), CSF);
        SovereigntyObjective target = SovereigntyObjective.byId(objective).orElseThrow();
        assertEquals(cap, score.levels().get(target));
        assertTrue(score.findings().stream().anyMatch(f -> f.code().equals(code) && f.objective() == target && f.cap() == cap),
                score.findings().toString());
    }

    @Test
    void operatorAndDataLocationMatterOnlyWhenSomeoneElseRunsIt() {
        ItemFacts euManaged = with(with(with(with(sovereign(), "deployment", DeploymentModel.MANAGED), "operatorCountry", "FR"),
                "operatorEu", true), "dataInEu", true);
        ItemScore managed = SovereigntyScorer.score(euManaged, CSF);
        assertEquals(3, managed.levels().get(SovereigntyObjective.SOV_3), "provider-held keys");
        assertEquals(2, managed.levels().get(SovereigntyObjective.SOV_8), "no environmental facts for an operated service");
        assertEquals(2, managed.levels().get(SovereigntyObjective.SOV_7), "no certification");
        assertTrue(managed.unknowns().contains(UnknownFact.ENVIRONMENT.what()));

        ItemScore foreign = SovereigntyScorer.score(with(with(euManaged, "operatorEu", false), "operatorCountry", "US"), CSF);
        assertEquals(0, foreign.levels().get(SovereigntyObjective.SOV_2));
        assertEquals(1, foreign.levels().get(SovereigntyObjective.SOV_3));
        assertTrue(codes(foreign).contains("FOREIGN_OPERATOR_DATA_ACCESS"));
    }

    @Test
    void unknownFactsAreScoredPessimisticallyAndLowerConfidence() {
        ItemFacts unknown = new ItemFacts(false, "libfoo", LicenceFamily.PERMISSIVE, true, null, null, null,
                DeploymentModel.SELF_HOSTED, null, null, null, null, null, null, null, null, false,
                DataClassification.INTERNAL, Criticality.LOW, LocalDate.now());
        ItemScore score = SovereigntyScorer.score(unknown, CSF);
        assertTrue(codes(score).containsAll(List.of("UNKNOWN_COMPONENT", "UNKNOWN_GOVERNANCE", "UNKNOWN_STEWARD",
                "UNKNOWN_STANDARDS")), codes(score).toString());
        assertEquals(1, score.levels().get(SovereigntyObjective.SOV_1));
        assertEquals(1, score.levels().get(SovereigntyObjective.SOV_5));
        assertEquals(4, score.levels().get(SovereigntyObjective.SOV_3), "self-hosted data stays home");
        assertTrue(score.score() < 60, "an unknown is never scored as good: " + score.score());
        assertTrue(score.confidence() < 0.5, "confidence " + score.confidence());
        assertTrue(score.unknowns().contains(UnknownFact.STEWARD.what()));

        ItemScore noLicence = SovereigntyScorer.score(with(unknown, "openSource", null), CSF);
        assertEquals(0, noLicence.levels().get(SovereigntyObjective.SOV_6));
        assertTrue(codes(noLicence).contains("UNKNOWN_LICENCE"));
    }

    @Test
    void weightsDecideTheScoreAndMustSumTo100() {
        ScoringProfile dataFirst = new ScoringProfile("data", "", "", "1.2.1", weights(10, 20, 20, 10, 15, 10, 12, 3), false);
        ItemFacts euSaasDataAbroad = with(with(with(with(sovereign(), "deployment", DeploymentModel.SAAS), "operatorCountry", "DE"),
                "operatorEu", true), "dataInEu", false);
        assertTrue(SovereigntyScorer.score(euSaasDataAbroad, dataFirst).score() < SovereigntyScorer.score(euSaasDataAbroad, CSF).score());
        assertThrows(IllegalArgumentException.class, () -> new ScoringProfile("bad", "", "", "1", weights(10, 10, 10, 10, 10, 10, 10, 10), false));
    }

    @Test
    void whetherAProjectIsStaleDependsOnTheDayTheFactsAreJudgedOn() {
        ItemFacts f = sovereign();
        LocalDate released = LocalDate.of(2024, 3, 1);
        ItemFacts aYearLater = new ItemFacts(f.known(), f.name(), f.licenceFamily(), f.openSource(), f.governance(), f.stewardCountry(),
                f.stewardEu(), f.deployment(), f.operatorCountry(), f.operatorEu(), f.dataInEu(), f.standards(), f.euProviders(),
                f.certifications(), released, f.scorecard(), f.environmentKnown(), f.dataClassification(), f.criticality(),
                released.plusMonths(12));
        ItemFacts twoYearsLater = new ItemFacts(f.known(), f.name(), f.licenceFamily(), f.openSource(), f.governance(),
                f.stewardCountry(), f.stewardEu(), f.deployment(), f.operatorCountry(), f.operatorEu(), f.dataInEu(), f.standards(),
                f.euProviders(), f.certifications(), released, f.scorecard(), f.environmentKnown(), f.dataClassification(),
                f.criticality(), released.plusMonths(24));

        assertTrue(!codes(SovereigntyScorer.score(aYearLater, CSF)).contains("STALE_PROJECT"));
        assertTrue(codes(SovereigntyScorer.score(twoYearsLater, CSF)).contains("STALE_PROJECT"));
    }
}
