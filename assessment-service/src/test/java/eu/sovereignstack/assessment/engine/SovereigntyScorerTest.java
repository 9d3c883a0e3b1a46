package eu.sovereignstack.assessment.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
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
import eu.sovereignstack.catalog.contract.Energy;
import eu.sovereignstack.catalog.contract.Evidence;
import eu.sovereignstack.catalog.contract.EvidenceMethod;
import eu.sovereignstack.catalog.contract.KeyCustody;
import eu.sovereignstack.assessment.engine.model.Finding;
import eu.sovereignstack.assessment.engine.model.FindingFact;
import eu.sovereignstack.assessment.engine.model.ItemFacts;
import eu.sovereignstack.assessment.engine.model.ItemScore;
import eu.sovereignstack.assessment.engine.model.ScoringProfile;
import eu.sovereignstack.assessment.engine.model.Severity;
import eu.sovereignstack.assessment.engine.model.SovereigntyObjective;
import eu.sovereignstack.assessment.engine.rules.UnknownFact;
import eu.sovereignstack.common.jurisdiction.Jurisdiction;
import eu.sovereignstack.common.licence.LicenceFamily;

class SovereigntyScorerTest {

    /** An efficient data centre on renewable power, in the Climate Neutral Data Centre Pact. */
    static final Energy GREEN = new Energy(new BigDecimal("1.15"), BigDecimal.ONE, true);

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
                null, null, null, List.of("OIDC", "SAML"), 3, List.of(), LocalDate.now().minusMonths(1), 8.0, GREEN,
                DataClassification.INTERNAL, Criticality.MEDIUM, LocalDate.now());
    }

    /** A US proprietary SaaS storing data in the US. */
    static ItemFacts usSaas() {
        return new ItemFacts(true, "Cloud Suite", LicenceFamily.PROPRIETARY, false, "PROPRIETARY_VENDOR", "US", false,
                DeploymentModel.SAAS, "US", false, false, List.of("SMTP"), 0, List.of("ISO 27001"), null, null, null,
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
                field.equals("energy") ? (Energy) value : f.energy(),
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
        assertTrue(score.findings().stream().anyMatch(f -> f.code().equals(code)
                        && f.caps().contains(new Finding.ObjectiveCap(target, cap))), score.findings().toString());
    }

    @Test
    void operatorAndDataLocationMatterOnlyWhenSomeoneElseRunsIt() {
        ItemFacts euManaged = with(with(with(with(with(sovereign(), "deployment", DeploymentModel.MANAGED), "operatorCountry", "FR"),
                "operatorEu", true), "dataInEu", true), "energy", null);
        ItemScore managed = SovereigntyScorer.score(euManaged, CSF);
        assertEquals(3, managed.levels().get(SovereigntyObjective.SOV_3), "who holds the keys is unknown");
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
                DeploymentModel.SELF_HOSTED, null, null, null, null, null, null, null, null, null,
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
                f.certifications(), released, f.scorecard(), f.energy(), f.dataClassification(), f.criticality(),
                released.plusMonths(12));
        ItemFacts twoYearsLater = new ItemFacts(f.known(), f.name(), f.licenceFamily(), f.openSource(), f.governance(),
                f.stewardCountry(), f.stewardEu(), f.deployment(), f.operatorCountry(), f.operatorEu(), f.dataInEu(), f.standards(),
                f.euProviders(), f.certifications(), released, f.scorecard(), f.energy(), f.dataClassification(),
                f.criticality(), released.plusMonths(24));

        assertTrue(!codes(SovereigntyScorer.score(aYearLater, CSF)).contains("STALE_PROJECT"));
        assertTrue(codes(SovereigntyScorer.score(twoYearsLater, CSF)).contains("STALE_PROJECT"));
    }

    // ---- second-edition facts: ownership, keys, contributors, energy ---------------------------------

    /** The sovereign product, run by an EU provider, with the given key, energy, health and ownership facts. */
    private static ItemFacts managed(String operatorParentCountry, KeyCustody keys, Boolean hsm, Energy energy,
            Integer contributors, Double share) {
        ItemFacts f = sovereign();
        boolean operatorEu = operatorParentCountry == null || Jurisdiction.isEuEea(operatorParentCountry);
        return new ItemFacts(f.known(), f.name(), f.licenceFamily(), f.openSource(), f.governance(), f.stewardCountry(),
                f.stewardEu(), DeploymentModel.MANAGED, "DE", operatorEu, true, f.standards(), f.euProviders(),
                List.of("ISO 27001"), f.latestRelease(), f.scorecard(), f.dataClassification(), f.criticality(), f.asOf(),
                null, null, operatorParentCountry == null ? null : "Parent Corp.", operatorParentCountry, keys, hsm, energy,
                contributors, share, Map.of());
    }

    @Test
    void keyCustodyDecidesSov3OnlyWhenItIsAFact() {
        assertEquals(List.of("PROVIDER_HELD_KEYS"), codes(SovereigntyScorer.score(managed(null, KeyCustody.PROVIDER_HELD, null,
                GREEN, 50, 0.3), CSF)));
        assertEquals(2, SovereigntyScorer.score(managed(null, KeyCustody.PROVIDER_HELD, null, GREEN, 50, 0.3), CSF)
                .levels().get(SovereigntyObjective.SOV_3));
        ItemScore customerManaged = SovereigntyScorer.score(managed(null, KeyCustody.CUSTOMER_MANAGED, true, GREEN, 50, 0.3), CSF);
        assertEquals(List.of("CUSTOMER_KEYS_AT_PROVIDER"), codes(customerManaged));
        assertTrue(customerManaged.findings().get(0).message().contains("HSM"));
        assertEquals(List.of(), codes(SovereigntyScorer.score(managed(null, KeyCustody.CUSTOMER_HELD, null, GREEN, 50, 0.3), CSF)));
        ItemScore unknown = SovereigntyScorer.score(managed(null, null, null, GREEN, 50, 0.3), CSF);
        assertEquals(List.of("UNKNOWN_KEY_CUSTODY"), codes(unknown));
        assertEquals(3, unknown.levels().get(SovereigntyObjective.SOV_3));
        assertEquals(List.of(), codes(SovereigntyScorer.score(sovereign(), CSF)), "self-hosted: keys are the organisation's");
    }

    @Test
    void anEuOperatorControlledFromOutsideTheEuAnswersToThatLaw() {
        ItemScore score = SovereigntyScorer.score(managed("US", KeyCustody.CUSTOMER_HELD, null, GREEN, 50, 0.3), CSF);
        assertEquals(0, score.levels().get(SovereigntyObjective.SOV_2));
        Finding jurisdiction = score.findings().stream().filter(f -> f.code().equals("NON_EU_JURISDICTION")).findFirst().orElseThrow();
        assertTrue(jurisdiction.message().contains("DE, controlled from US by Parent Corp."), jurisdiction.message());
        assertEquals(List.of(), codes(SovereigntyScorer.score(managed("FR", KeyCustody.CUSTOMER_HELD, null, GREEN, 50, 0.3), CSF)));
    }

    @ParameterizedTest
    @CsvSource({
            "1.15, 1.0, true, '', 4",
            "1.4, 1.0, true, AVERAGE_DATA_CENTRE, 3",
            "1.6, 1.0, true, INEFFICIENT_DATA_CENTRE, 2",
            "1.15, 0.7, true, PARTLY_RENEWABLE_ENERGY, 3",
            "1.15, 0.3, true, MOSTLY_FOSSIL_ENERGY, 2",
            "1.15, 1.0, false, NO_DATA_CENTRE_PACT, 3",
    })
    void sov8FollowsTheOperatorsEnergyFacts(String pue, String renewable, boolean pact, String code, int level) {
        Energy energy = new Energy(new BigDecimal(pue), new BigDecimal(renewable), pact ? Boolean.TRUE : null);
        ItemScore score = SovereigntyScorer.score(managed(null, KeyCustody.CUSTOMER_HELD, null, energy, 50, 0.3), CSF);
        assertEquals(code.isEmpty() ? List.of() : List.of(code), codes(score));
        assertEquals(level, score.levels().get(SovereigntyObjective.SOV_8));
    }

    @Test
    void unknownEnergyCapsSov8ForSelfHostedItemsToo() {
        ItemScore partial = SovereigntyScorer.score(managed(null, KeyCustody.CUSTOMER_HELD, null,
                new Energy(new BigDecimal("1.1"), null, true), 50, 0.3), CSF);
        assertEquals(List.of("UNKNOWN_ENVIRONMENTAL_FACTS"), codes(partial));
        ItemScore selfHosted = SovereigntyScorer.score(with(sovereign(), "energy", null), CSF);
        assertEquals(List.of("UNKNOWN_ENVIRONMENTAL_FACTS"), codes(selfHosted));
        assertEquals(2, selfHosted.levels().get(SovereigntyObjective.SOV_8));
    }

    @Test
    void sov7FollowsContributorFacts() {
        assertEquals(List.of("FEW_CONTRIBUTORS"), codes(SovereigntyScorer.score(managed(null, KeyCustody.CUSTOMER_HELD, null,
                GREEN, 4, 0.3), CSF)));
        assertEquals(List.of("CONCENTRATED_CONTRIBUTIONS"), codes(SovereigntyScorer.score(managed(null, KeyCustody.CUSTOMER_HELD,
                null, GREEN, 5, 0.75), CSF)));
        assertEquals(List.of(), codes(SovereigntyScorer.score(managed(null, KeyCustody.CUSTOMER_HELD, null, GREEN, 5, 0.74), CSF)));
    }

    @Test
    void unknownStandardsAreAnUnknownNotALockIn() {
        ItemScore unknown = SovereigntyScorer.score(with(sovereign(), "standards", null), CSF);
        assertEquals(List.of("UNKNOWN_STANDARDS"), codes(unknown));
        assertTrue(unknown.confidence() < 1.0);
        ItemScore none = SovereigntyScorer.score(with(sovereign(), "standards", List.of()), CSF);
        assertEquals(List.of("NO_OPEN_STANDARD"), codes(none));
        assertTrue(none.levels().get(SovereigntyObjective.SOV_4) < unknown.levels().get(SovereigntyObjective.SOV_4));
    }

    @Test
    void proprietaryProductsNeedNoProjectHealth() {
        ItemScore score = SovereigntyScorer.score(usSaas(), CSF);
        assertTrue(!codes(score).contains("UNKNOWN_PROJECT_HEALTH"), codes(score).toString());
    }

    @Test
    void findingsNameTheFactsTheyRestOn() {
        ItemFacts f = managed(null, KeyCustody.PROVIDER_HELD, null, GREEN, 50, 0.3);
        FindingFact keys = FindingFact.of("keyCustody", "offering X", "PROVIDER_HELD", new Evidence("https://example.org/kms",
                LocalDate.of(2026, 11, 30), EvidenceMethod.CURATED, "Sovereign Stack seed", null));
        ItemFacts sourced = new ItemFacts(f.known(), f.name(), f.licenceFamily(), f.openSource(), f.governance(), f.stewardCountry(),
                f.stewardEu(), f.deployment(), f.operatorCountry(), f.operatorEu(), f.dataInEu(), f.standards(), f.euProviders(),
                f.certifications(), f.latestRelease(), f.scorecard(), f.dataClassification(), f.criticality(), f.asOf(),
                null, null, null, null, f.keyCustody(), null, f.energy(), f.contributors(), f.topOrganisationShare(),
                Map.of("keyCustody", List.of(keys)));
        Finding finding = SovereigntyScorer.score(sourced, CSF).findings().get(0);
        assertEquals(List.of(keys), finding.facts());
        assertTrue(finding.facts().get(0).describe().contains("https://example.org/kms, 2026-11-30, curated"));
        Finding unknown = SovereigntyScorer.score(managed(null, null, null, GREEN, 50, 0.3), CSF).findings().get(0);
        assertEquals("keyCustody of " + f.name() + ": unknown", unknown.facts().get(0).describe());
    }

    @Test
    void aFindingIsOneEntryListingEveryObjectiveItCaps() {
        ItemScore score = SovereigntyScorer.score(with(sovereign(), "openSource", null), CSF);
        List<Finding> licence = score.findings().stream().filter(f -> f.code().equals("UNKNOWN_LICENCE")).toList();
        assertEquals(1, licence.size(), score.findings().toString());
        assertEquals(List.of(new Finding.ObjectiveCap(SovereigntyObjective.SOV_4, 1), new Finding.ObjectiveCap(SovereigntyObjective.SOV_6, 0),
                new Finding.ObjectiveCap(SovereigntyObjective.SOV_7, 1)), licence.get(0).caps());
        assertEquals(SovereigntyObjective.SOV_6, licence.get(0).objective(), "named by the objective it caps lowest");
        assertEquals(0, licence.get(0).cap());
        assertEquals(score.findings().size(), score.findings().stream().map(Finding::code).distinct().count(), "no code twice");
    }
}
