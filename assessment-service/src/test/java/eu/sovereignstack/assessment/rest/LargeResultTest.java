package eu.sovereignstack.assessment.rest;

import static io.restassured.RestAssured.given;
import static eu.sovereignstack.assessment.rest.AssessmentResourceTest.ASSESSMENTS;
import static eu.sovereignstack.assessment.rest.AssessmentResourceTest.as;
import static eu.sovereignstack.assessment.rest.AssessmentResourceTest.resource;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import eu.sovereignstack.assessment.CatalogStub;
import eu.sovereignstack.assessment.Tokens;

/**
 * A result larger than the service holds whole: the inventory runs as a job even unasked, is
 * computed in two passes and stored item by item; it is read whole (streamed), as a summary, page
 * by page and as CSV, and what needs it whole in memory is refused with the reason.
 */
@QuarkusTest
@TestProfile(LargeResultTest.SmallWholeResults.class)
@QuarkusTestResource(value = CatalogStub.class, restrictToAnnotatedClass = true)
class LargeResultTest {

    /** Results of more than three items are not held whole: the municipality's six items are "large". */
    public static class SmallWholeResults implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("assessment.results.whole-items", "3");
        }
    }

    private static String assessLarge() {
        String id = as(Tokens.assessor()).contentType(ContentType.JSON).body(resource("assessments/municipality.json"))
                .when().post(ASSESSMENTS)
                .then().statusCode(202).extract().path("id");
        AsyncAssessmentTest.awaitDone(id);
        return id;
    }

    @Test
    void itIsReadWholeAsASummaryPageByPageAndAsCsv() throws IOException {
        String id = assessLarge();
        JsonPath whole = as(Tokens.assessor()).when().get(ASSESSMENTS + "/" + id).then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath();
        List<Map<String, Object>> items = whole.getList("result.items");
        assertEquals(6, items.size());
        assertEquals(id, whole.getString("id"));

        List<Map<String, Object>> paged = new ArrayList<>();
        for (int page = 0; page < 2; page++) {
            paged.addAll(as(Tokens.assessor()).queryParam("page", page).queryParam("size", 4)
                    .when().get(ASSESSMENTS + "/" + id + "/items")
                    .then().statusCode(200).body("totalItems", is(6)).extract().jsonPath().getList("items"));
        }
        assertEquals(items, paged, "the pages hold the items of the whole result, in its order");

        as(Tokens.assessor()).when().get(ASSESSMENTS + "/" + id + "/summary").then().statusCode(200)
                .body("items", is(6))
                .body("organisation", equalTo(whole.getMap("result.organisation")))
                .body("waves", is(whole.getList("result.waves").size()));

        as(Tokens.assessor()).when().get(ASSESSMENTS + "/" + id + "/plan").then().statusCode(200)
                .body("id", is(id))
                .body("waves", equalTo(whole.getList("result.waves")))
                .body("licenceIssues", equalTo(whole.getList("result.licenceIssues")))
                .body("policy", equalTo(whole.getMap("result.policy")));
        as(Tokens.viewer()).when().get(ASSESSMENTS + "/" + id + "/plan").then().statusCode(403);
        given().when().get(ASSESSMENTS + "/" + id + "/plan").then().statusCode(401);

        String csv = as(Tokens.assessor()).when().get(ASSESSMENTS + "/" + id + "/items.csv").then().statusCode(200)
                .extract().asString();
        List<String> csvIds = new ArrayList<>();
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            rows.forEachRemaining(row -> csvIds.add(row.get("id")));
        }
        assertEquals(items.stream().map(item -> item.get("id")).toList(), csvIds);
    }

    @Test
    void whatNeedsItWholeInMemoryIsRefusedWithTheReason() {
        String id = assessLarge();
        for (String path : List.of("/compare/" + id, "/report.md", "/work-items.csv")) {
            as(Tokens.assessor()).when().get(ASSESSMENTS + "/" + id + path).then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("detail", containsString("has 6 items; more than 3 cannot be"))
                    .body("detail", containsString("items.csv"));
        }
        as(Tokens.assessor()).when().post(ASSESSMENTS + "/" + id + "/rerun").then().statusCode(422)
                .contentType("application/problem+json").body("detail", containsString("cannot be re-run"));
        for (String path : List.of("", "/items", "/summary", "/plan", "/items.csv", "/report.md")) {
            as(Tokens.otherOrgAssessor()).when().get(ASSESSMENTS + "/" + id + path).then().statusCode(404);
        }
    }
}
