package eu.sovereignstack.assessment.rest;

import static eu.sovereignstack.assessment.rest.AssessmentResourceTest.ASSESSMENTS;
import static eu.sovereignstack.assessment.rest.AssessmentResourceTest.as;
import static eu.sovereignstack.assessment.rest.AssessmentResourceTest.createMunicipality;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import eu.sovereignstack.assessment.CatalogStub;
import eu.sovereignstack.assessment.Tokens;

/** A result read without its whole body: the items page by page, and a summary. */
@QuarkusTest
@QuarkusTestResource(value = CatalogStub.class, restrictToAnnotatedClass = true)
class ResultPagesTest {

    @Test
    void theItemsComePageByPageInTheResultsOrder() {
        String id = createMunicipality(Tokens.assessor());
        JsonPath whole = as(Tokens.assessor()).when().get(ASSESSMENTS + "/" + id).then().statusCode(200).extract().jsonPath();
        List<String> expected = whole.getList("result.items.id");

        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 2; page++) {
            JsonPath answer = as(Tokens.assessor()).queryParam("page", page).queryParam("size", 4)
                    .when().get(ASSESSMENTS + "/" + id + "/items")
                    .then().statusCode(200)
                    .body("totalItems", equalTo(expected.size()))
                    .body("totalPages", equalTo((expected.size() + 3) / 4))
                    .extract().jsonPath();
            paged.addAll(answer.getList("items.id"));
        }
        assertEquals(expected, paged);
        assertEquals(whole.getMap("result.items[0]"), as(Tokens.assessor()).queryParam("size", 1)
                .when().get(ASSESSMENTS + "/" + id + "/items").then().statusCode(200).extract().jsonPath().getMap("items[0]"),
                "an item of a page is the item of the whole result");
        as(Tokens.assessor()).queryParam("page", 9).when().get(ASSESSMENTS + "/" + id + "/items")
                .then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void theSummaryIsTheResultWithoutItsItems() {
        String id = createMunicipality(Tokens.assessor());
        JsonPath whole = as(Tokens.assessor()).when().get(ASSESSMENTS + "/" + id).then().statusCode(200).extract().jsonPath();
        as(Tokens.assessor()).when().get(ASSESSMENTS + "/" + id + "/summary").then().statusCode(200)
                .body("id", equalTo(id))
                .body("organisation", equalTo(whole.getMap("result.organisation")))
                .body("policy", equalTo(whole.getMap("result.policy")))
                .body("rulesVersion", equalTo(whole.getString("result.rulesVersion")))
                .body("items", equalTo(whole.getList("result.items").size()))
                .body("waves", equalTo(whole.getList("result.waves").size()))
                .body("licenceIssues", equalTo(whole.getList("result.licenceIssues").size()));
    }

    @Test
    void anAssessmentMadeInItsRequestIsDone() {
        String id = createMunicipality(Tokens.assessor());
        as(Tokens.assessor()).when().get(ASSESSMENTS + "/" + id + "/status").then().statusCode(200)
                .body("state", equalTo("done"))
                .body("progress", equalTo(100))
                .body("items", equalTo(6))
                .body("assessment", equalTo("/api/v1/assessments/" + id));
        as(Tokens.otherOrgAssessor()).when().get(ASSESSMENTS + "/" + id + "/status").then().statusCode(404);
    }

    @Test
    void pagesOutOfRangeAreRefusedAndOtherOrganisationsSeeNothing() {
        String id = createMunicipality(Tokens.assessor());
        as(Tokens.assessor()).queryParam("size", 101).when().get(ASSESSMENTS + "/" + id + "/items")
                .then().statusCode(400).contentType("application/problem+json");
        as(Tokens.assessor()).queryParam("page", -1).when().get(ASSESSMENTS + "/" + id + "/items")
                .then().statusCode(400).contentType("application/problem+json");
        as(Tokens.otherOrgAssessor()).when().get(ASSESSMENTS + "/" + id + "/items").then().statusCode(404);
        as(Tokens.otherOrgAssessor()).when().get(ASSESSMENTS + "/" + id + "/summary").then().statusCode(404);
        as(Tokens.viewer()).when().get(ASSESSMENTS + "/" + id + "/summary").then().statusCode(403);
    }
}
