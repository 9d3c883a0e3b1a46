package eu.sovereignstack.assessment.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import eu.sovereignstack.assessment.domain.Deployment;
import eu.sovereignstack.assessment.engine.AlternativeRanker.Ranking;
import eu.sovereignstack.assessment.engine.AlternativeRanker.Scored;
import eu.sovereignstack.assessment.engine.FactsAssembler.Candidate;
import eu.sovereignstack.assessment.engine.model.AlternativeOption;
import eu.sovereignstack.assessment.engine.model.ItemScore;
import eu.sovereignstack.assessment.engine.model.SovereigntyObjective;
import eu.sovereignstack.assessment.engine.rules.RankingWeight;
import eu.sovereignstack.catalog.contract.DeploymentModel;
import eu.sovereignstack.catalog.contract.ResolvedProduct;

/** Sovereignty first: a higher SEAL after the switch is never ranked below a lower one; every stated alternative is shown. */
class AlternativeRankerTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private static final ResolvedProduct CURRENT = product("current", List.of("Kubernetes API", "OCI"));
    private static final ItemScore NOW = score(1, 30);

    private static ResolvedProduct product(String slug, List<String> standards) {
        return JSON.convertValue(Map.of("product", Map.of("slug", slug, "name", slug, "kind", "SOFTWARE", "licence", "Apache-2.0",
                "standards", standards)), ResolvedProduct.class);
    }

    private static ItemScore score(int seal, double score) {
        Map<SovereigntyObjective, Integer> levels = new EnumMap<>(SovereigntyObjective.class);
        for (SovereigntyObjective objective : SovereigntyObjective.values()) {
            levels.put(objective, seal);
        }
        return new ItemScore(levels, seal, score, 1, List.of(), List.of());
    }

    private static Scored scored(ResolvedProduct product, String fit, Deployment target, int seal, double score) {
        return new Scored(new Candidate(product, fit, null, target, null), score(seal, score));
    }

    private static Deployment managed(String provider) {
        return new Deployment(DeploymentModel.MANAGED, provider, "FR", List.of("FR"));
    }

    @Test
    void aHigherSealAfterTheSwitchRanksFirstWhateverTheSecondaryTerms() {
        // Shares every standard and fits fully, but only reaches SEAL 1; the other shares none and reaches SEAL 2.
        Scored sameStandards = scored(product("same-standards", List.of("Kubernetes API", "OCI")), "FULL", managed("a"), 1, 50);
        Scored moreSovereign = scored(product("more-sovereign", List.of("Other")), "PARTIAL", managed("b"), 2, 52);
        Ranking ranking = AlternativeRanker.rank(CURRENT, DeploymentModel.SAAS, NOW, List.of(sameStandards, moreSovereign), TODAY);
        assertTrue(ranking.shown().get(1).rank() > ranking.shown().get(0).rank(), "the secondary terms favour the SEAL 1 option");
        assertEquals(List.of("more-sovereign", "same-standards"), ranking.shown().stream().map(AlternativeOption::product).toList());
        for (int i = 1; i < ranking.all().size(); i++) {
            assertTrue(ranking.all().get(i - 1).sealAfter() >= ranking.all().get(i).sealAfter());
        }
    }

    @Test
    void anOpenProductIsShownTheBetterOfItsTwoWaysAndNamesTheOther() {
        ResolvedProduct open = product("open", List.of("Kubernetes API"));
        Ranking ranking = AlternativeRanker.rank(CURRENT, DeploymentModel.SAAS, NOW, List.of(
                scored(open, "FULL", Deployment.selfHosted(), 4, 90),
                scored(open, "FULL", managed("eu-cloud"), 3, 75)), TODAY);
        assertEquals(1, ranking.shown().size());
        AlternativeOption shown = ranking.shown().get(0);
        assertEquals(DeploymentModel.SELF_HOSTED, shown.deployment().model());
        assertTrue(shown.reasons().get(shown.reasons().size() - 1).startsWith("run by eu-cloud (FR) instead: score 75.0, SEAL 3"),
                shown.reasons().toString());
        assertEquals(2, ranking.all().size(), "both ways are kept for the policy gate");
    }

    @Test
    void everyStatedAlternativeIsShownAndTheCategoryOnlyFillsUp() {
        List<Scored> candidates = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            candidates.add(scored(product("category-" + i, List.of()), "SAME_CATEGORY", Deployment.selfHosted(), 4, 95 - i));
        }
        for (int i = 0; i < 2; i++) {
            candidates.add(scored(product("stated-" + i, List.of()), "PARTIAL", Deployment.selfHosted(), 3, 70));
        }
        Ranking few = AlternativeRanker.rank(CURRENT, DeploymentModel.SAAS, NOW, candidates, TODAY);
        assertEquals(List.of("category-0", "category-1", "category-2", "stated-0", "stated-1"),
                few.shown().stream().map(AlternativeOption::product).toList(), "the best of the category fill up to five");
        for (int i = 2; i < 12; i++) {
            candidates.add(scored(product("stated-" + i, List.of()), "PARTIAL", Deployment.selfHosted(), 3, 70));
        }
        Ranking many = AlternativeRanker.rank(CURRENT, DeploymentModel.SAAS, NOW, candidates, TODAY);
        List<String> shown = many.shown().stream().map(AlternativeOption::product).toList();
        assertEquals(RankingWeight.SHOWN, shown.size());
        assertTrue(shown.stream().allMatch(slug -> slug.startsWith("stated-")), shown.toString());
        assertEquals(19, many.all().size(), "the policy gate still searches every candidate");
    }

    @Test
    void optionsThatDoNotGainAreLeftOut() {
        Ranking ranking = AlternativeRanker.rank(CURRENT, DeploymentModel.SAAS, NOW, List.of(
                scored(product("worse", List.of()), "FULL", Deployment.selfHosted(), 1, 30)), TODAY);
        assertTrue(ranking.all().isEmpty());
    }

    @Test
    void softwareOnEachDeviceRanksAfterSharedServicesOfTheSameSealForAnItemUsedAsAService() {
        ResolvedProduct suite = JSON.convertValue(Map.of("product", Map.of("slug", "cloud-suite", "name", "Cloud Suite",
                "kind", "SERVICE", "licence", "LicenseRef-Proprietary")), ResolvedProduct.class);
        // The desktop suite would gain more and shares more standards, but is installed on each device.
        Scored desktop = scored(delivered("desktop-suite", "DEVICE"), "PARTIAL", Deployment.selfHosted(), 2, 95);
        Scored server = scored(delivered("web-suite", "SERVER"), "PARTIAL", Deployment.selfHosted(), 2, 80);
        Scored unknown = scored(delivered("other-suite", null), "PARTIAL", Deployment.selfHosted(), 2, 70);
        Scored higher = scored(delivered("sovereign-desktop", "DEVICE"), "PARTIAL", Deployment.selfHosted(), 3, 60);

        List<AlternativeOption> shown = AlternativeRanker.rank(suite, DeploymentModel.SAAS, NOW,
                List.of(desktop, server, unknown, higher), TODAY).shown();

        assertEquals(List.of("sovereign-desktop", "web-suite", "other-suite", "desktop-suite"),
                shown.stream().map(AlternativeOption::product).toList(), "SEAL first, then what is delivered alike");
        AlternativeOption desktopOption = shown.get(3);
        assertTrue(desktopOption.changesDelivery());
        assertTrue(desktopOption.reasons().stream().anyMatch(reason -> reason.contains("installed on each user's device")),
                desktopOption.reasons()::toString);
        assertEquals(false, shown.get(2).changesDelivery(), "an unknown delivery is no change");

        // For software used on each device today, a device application is delivered alike.
        ResolvedProduct office = delivered("desktop-office", "DEVICE");
        List<AlternativeOption> forDesktop = AlternativeRanker.rank(office, DeploymentModel.SELF_HOSTED, NOW,
                List.of(desktop, server), TODAY).shown();
        assertEquals(List.of("desktop-suite", "web-suite"), forDesktop.stream().map(AlternativeOption::product).toList());
    }

    private static ResolvedProduct delivered(String slug, String delivery) {
        Map<String, Object> product = new HashMap<>(Map.of("slug", slug, "name", slug, "kind", "SOFTWARE",
                "licence", "Apache-2.0", "standards", List.of("ODF")));
        if (delivery != null) {
            product.put("delivery", delivery);
        }
        return JSON.convertValue(Map.of("product", product, "alternatives", List.of()), ResolvedProduct.class);
    }
}
