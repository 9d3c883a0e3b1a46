package eu.sovereignstack.assessment.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import eu.sovereignstack.assessment.domain.Deployment;
import eu.sovereignstack.assessment.domain.InventoryItem;
import eu.sovereignstack.assessment.domain.Usage;
import eu.sovereignstack.assessment.engine.FactsAssembler.Situation;
import eu.sovereignstack.assessment.engine.model.ItemFacts;
import eu.sovereignstack.assessment.engine.model.ItemScore;
import eu.sovereignstack.catalog.contract.DeploymentModel;
import eu.sovereignstack.catalog.contract.ResolvedProduct;
import eu.sovereignstack.common.licence.SpdxLicences;

/** Where an item's data is: what the organisation uses, not every region its provider has. */
class FactsAssemblerTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final FactsAssembler FACTS = new FactsAssembler(new SpdxLicences(), LocalDate.of(2026, 12, 2), null);

    private static ResolvedProduct product(String slug, String kind, String licence, List<String> dataLocations,
            List<Map<String, Object>> offerings, List<String> alternatives) {
        return JSON.convertValue(Map.of(
                "product", Map.of("slug", slug, "name", slug, "kind", kind, "licence", licence, "openSource",
                        !licence.startsWith("LicenseRef"), "licenceFamily", licence.startsWith("LicenseRef") ? "PROPRIETARY" : "PERMISSIVE",
                        "governance", "FOUNDATION", "steward", Map.of("name", "Steward", "country", "DE"),
                        "standards", List.of("S3"), "dataLocations", dataLocations),
                "offerings", offerings,
                "alternatives", alternatives.stream().map(a -> Map.of("product", a, "fit", "FULL")).toList()),
                ResolvedProduct.class);
    }

    private static Map<String, Object> offering(String provider, String country, List<String> regions) {
        return Map.of("provider", provider, "providerName", provider, "providerCountry", country,
                "providerEuJurisdiction", true, "name", provider + " managed", "countries", regions);
    }

    private static InventoryItem item(DeploymentModel model, String provider, List<String> locations) {
        return new InventoryItem("i", "Item", null, null, null, null, new Deployment(model, provider, null, locations),
                null, null, null, Usage.INTERNAL, null);
    }

    private static ItemFacts today(InventoryItem item, ResolvedProduct product) {
        return FACTS.situation(item, Optional.of(product), Map.of(product.product().slug(), product)).current();
    }

    @Test
    void aManagedServiceIsWhereTheInventorySaysNotEveryRegionOfItsProvider() {
        ResolvedProduct storage = product("storage", "SOFTWARE", "Apache-2.0", List.of(),
                List.of(offering("eucloud", "FR", List.of("FR", "DE", "CA", "SG"))), List.of());
        ItemFacts unstated = today(item(DeploymentModel.MANAGED, "eucloud", List.of()), storage);
        assertNull(unstated.dataInEu(), "regions in and outside the EU, none named: unknown");
        assertFalse(unstated.sourcesOf("dataLocations").get(0).known());
        assertEquals(Boolean.TRUE, today(item(DeploymentModel.MANAGED, "eucloud", List.of("FR")), storage).dataInEu());
        ResolvedProduct euOnly = product("storage", "SOFTWARE", "Apache-2.0", List.of(),
                List.of(offering("eucloud", "FR", List.of("FR", "DE"))), List.of());
        assertEquals(Boolean.TRUE, today(item(DeploymentModel.MANAGED, "eucloud", List.of()), euOnly).dataInEu());
    }

    @Test
    void aSaasIsInTheEuOnlyWhenAllItsRegionsAreOutsideItOnlyWhenNoneIsAndUnknownOtherwise() {
        InventoryItem saas = item(DeploymentModel.SAAS, null, List.of());
        assertEquals(Boolean.FALSE, today(saas, product("s", "SERVICE", "LicenseRef-Proprietary", List.of("US"), List.of(), List.of()))
                .dataInEu());
        assertEquals(Boolean.TRUE, today(saas, product("s", "SERVICE", "LicenseRef-Proprietary", List.of("DE", "FR"), List.of(),
                List.of())).dataInEu());
        assertNull(today(saas, product("s", "SERVICE", "LicenseRef-Proprietary", List.of("US", "DE"), List.of(), List.of()))
                .dataInEu());
        assertNull(today(saas, product("s", "SERVICE", "LicenseRef-Proprietary", List.of(), List.of(), List.of())).dataInEu());
    }

    @Test
    void aProposedAlternativeIsPlacedInAnEuRegionWhenItHasOne() {
        ResolvedProduct target = product("open-storage", "SOFTWARE", "Apache-2.0", List.of(),
                List.of(offering("eucloud", "FR", List.of("CA", "FR", "SG"))), List.of());
        ResolvedProduct current = product("us-storage", "SERVICE", "LicenseRef-Proprietary", List.of("US"), List.of(),
                List.of("open-storage"));
        Situation situation = FACTS.situation(item(DeploymentModel.SAAS, null, List.of()), Optional.of(current),
                Map.of("us-storage", current, "open-storage", target));
        assertEquals(List.of(DeploymentModel.SELF_HOSTED, DeploymentModel.MANAGED),
                situation.candidates().stream().map(candidate -> candidate.target().model()).toList(),
                "open software is considered both in house and at the EU provider");
        ItemFacts after = situation.candidates().get(1).facts();
        assertEquals(Boolean.TRUE, after.dataInEu());
        assertTrue(after.sourcesOf("dataLocations").get(0).value().contains("FR"));
        assertFalse(after.sourcesOf("dataLocations").get(0).value().contains("CA"));
    }

    @Test
    void aServiceRunOnAnOpenProductKeepsItsLicenceStandardsAndProvidersButNotItsOperator() {
        ResolvedProduct kubernetes = product("kubernetes", "SOFTWARE", "Apache-2.0", List.of(),
                List.of(offering("eucloud", "FR", List.of("FR")), offering("othercloud", "DE", List.of("DE"))), List.of());
        Map<String, Object> service = JSON.convertValue(product("managed-k8s", "SERVICE", "LicenseRef-Proprietary", List.of("FR"),
                List.of(), List.of()), Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> view = new HashMap<>((Map<String, Object>) service.get("product"));
        view.put("basedOn", "kubernetes");
        view.put("standards", List.of("Kubernetes API"));
        view.put("steward", Map.of("name", "EU Cloud SAS", "country", "FR"));
        view.put("governance", "PROPRIETARY_VENDOR");
        service.put("product", view);
        ResolvedProduct managed = JSON.convertValue(service, ResolvedProduct.class);

        Map<String, ResolvedProduct> asRun = FactsAssembler.asRun(Map.of("kubernetes", kubernetes, "managed-k8s", managed));
        ItemFacts facts = FACTS.situation(item(DeploymentModel.SAAS, null, List.of()), Optional.of(asRun.get("managed-k8s")), asRun)
                .current();

        assertEquals(Boolean.TRUE, facts.openSource(), "the licence of what it runs");
        assertEquals(List.of("Kubernetes API", "S3"), facts.standards(), "its own standards and those of what it runs");
        assertEquals(2, facts.euProviders(), "the providers that run the open product are ways to move it");
        assertEquals("PROPRIETARY_VENDOR", facts.governance(), "what the provider adds stays the provider's");
        assertEquals("FR", facts.operatorCountry());
        assertTrue(facts.sourcesOf("licence").stream().anyMatch(fact -> "basedOn".equals(fact.fact())), "the finding says why");
        ItemScore score = SovereigntyScorer.score(facts, SovereigntyScorerTest.CSF);
        assertTrue(score.findings().stream().noneMatch(f -> f.code().equals("PROPRIETARY_LICENCE")), score.findings()::toString);
        assertEquals(managed, FactsAssembler.asRun(Map.of("managed-k8s", managed)).get("managed-k8s"),
                "without its base in the answer, a service is scored as the catalog states it");
    }
}
