package eu.sovereignstack.assessment.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

import eu.sovereignstack.assessment.CatalogStub;
import eu.sovereignstack.assessment.Tokens;
import eu.sovereignstack.testsupport.LocalPostgresDatabase;
import eu.sovereignstack.testsupport.NegativeInputs;
import eu.sovereignstack.testsupport.NegativeInputs.Case;

/**
 * Negative inputs generated from the published OpenAPI document for every operation (see
 * {@link NegativeInputs}): every answer is a 4xx problem, a changed property is named, and
 * no assessment is stored.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalPostgresDatabase.class, initArgs = @ResourceArg(name = "database", value = "assessment_test"))
@QuarkusTestResource(CatalogStub.class)
class NegativeInputTest {

    private static final String ASSESSMENTS = "/api/v1/assessments";
    /** quarkus.http.limits.max-body-size. */
    private static final long BODY_LIMIT = 64L * 1024 * 1024;
    /** The catalog's recorded answer for the municipality's six items (refs e0 to e5). */
    static final String MUNICIPALITY_RESOLVED = "api_v1_products_resolve-f1d71990-c24f-4460-8bcd-8e6d3fc70dba.json";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private String token;
    private StubMapping anyMunicipality;

    @TestFactory
    Stream<DynamicTest> everyOperationRefusesNegativeInputs() {
        token = Tokens.orgAdmin();
        // An accepted non-BMP character in an item's name changes the catalog request; the
        // recorded answer (same refs) still fits it. Lowest priority: recorded stubs win.
        anyMunicipality = CatalogStub.server().stubFor(post(urlEqualTo("/api/v1/products/resolve")).atPriority(100)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBodyFile(MUNICIPALITY_RESOLVED)));
        String id = AssessmentResourceTest.createMunicipality(token);

        NegativeInputs inputs = NegativeInputs.fromPublishedDocument()
                .bodyLimit(BODY_LIMIT)
                .pathValue("id", id)
                .pathValue("other", id)
                .pathValue("item", "idp")
                .baseline("createAssessment", "application/json", AssessmentResourceTest.resource("assessments/municipality.json"), Map.of())
                // The file uploads: their query parameters are varied with a valid file.
                .queryBaseline("createAssessmentFromCsv", "text/csv", AssessmentResourceTest.resource("assessments/municipality.csv"),
                        Map.of())
                .queryBaseline("createAssessmentFromSbom", "application/vnd.cyclonedx+json",
                        AssessmentResourceTest.resource("inventories/citizen-portal-1.6.cdx.json"), Map.of())
                .queryBaseline("createAssessmentFromSbomXml", "application/vnd.cyclonedx+xml",
                        AssessmentResourceTest.resource("inventories/citizen-portal-1.6.cdx.xml"), Map.of());
        List<Case> cases = inputs.cases();
        inputs.notes().forEach(note -> System.out.println("[negative inputs] " + note));
        System.out.println("[negative inputs] assessment-service: " + cases.size() + " cases");
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> run(c)));
    }

    @AfterEach
    void removeStub() {
        if (anyMunicipality != null) {
            CatalogStub.server().removeStub(anyMunicipality);
        }
    }

    private void run(Case c) {
        boolean writes = !c.method().equals("GET");
        long before = writes ? total() : 0;

        Response response = NegativeInputs.send(c, token);
        NegativeInputs.check(c, response);
        if (!writes) {
            return;
        }
        if (response.statusCode() < 300) {
            // Only a non-BMP character may be accepted: it must then be stored exactly.
            String created = response.path("id");
            // What the API shows of it, and the inventory as stored (not all of it is shown).
            String shown = get(ASSESSMENTS + "/" + created).body();
            String inventory = storedInventory(created);
            assertTrue(NegativeInputs.texts(shown).contains(c.sentValue()) || NegativeInputs.texts(inventory).contains(c.sentValue()),
                    c.name() + ": " + c.sentValue() + " is not read back exactly from " + inventory);
            RestAssured.given().auth().oauth2(token).when().delete(ASSESSMENTS + "/" + created).then().statusCode(204);
        }
        assertEquals(before, total(), c.name() + ": the number of assessments changed");
    }

    private static String storedInventory(String id) {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/assessment_test", "postgres", "");
                PreparedStatement select = connection.prepareStatement("select inventory::text from assessment where id = ?::uuid")) {
            select.setString(1, id);
            ResultSet row = select.executeQuery();
            assertTrue(row.next(), "assessment " + id + " is not stored");
            return row.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts without RestAssured's per-request overhead and without the contract check. */
    private long total() {
        HttpResponse<String> response = get(ASSESSMENTS + "?size=1");
        assertEquals(200, response.statusCode(), response.body());
        try {
            return JSON.readTree(response.body()).get("totalItems").asLong();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private HttpResponse<String> get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
