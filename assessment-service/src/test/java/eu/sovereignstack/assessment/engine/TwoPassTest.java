package eu.sovereignstack.assessment.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import eu.sovereignstack.assessment.CatalogStub;
import eu.sovereignstack.assessment.domain.Criticality;
import eu.sovereignstack.assessment.domain.Deployment;
import eu.sovereignstack.assessment.domain.Inventory;
import eu.sovereignstack.assessment.domain.InventoryItem;
import eu.sovereignstack.assessment.domain.Organisation;
import eu.sovereignstack.assessment.domain.Usage;
import eu.sovereignstack.assessment.engine.licence.LicenceCheck;
import eu.sovereignstack.assessment.engine.licence.OsadlMatrix;
import eu.sovereignstack.assessment.engine.model.AssessmentResult;
import eu.sovereignstack.assessment.engine.model.AssessmentResult.ItemResult;
import eu.sovereignstack.assessment.engine.model.Policy;
import eu.sovereignstack.assessment.engine.model.SovereigntyObjective;
import eu.sovereignstack.catalog.contract.DeploymentModel;
import eu.sovereignstack.catalog.contract.ResolveResult;
import eu.sovereignstack.common.licence.SpdxLicences;

/**
 * An inventory too large to keep whole is computed in two passes, keeping only digests of its
 * items between them: the result must be the very same, item by item, as computing it once.
 */
class TwoPassTest {

    private static final SpdxLicences SPDX = new SpdxLicences();
    private static final AssessmentEngine ENGINE = new AssessmentEngine(SPDX, new LicenceCheck(SPDX, new OsadlMatrix()));
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    @Test
    void twoPassesGiveTheResultOfOne() throws IOException {
        // Ten products the catalog knows (e0..e9: Microsoft, AWS), libraries known and unknown, with a dependency graph.
        ResolveResult catalog = JSON.readValue(Files.readString(
                CatalogStub.FILES.resolve("__files/api_v1_products_resolve-411fa97c-232a-4b11-a24e-94634bd50e6b.json")),
                ResolveResult.class);
        List<InventoryItem> items = new ArrayList<>();
        for (ResolveResult.Match match : catalog.matches()) {
            int n = Integer.parseInt(match.ref().substring(1));
            Deployment deployment = n % 3 == 0 ? new Deployment(DeploymentModel.SAAS, null, null, List.of())
                    : n % 3 == 1 ? new Deployment(DeploymentModel.MANAGED, "OVHcloud", "FR", List.of("FR")) : Deployment.selfHosted();
            List<String> dependsOn = n == 0 ? List.of("lib-0", "lib-1") : n == 3 ? List.of("e0", "lib-2") : List.of();
            items.add(new InventoryItem(match.ref(), "Product " + n, null, null, null, null, deployment, null, null,
                    Criticality.values()[n % Criticality.values().length], n % 2 == 0 ? Usage.INTERNAL : Usage.NETWORK_SERVICE,
                    dependsOn, false, null));
        }
        items.add(library("lib-0", "pkg:maven/org.postgresql/postgresql@42.7.4", "BSD-2-Clause", List.of("lib-1")));
        items.add(library("lib-1", "pkg:npm/left-pad@1.3.0", null, List.of()));
        items.add(library("lib-2", "pkg:maven/com.vendor/driver@1.0", "LicenseRef-Vendor-Terms", List.of()));
        items.add(library("lib-3", "pkg:maven/org.example/gpl-lib@2.0", "GPL-3.0-only", List.of()));
        items.add(new InventoryItem("portal", "Citizen portal", null, null, null, "EUPL-1.2", Deployment.selfHosted(), null, null,
                Criticality.HIGH, Usage.NETWORK_SERVICE, List.of("lib-3", "e1"), false, null));
        Inventory inventory = new Inventory(new Organisation("Example municipality", "public", "FR"), items);
        Policy policy = new Policy(Map.of(SovereigntyObjective.SOV_2, 3, SovereigntyObjective.SOV_5, 2));

        AssessmentEngine.Computed once = ENGINE.compute(inventory, SovereigntyScorerTest.CSF, policy, 70, catalog, TODAY, null,
                phase -> { }, Integer.MAX_VALUE);
        AssessmentEngine.Computed twice = ENGINE.compute(inventory, SovereigntyScorerTest.CSF, policy, 70, catalog, TODAY, null,
                phase -> { }, 0);

        AssessmentResult whole = once.summary().withItems(collect(once));
        assertTrue(whole.items().stream().anyMatch(item -> item.plan().chosen() != null), "some item migrates to an alternative");
        assertTrue(whole.items().stream().anyMatch(item -> item.libraries() != null), "some item has libraries rolled up");
        assertFalse(whole.policy().items().isEmpty(), "the policy gate finds items that miss it");
        assertFalse(whole.licenceIssues().isEmpty(), "the licence check finds something");
        assertFalse(whole.waves().isEmpty());
        assertEquals(JSON.writeValueAsString(once.summary()), JSON.writeValueAsString(twice.summary()), "the same summary");
        List<ItemResult> secondPass = collect(twice);
        assertEquals(whole.items().size(), secondPass.size());
        for (int i = 0; i < secondPass.size(); i++) {
            assertEquals(JSON.writeValueAsString(whole.items().get(i)), JSON.writeValueAsString(secondPass.get(i)),
                    "item " + whole.items().get(i).id());
        }
        assertEquals(JSON.writeValueAsString(secondPass), JSON.writeValueAsString(collect(twice)), "each reading gives the same items");
    }

    private static InventoryItem library(String id, String purl, String licence, List<String> dependsOn) {
        return new InventoryItem(id, id, null, purl, "1.0", licence, Deployment.selfHosted(), null, null, Criticality.LOW,
                Usage.INTERNAL, dependsOn, true, null);
    }

    private static List<ItemResult> collect(AssessmentEngine.Computed computed) {
        List<ItemResult> items = new ArrayList<>();
        computed.items().forEach(items::add);
        return items;
    }
}
