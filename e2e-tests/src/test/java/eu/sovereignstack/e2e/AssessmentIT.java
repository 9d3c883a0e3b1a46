package eu.sovereignstack.e2e;

import static eu.sovereignstack.e2e.Resources.ASSESSMENTS;
import static eu.sovereignstack.e2e.Resources.submitMunicipality;
import static eu.sovereignstack.e2e.Resources.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import eu.sovereignstack.e2e.support.Api;
import eu.sovereignstack.e2e.support.Json;
import eu.sovereignstack.e2e.support.Reply;
import eu.sovereignstack.e2e.support.SovereignStack;
import eu.sovereignstack.e2e.support.SovereignStackTest;
import eu.sovereignstack.e2e.support.User;

/**
 * Assessments through the gateway, scored against the real catalog-service: the municipality
 * example as JSON and CSV, and a CycloneDX SBOM.
 */
@SovereignStackTest
class AssessmentIT {

    private final Api gateway;

    AssessmentIT(SovereignStack stack) {
        this.gateway = stack.gateway();
    }

    @Test
    void theMunicipalityInventoryIsScoredExplainedAndPlanned() {
        Reply created = submitMunicipality(gateway.as(User.ASSESSOR));
        assertEquals(201, created.status(), created::toString);
        JsonNode assessment = created.json();
        String id = assessment.path("id").asText();
        URI location = URI.create(created.header("Location").orElseThrow(() -> new AssertionError("no Location: " + created)));
        assertEquals(ASSESSMENTS + "/" + id, location.getPath());
        assertEquals("Municipality baseline 2026", assessment.path("name").asText());
        assertEquals("assessor", assessment.path("createdBy").asText());
        assertEquals("json", assessment.path("inputFormat").asText());

        JsonNode result = assessment.path("result");
        JsonNode organisation = result.path("organisation");
        assertEquals(6, organisation.path("itemCount").asInt());
        assertEquals(1, organisation.path("unknownItems").asInt(), "the home-made citizen portal is in no catalog");
        double score = organisation.path("score").asDouble();
        assertTrue(score > 0 && score < 50, "a platform-dependent municipality scores low: " + score);
        assertTrue(organisation.path("projectedScore").asDouble() > score, "the plan improves the score");
        assertEquals(0, organisation.path("seal").asInt(), "Microsoft 365 under US jurisdiction caps SOV-2 at SEAL 0");

        JsonNode items = result.path("items");
        assertEquals("microsoft-entra-id", item(items, "idp").path("product").asText());
        assertEquals("vmware-vsphere", item(items, "virtualisation").path("product").asText());
        assertEquals("NONE", item(items, "portal").path("matchedBy").asText());
        assertTrue(findingCodes(items, "portal").contains("UNKNOWN_COMPONENT"), items::toString);
        assertTrue(findingCodes(items, "office").containsAll(List.of("NON_EU_JURISDICTION", "DATA_OUTSIDE_EU", "PROPRIETARY_LICENCE")),
                () -> findingCodes(items, "office").toString());
        for (JsonNode finding : item(items, "office").path("assessment").path("findings")) {
            assertFalse(finding.path("message").asText().isBlank(), "every finding is explained: " + finding);
        }
        assertTrue(Json.texts(item(items, "idp").path("plan").path("alternatives"), "product").contains("keycloak"),
                () -> item(items, "idp").toString());

        JsonNode waves = result.path("waves");
        assertEquals(List.of("idp"), Json.texts(waves.path(0).path("items"), "id"), "identity migrates first");
        assertTrue(Json.texts(waves.path(1).path("items"), "id").containsAll(List.of("virtualisation", "office", "meetings", "storage")),
                waves::toString);
        assertFalse(result.path("policy").path("passed").asBoolean(true), "the policy gate on SOV-2 and SOV-3 is missed");

        Reply read = gateway.as(User.ASSESSOR).get(location.toString());
        assertEquals(200, read.status(), read::toString);
        assertEquals(id, read.json().path("id").asText());
        assertEquals(score, read.json().path("result").path("organisation").path("score").asDouble());
        assertEquals(result.path("waves"), read.json().path("result").path("waves"));

        Reply report = gateway.as(User.ASSESSOR).get(location.getPath() + "/report.md");
        assertEquals(200, report.status(), report::toString);
        assertTrue(report.contentType().startsWith("text/markdown"), report::toString);
        assertTrue(report.body().contains("## Migration waves"), report::toString);
    }

    @Test
    void aCsvInventoryIsAssessed() {
        Reply created = gateway.as(User.ASSESSOR).post(ASSESSMENTS + "/csv?organisation=Ville%20d%27Exemple", "text/csv",
                text("assessments/municipality.csv"));
        assertEquals(201, created.status(), created::toString);
        JsonNode assessment = created.json();
        assertEquals("csv", assessment.path("inputFormat").asText());
        assertEquals("Ville d'Exemple", assessment.path("result").path("organisation").path("name").asText());
        JsonNode items = assessment.path("result").path("items");
        assertTrue(Json.texts(items, "id").containsAll(List.of("idp", "office", "files")), items::toString);
        assertEquals("nextcloud", item(items, "files").path("product").asText());
        assertEquals("microsoft-365", item(items, "office").path("product").asText());
        assertTrue(assessment.path("result").path("waves").size() >= 2, assessment::toString);
    }

    @Test
    void aCycloneDxSbomIsAssessed() {
        Reply created = gateway.as(User.ASSESSOR).post(ASSESSMENTS + "/sbom", "application/vnd.cyclonedx+json",
                text("inventories/citizen-portal-1.6.cdx.json"));
        assertEquals(201, created.status(), created::toString);
        JsonNode assessment = created.json();
        assertEquals("cyclonedx-json", assessment.path("inputFormat").asText());
        JsonNode items = assessment.path("result").path("items");
        assertTrue(items.size() > 2, items::toString);
        assertTrue(Json.texts(items, "product").contains("keycloak"), items::toString);
        int seal = assessment.path("result").path("organisation").path("seal").asInt(-1);
        assertTrue(seal >= 0 && seal <= 4, "SEAL level " + seal);
    }

    @Test
    void theListShowsTheOrganisationsAssessmentsNewestFirst() {
        JsonNode older = submitMunicipality(gateway.as(User.ASSESSOR)).json();
        JsonNode newer = gateway.as(User.ASSESSOR).post(ASSESSMENTS + "/csv?organisation=Ville%20d%27Exemple&name=From%20CSV", "text/csv",
                text("assessments/municipality.csv")).json();

        Reply list = gateway.as(User.ASSESSOR).get(ASSESSMENTS + "?size=100");
        assertEquals(200, list.status(), list::toString);
        List<String> ids = Json.texts(list.json().path("items"), "id");
        int olderAt = ids.indexOf(older.path("id").asText());
        int newerAt = ids.indexOf(newer.path("id").asText());
        assertTrue(olderAt >= 0 && newerAt >= 0, "both listed: " + list);
        assertTrue(newerAt < olderAt, "newest first: " + ids);

        JsonNode summary = list.json().path("items").path(newerAt);
        assertEquals("From CSV", summary.path("name").asText());
        assertEquals("csv", summary.path("inputFormat").asText());
        assertEquals(newer.path("result").path("organisation").path("score").asDouble(), summary.path("score").asDouble());
        assertEquals(newer.path("result").path("organisation").path("seal").asInt(), summary.path("seal").asInt());
        assertEquals(newer.path("result").path("organisation").path("itemCount").asInt(), summary.path("itemCount").asInt());
    }

    private static JsonNode item(JsonNode items, String id) {
        JsonNode item = Json.find(items, "id", id);
        assertFalse(item.isMissingNode(), "no item " + id + " in " + items);
        return item;
    }

    private static List<String> findingCodes(JsonNode items, String id) {
        return Json.texts(item(items, id).path("assessment").path("findings"), "code");
    }
}
