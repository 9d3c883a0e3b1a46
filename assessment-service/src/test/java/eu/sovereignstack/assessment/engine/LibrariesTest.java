package eu.sovereignstack.assessment.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

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
import eu.sovereignstack.assessment.engine.model.Finding;
import eu.sovereignstack.assessment.engine.model.Policy;
import eu.sovereignstack.assessment.engine.model.SovereigntyObjective;
import eu.sovereignstack.catalog.contract.ResolveResult;
import eu.sovereignstack.common.licence.SpdxLicences;

/**
 * Libraries count in what is built from them: their findings cap the application, their unknown
 * facts only lower its confidence, and packages the catalog does not know are scored on what the
 * inventory says of them (licence, registry).
 */
class LibrariesTest {

    private static final SpdxLicences SPDX = new SpdxLicences();
    private static final AssessmentEngine ENGINE = new AssessmentEngine(SPDX, new LicenceCheck(SPDX, new OsadlMatrix()));
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    @Test
    void anUnknownOpenLibraryLowersConfidenceButDoesNotCapItsApplicationLikeAnUnknownVendor() {
        AssessmentResult result = assess(
                application("portal", "EUPL-1.2", "json-lib"),
                library("json-lib", "pkg:maven/org.example/json-lib@1.0", "Apache-2.0"));

        ItemResult library = item(result, "json-lib");
        assertTrue(library.library());
        assertEquals(List.of("portal"), library.partOf());
        assertEquals(3, cap(library, "UNLISTED_OPEN_PACKAGE", SovereigntyObjective.SOV_5), "an open package from Maven Central");
        assertTrue(library.assessment().findings().stream().noneMatch(f -> f.code().equals("UNKNOWN_COMPONENT")));
        assertTrue(library.assessment().findings().stream().anyMatch(f -> f.code().equals("UNLISTED_OPEN_PACKAGE")
                && f.facts().stream().anyMatch(fact -> fact.value().contains("from Maven Central"))), "the finding names its registry");

        ItemResult portal = item(result, "portal");
        assertEquals(1, portal.libraries().count());
        assertEquals(1, portal.libraries().unknown());
        assertEquals(3, portal.libraries().levels().get(SovereigntyObjective.SOV_5), "its findings count, not its unknowns");
        // The portal's own SOV-5 (an unknown in-house component) decides; the library does not lower it further.
        int own = portal.assessment().levels().get(SovereigntyObjective.SOV_5);
        assertEquals(Math.min(own, 3), result.organisation().levels().get(SovereigntyObjective.SOV_5));
        // Its unknowns weigh in the confidence: the mean of the application's and its libraries'.
        assertEquals(Math.round((portal.assessment().confidence() + library.assessment().confidence()) / 2 * 100) / 100.0,
                result.organisation().confidence());
        assertTrue(library.assessment().confidence() < 1);
        assertEquals(1, result.organisation().libraries());
    }

    @Test
    void aLibraryWithoutAnOpenLicenceOrARegistryCapsItsApplication() {
        AssessmentResult proprietary = assess(
                application("portal", "EUPL-1.2", "driver"),
                library("driver", "pkg:maven/com.vendor/driver@1.0", "LicenseRef-Vendor-Terms"));
        assertEquals(1, item(proprietary, "portal").libraries().levels().get(SovereigntyObjective.SOV_5));
        assertEquals(1, proprietary.organisation().levels().get(SovereigntyObjective.SOV_5));

        AssessmentResult unstated = assess(
                application("portal", "EUPL-1.2", "lib"),
                library("lib", "pkg:npm/left-pad@1.3.0", null));
        assertEquals(2, cap(item(unstated, "lib"), "UNLISTED_PACKAGE", SovereigntyObjective.SOV_5), "public, but no licence stated");

        AssessmentResult privateRepository = assess(
                application("portal", "EUPL-1.2", "lib"),
                library("lib", "pkg:maven/org.example/lib@1.0?repository_url=https://repo.example.org", "MIT"));
        assertEquals(1, cap(item(privateRepository, "lib"), "UNKNOWN_COMPONENT", SovereigntyObjective.SOV_5));
    }

    @Test
    void librariesNoItemDependsOnCountTogetherAsTheApplicationAnSbomDescribes() {
        AssessmentResult result = assess(
                library("a", "pkg:maven/org.example/a@1.0", "MIT", "b"),
                library("b", "pkg:maven/org.example/b@1.0", "LicenseRef-Vendor-Terms"));

        assertTrue(item(result, "a").partOf().isEmpty());
        assertTrue(item(result, "b").partOf().isEmpty(), "b is reached only through another library");
        assertNull(item(result, "a").libraries());
        assertEquals(1, result.organisation().levels().get(SovereigntyObjective.SOV_5), "b's proprietary licence counts");
        assertEquals(2, result.organisation().libraries());
    }

    @Test
    void anInventoryWithoutLibrariesScoresAsBefore() {
        AssessmentResult result = assess(application("portal", "EUPL-1.2"));

        ItemResult portal = item(result, "portal");
        assertFalse(portal.library());
        assertNull(portal.libraries());
        assertEquals(portal.assessment().score(), result.organisation().score());
        assertEquals(portal.assessment().levels(), result.organisation().levels());
        assertEquals(0, result.organisation().libraries());
    }

    private static AssessmentResult assess(InventoryItem... items) {
        Inventory inventory = new Inventory(new Organisation("Example", null, "FR"), List.of(items));
        return ENGINE.assess(inventory, SovereigntyScorerTest.CSF, Policy.none(), 70, new ResolveResult(List.of(), Map.of()), TODAY, null);
    }

    private static InventoryItem application(String id, String licence, String... dependsOn) {
        return new InventoryItem(id, id, null, null, null, licence, Deployment.selfHosted(), null, null, Criticality.HIGH,
                Usage.NETWORK_SERVICE, List.of(dependsOn), false, null);
    }

    private static InventoryItem library(String id, String purl, String licence, String... dependsOn) {
        return new InventoryItem(id, id, null, purl, null, licence, Deployment.selfHosted(), null, null, Criticality.LOW,
                Usage.INTERNAL, List.of(dependsOn), true, "Example Supplier");
    }

    private static ItemResult item(AssessmentResult result, String id) {
        return result.items().stream().filter(item -> item.id().equals(id)).findFirst().orElseThrow();
    }

    /** The cap a finding puts on an objective; -1 when the item has no such finding. */
    private static int cap(ItemResult item, String code, SovereigntyObjective objective) {
        return item.assessment().findings().stream().filter(f -> f.code().equals(code))
                .flatMap(f -> f.caps().stream()).filter(c -> c.objective() == objective)
                .mapToInt(Finding.ObjectiveCap::cap).findFirst().orElse(-1);
    }
}
