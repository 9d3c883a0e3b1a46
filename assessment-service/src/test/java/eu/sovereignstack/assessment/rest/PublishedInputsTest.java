package eu.sovereignstack.assessment.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

import eu.sovereignstack.assessment.CatalogStub;
import eu.sovereignstack.assessment.inventory.CsvColumn;
import eu.sovereignstack.testsupport.LocalPostgresDatabase;

/**
 * Every input the service takes is in its document, one operation per format, so a client
 * generated from it can send each: JSON, a CSV spreadsheet (with its columns and their rules),
 * a CycloneDX SBOM in JSON and in XML.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalPostgresDatabase.class, initArgs = @ResourceArg(name = "database", value = "assessment_test"))
@QuarkusTestResource(CatalogStub.class)
class PublishedInputsTest {

    private static final String COLLECTION = "/api/v1/assessments";

    @Test
    void eachFormatHasAnOperationOfItsOwnWithItsMediaTypes() throws Exception {
        JsonNode paths = document().path("paths");
        assertEquals(Map.of("createAssessment", List.of("application/json")), operation(paths, COLLECTION));
        assertEquals(Map.of("createAssessmentFromCsv", List.of("text/csv")), operation(paths, COLLECTION + "/csv"));
        assertEquals(Map.of("createAssessmentFromSbom", List.of("application/vnd.cyclonedx+json")),
                operation(paths, COLLECTION + "/sbom"));
        assertEquals(Map.of("createAssessmentFromSbomXml", List.of("application/vnd.cyclonedx+xml", "application/xml", "text/xml")),
                operation(paths, COLLECTION + "/sbom/xml"));
        for (String file : List.of("/csv", "/sbom", "/sbom/xml")) {
            List<String> parameters = new ArrayList<>();
            paths.path(COLLECTION + file).path("post").path("parameters").forEach(p -> parameters.add(p.path("name").asText()));
            assertEquals(List.of("country", "minimumSeal", "name", "organisation", "profile", "sector", "threshold",
                    "Idempotency-Key", "Prefer"), parameters, file);
        }
    }

    @Test
    void theCsvBodyListsEveryColumnTheParserReadsWithItsRule() throws Exception {
        String description = document().path("paths").path(COLLECTION + "/csv").path("post").path("requestBody")
                .path("description").asText();
        for (CsvColumn column : CsvColumn.values()) {
            assertTrue(description.contains("| " + column.header() + " | " + column.rule() + " |"), column + ": " + description);
        }
        assertTrue(description.contains("Only name is required"), description);
    }

    private static JsonNode document() throws Exception {
        return new ObjectMapper().readTree(given().accept("application/json").when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString());
    }

    /** The POST operation of a path: its id and the media types its body takes, in the document's order. */
    private static Map<String, List<String>> operation(JsonNode paths, String path) {
        JsonNode post = paths.path(path).path("post");
        List<String> types = new ArrayList<>();
        post.path("requestBody").path("content").fieldNames().forEachRemaining(types::add);
        return Map.of(post.path("operationId").asText(), types);
    }
}
