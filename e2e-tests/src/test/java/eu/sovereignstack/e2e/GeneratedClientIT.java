package eu.sovereignstack.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import eu.sovereignstack.client.ApiClient;
import eu.sovereignstack.client.ApiException;
import eu.sovereignstack.client.api.AssessmentsApi;
import eu.sovereignstack.client.api.ProductsApi;
import eu.sovereignstack.client.api.ScoringProfilesApi;
import eu.sovereignstack.client.model.Assessment;
import eu.sovereignstack.client.model.AssessmentRequest;
import eu.sovereignstack.client.model.AssessmentSummary;
import eu.sovereignstack.client.model.MigrationWave;
import eu.sovereignstack.client.model.Product;
import eu.sovereignstack.client.model.ProductPage;
import eu.sovereignstack.client.model.ScoringProfile;
import eu.sovereignstack.client.model.WaveItem;
import eu.sovereignstack.e2e.support.SovereignStack;
import eu.sovereignstack.e2e.support.SovereignStackTest;
import eu.sovereignstack.e2e.support.Tokens;
import eu.sovereignstack.e2e.support.User;

/**
 * The main flow with the Java client generated at build time from the OpenAPI document the
 * gateway publishes (openapi-generator, java/native): what an integrator would generate and use.
 * (The exports, CSV and Markdown, are text: this generator's client parses every answer as JSON,
 * so they are read over plain HTTP in {@link AssessmentIT}.)
 */
@SovereignStackTest
class GeneratedClientIT {

    private final SovereignStack stack;
    private final Tokens tokens;

    GeneratedClientIT(SovereignStack stack) {
        this.stack = stack;
        this.tokens = stack.tokens();
    }

    @Test
    void browseTheCatalogAssessTheMunicipalityAndReadThePlan() throws Exception {
        ApiClient client = clientFor(User.ASSESSOR);

        ProductPage identity = new ProductsApi(client).searchProducts("identity-access", null, null, null, null, null, true,
                0, null, 50, null, null, null);
        List<String> slugs = identity.getItems().stream().map(Product::getSlug).toList();
        assertTrue(slugs.contains("keycloak"), slugs::toString);
        assertEquals(identity.getItems().size(), identity.getTotalItems().intValue());
        Product keycloak = new ProductsApi(client).getProduct("keycloak");
        assertEquals("Apache-2.0", keycloak.getLicence());
        assertTrue(keycloak.getOpenSource());

        List<ScoringProfile> profiles = new ScoringProfilesApi(client).listScoringProfiles();
        assertTrue(profiles.stream().anyMatch(profile -> "eu-csf-1.2.1".equals(profile.getId())), profiles::toString);

        AssessmentRequest inventory = client.getObjectMapper()
                .readValue(Resources.text("assessments/municipality.json"), AssessmentRequest.class);
        AssessmentsApi assessments = new AssessmentsApi(client);
        String idempotencyKey = java.util.UUID.randomUUID().toString();
        Assessment created = assessments.createAssessment(inventory, idempotencyKey, null);
        Assessment retried = assessments.createAssessment(inventory, idempotencyKey, null);
        assertEquals(created.getId(), retried.getId(), "a retry under the same Idempotency-Key gets the same assessment");
        assertEquals("Municipality baseline 2026", created.getName());
        assertEquals(6, created.getResult().getOrganisation().getItemCount());
        assertTrue(created.getResult().getOrganisation().getProjectedScore() > created.getResult().getOrganisation().getScore());

        List<MigrationWave> waves = assessments.getAssessment(created.getId()).getResult().getWaves();
        assertEquals(List.of("idp"), waves.get(0).getItems().stream().map(WaveItem::getId).toList(), "identity migrates first");
        List<java.util.UUID> listed = assessments.listAssessments(0, 100).getItems().stream()
                .map(AssessmentSummary::getId).toList();
        assertTrue(listed.contains(created.getId()));
    }

    @Test
    void theGeneratedClientSubmitsASpreadsheetAndAnSbomInJsonAndXml() throws Exception {
        AssessmentsApi assessments = new AssessmentsApi(clientFor(User.ASSESSOR));

        Assessment spreadsheet = assessments.createAssessmentFromCsv(Resources.text("assessments/municipality.csv"), "FR",
                "SOV-2:3", "From the generated client", "Ville d'Exemple", null, "public-administration", 60.0, null, null);
        assertEquals("csv", spreadsheet.getInputFormat().getValue());
        assertEquals("From the generated client", spreadsheet.getName());
        assertEquals("Ville d'Exemple", spreadsheet.getResult().getOrganisation().getName());
        assertEquals(60.0, spreadsheet.getResult().getThreshold());
        assertEquals(3, spreadsheet.getResult().getPolicy().getMinimumSeal().get("SOV-2"));
        assertTrue(spreadsheet.getResult().getItems().stream().anyMatch(item -> "nextcloud".equals(item.getProduct())),
                "the spreadsheet's rows are the items");

        Assessment json = assessments.createAssessmentFromSbom(Resources.text("inventories/citizen-portal-1.6.cdx.json"),
                null, null, null, null, null, null, null, null, null);
        Assessment xml = assessments.createAssessmentFromSbomXml(Resources.text("inventories/citizen-portal-1.6.cdx.xml"),
                null, null, null, null, null, null, null, null, null);
        assertEquals("cyclonedx-json", json.getInputFormat().getValue());
        assertEquals("cyclonedx-xml", xml.getInputFormat().getValue());
        assertEquals(json.getResult().getItems().stream().map(item -> item.getId() + "=" + item.getProduct()).toList(),
                xml.getResult().getItems().stream().map(item -> item.getId() + "=" + item.getProduct()).toList(),
                "the same SBOM in JSON and XML gives the same items");

        ApiException noOrganisation = assertThrows(ApiException.class, () -> assessments.createAssessmentFromCsv(
                Resources.text("assessments/municipality.csv"), null, null, null, null, null, null, null, null, null));
        assertEquals(400, noOrganisation.getCode());
        assertTrue(noOrganisation.getResponseBody().contains("organisation"), noOrganisation.getResponseBody());
    }

    @Test
    void problemsArriveAsApiExceptionsWithTheirStatusAndBody() throws ApiException {
        AssessmentsApi otherOrganisation = new AssessmentsApi(clientFor(User.AGENCY_ASSESSOR));
        // Someone else's assessment, or none at all: the same 404.
        String theirs = new AssessmentsApi(clientFor(User.ASSESSOR)).listAssessments(0, 1).getItems().stream()
                .findFirst().map(summary -> summary.getId().toString()).orElse("00000000-0000-0000-0000-000000000000");
        ApiException missing = assertThrows(ApiException.class,
                () -> otherOrganisation.getAssessment(java.util.UUID.fromString(theirs)));
        assertEquals(404, missing.getCode());
        assertTrue(missing.getResponseBody().contains("\"status\":404"), missing.getResponseBody());

        ApiException forbidden = assertThrows(ApiException.class,
                () -> new ProductsApi(clientFor(User.VIEWER)).deleteProduct("keycloak", null));
        assertEquals(403, forbidden.getCode());
    }

    private ApiClient clientFor(User user) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(stack.gateway().base().toString());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + tokens.accessToken(user)));
        return client;
    }
}
