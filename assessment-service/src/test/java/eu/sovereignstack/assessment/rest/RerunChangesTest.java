package eu.sovereignstack.assessment.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

import eu.sovereignstack.assessment.CatalogStub;
import eu.sovereignstack.assessment.Tokens;
import eu.sovereignstack.testsupport.LocalPostgresDatabase;

/**
 * A rerun says which of its differences come from the rules and which from the facts: the first
 * assessment's facts are assessed again with today's rules, and the rest is the facts' doing.
 * Older rules are simulated by changing the stored result, newer facts by a catalog that answers
 * differently.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalPostgresDatabase.class, initArgs = @ResourceArg(name = "database", value = "assessment_test"))
@QuarkusTestResource(CatalogStub.class)
class RerunChangesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ASSESSMENTS = AssessmentResourceTest.ASSESSMENTS;
    private StubMapping newerFacts;

    @AfterEach
    void removeStub() {
        if (newerFacts != null) {
            CatalogStub.server().removeStub(newerFacts);
        }
    }

    @Test
    void theSameRulesAndFactsChangeNothingAndTheVersionIsTheProfiles() {
        String id = AssessmentResourceTest.createMunicipality(Tokens.assessor());
        String version = given().auth().oauth2(Tokens.assessor()).when().get(ASSESSMENTS + "/" + id)
                .then().statusCode(200).extract().path("result.rulesVersion");
        String profileVersion = given().auth().oauth2(Tokens.assessor()).when().get("/api/v1/scoring-profiles")
                .then().statusCode(200).extract().path("find { it.id == 'eu-csf-1.2.1' }.version");
        assertTrue(version.matches("[0-9a-f]{12}"), version);
        assertEquals(profileVersion, version, "a result names the version of its profile's rules and weights");
        String dataFirst = given().auth().oauth2(Tokens.assessor()).when().get("/api/v1/scoring-profiles")
                .then().extract().path("find { it.id == 'eu-csf-1.2.1-data-first' }.version");
        assertNotEquals(version, dataFirst, "other weights, another version");

        String rerun = given().auth().oauth2(Tokens.assessor()).when().post(ASSESSMENTS + "/" + id + "/rerun")
                .then().statusCode(201)
                .body("rerunChanges.rulesVersionBefore", equalTo(version))
                .body("rerunChanges.rulesVersionAfter", equalTo(version))
                .body("rerunChanges.fromRules.scoreDelta", equalTo(0.0f))
                .body("rerunChanges.fromRules.newFindings", empty())
                .body("rerunChanges.fromRules.resolvedFindings", empty())
                .body("rerunChanges.fromFacts.scoreDelta", equalTo(0.0f))
                .body("rerunChanges.fromFacts.newFindings", empty())
                .extract().path("id");
        // Stored with the rerun, not computed when read.
        given().auth().oauth2(Tokens.assessor()).when().get(ASSESSMENTS + "/" + rerun)
                .then().statusCode(200).body("rerunChanges.rulesVersionAfter", equalTo(version));
        given().auth().oauth2(Tokens.assessor()).when().get(ASSESSMENTS + "/" + id)
                .then().statusCode(200).body("rerunChanges", nullValue());
    }

    @Test
    void aRerunSplitsItsDifferencesIntoThoseOfTheRulesAndThoseOfTheFacts() throws Exception {
        String id = AssessmentResourceTest.createMunicipality(Tokens.assessor());
        // Older rules: the stored result was computed with another version, which did not find Zoom's
        // missing independent patching.
        JsonNode stored = JSON.readTree(column(id, "result"));
        ((ObjectNode) stored).put("rulesVersion", "000000000000");
        update(id, "result", stored.toString());
        JsonNode meetings = JSON.readTree(item(id, "meetings"));
        ArrayNode findings = (ArrayNode) meetings.path("assessment").path("findings");
        for (int i = findings.size() - 1; i >= 0; i--) {
            if (findings.get(i).path("code").asText().equals("NO_INDEPENDENT_PATCHING")) {
                findings.remove(i);
            }
        }
        updateItem(id, "meetings", meetings.toString());
        // Newer facts: the catalog now says Microsoft 365 is open source.
        ObjectNode answer = (ObjectNode) JSON.readTree(Files.readString(CatalogStub.FILES.resolve("__files")
                .resolve(NegativeInputTest.MUNICIPALITY_RESOLVED)));
        ObjectNode office = (ObjectNode) answer.path("products").path("microsoft-365").path("product");
        office.put("licence", "MIT").put("licenceFamily", "PERMISSIVE").put("openSource", true);
        newerFacts = CatalogStub.server().stubFor(post(urlEqualTo("/api/v1/products/resolve")).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(answer.toString())));

        given().auth().oauth2(Tokens.assessor()).when().post(ASSESSMENTS + "/" + id + "/rerun")
                .then().statusCode(201)
                .body("rerunChanges.rulesVersionBefore", equalTo("000000000000"))
                .body("rerunChanges.fromRules.newFindings.findAll { it.item == 'meetings' }.code", hasItem("NO_INDEPENDENT_PATCHING"))
                .body("rerunChanges.fromRules.resolvedFindings.findAll { it.item == 'office' }", empty())
                .body("rerunChanges.fromFacts.resolvedFindings.findAll { it.item == 'office' }.code", hasItem("PROPRIETARY_LICENCE"))
                .body("rerunChanges.fromFacts.newFindings.findAll { it.item == 'meetings' }", empty());
    }

    private static String column(String id, String column) throws SQLException {
        try (Connection connection = connect();
                PreparedStatement select = connection.prepareStatement("select " + column + " from assessment where id = ?::uuid")) {
            select.setString(1, id);
            ResultSet row = select.executeQuery();
            assertTrue(row.next(), "assessment " + id + " is stored");
            return row.getString(1);
        }
    }

    private static void update(String id, String column, String value) throws SQLException {
        try (Connection connection = connect();
                PreparedStatement update = connection.prepareStatement("update assessment set " + column + " = ? where id = ?::uuid")) {
            update.setString(1, value);
            update.setString(2, id);
            assertEquals(1, update.executeUpdate());
        }
    }

    /** An item's stored result (a row of assessment_item). */
    private static String item(String id, String itemId) throws SQLException {
        try (Connection connection = connect();
                PreparedStatement select = connection.prepareStatement(
                        "select document from assessment_item where assessment_id = ?::uuid and document::jsonb ->> 'id' = ?")) {
            select.setString(1, id);
            select.setString(2, itemId);
            ResultSet row = select.executeQuery();
            assertTrue(row.next(), "item " + itemId + " of assessment " + id + " is stored");
            return row.getString(1);
        }
    }

    private static void updateItem(String id, String itemId, String document) throws SQLException {
        try (Connection connection = connect();
                PreparedStatement update = connection.prepareStatement(
                        "update assessment_item set document = ? where assessment_id = ?::uuid and document::jsonb ->> 'id' = ?")) {
            update.setString(1, document);
            update.setString(2, id);
            update.setString(3, itemId);
            assertEquals(1, update.executeUpdate());
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/assessment_test", "postgres", "");
    }
}
