package eu.sovereignstack.assessment.rest;

import static eu.sovereignstack.assessment.rest.AssessmentResourceTest.ASSESSMENTS;
import static eu.sovereignstack.assessment.rest.AssessmentResourceTest.as;
import static eu.sovereignstack.assessment.rest.AssessmentResourceTest.createMunicipality;
import static eu.sovereignstack.assessment.rest.AssessmentResourceTest.resource;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import eu.sovereignstack.assessment.CatalogStub;
import eu.sovereignstack.assessment.Tokens;
import eu.sovereignstack.assessment.domain.Limits;

/** One item result of an assessment, read by the item's id without reading the others. */
@QuarkusTest
@QuarkusTestResource(value = CatalogStub.class, restrictToAnnotatedClass = true)
class AssessmentItemTest {

    /**
     * The municipality's items under ids that a path segment has to encode: a bom-ref (a purl
     * with an encoded @ in it), spaces, delimiters of paths, queries and fragments, quotes, a
     * backslash, letters beyond ASCII and the longest id an inventory may have. The catalog is
     * asked by position and name, so its recorded answer still fits.
     */
    private static final Map<String, String> RENAMED = new LinkedHashMap<>();

    static {
        RENAMED.put("idp", "pkg:npm/%40scope/name@1.0");
        RENAMED.put("virtualisation", "a b");
        RENAMED.put("office", "a;b=c?d#e&f+g/h");
        RENAMED.put("meetings", "caf\u00e9 \"quoted\" \\ \uD83D\uDE00");
        RENAMED.put("storage", "s".repeat(Limits.ID));
        RENAMED.put("portal", "a.b..c~*'()!$,[]{}|^`<>");
    }

    @Test
    void anItemIsTheItemOfItsPage() {
        String id = createMunicipality(Tokens.assessor());
        List<Map<String, Object>> page = as(Tokens.assessor()).queryParam("size", 100).when().get(ASSESSMENTS + "/" + id + "/items")
                .then().statusCode(200).extract().jsonPath().getList("items");
        assertEquals(6, page.size());
        for (Map<String, Object> expected : page) {
            assertEquals(expected, item(Tokens.assessor(), id, segment((String) expected.get("id"))).statusCode(200)
                    .contentType(ContentType.JSON).extract().jsonPath().getMap(""));
        }
    }

    @Test
    void anIdOfNoItemOfTheAssessmentIsA404NamingIt() {
        String id = createMunicipality(Tokens.assessor());
        String other = createRenamed();
        item(Tokens.assessor(), id, "no-such-item").statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("No item 'no-such-item' in the assessment '" + id + "'."));
        // Another assessment's item, of the same organisation, is not this one's.
        String bomRef = RENAMED.get("idp");
        item(Tokens.assessor(), id, segment(bomRef)).statusCode(404)
                .body("detail", equalTo("No item '" + bomRef + "' in the assessment '" + id + "'."));
        item(Tokens.assessor(), other, "idp").statusCode(404)
                .body("detail", equalTo("No item 'idp' in the assessment '" + other + "'."));
        item(Tokens.assessor(), id, "idp").statusCode(200).body("id", equalTo("idp"));
    }

    @Test
    void idsWithAnyCharacterAreFoundPercentEncoded() {
        String id = createRenamed();
        List<Map<String, Object>> page = as(Tokens.assessor()).queryParam("size", 100).when().get(ASSESSMENTS + "/" + id + "/items")
                .then().statusCode(200).extract().jsonPath().getList("items");
        assertEquals(List.copyOf(RENAMED.values()), page.stream().map(item -> item.get("id")).toList(),
                "the inventory's order, its ids as they were sent");
        for (Map<String, Object> expected : page) {
            String itemId = (String) expected.get("id");
            assertEquals(expected, item(Tokens.assessor(), id, segment(itemId)).statusCode(200).extract().jsonPath().getMap(""),
                    itemId);
        }
        // Characters a path segment may hold as they are (RFC 3986 pchar) need not be encoded; / and % must be.
        item(Tokens.assessor(), id, "pkg:npm%2F%2540scope%2Fname@1.0").statusCode(200).body("id", equalTo(RENAMED.get("idp")));
        item(Tokens.assessor(), id, "a%20b").statusCode(200).body("id", equalTo("a b"));
    }

    @Test
    void anIdNoInventoryItemCouldHaveIsA400() {
        String id = createRenamed();
        item(Tokens.assessor(), id, "s".repeat(Limits.ID)).statusCode(200).body("id", equalTo(RENAMED.get("storage")));
        item(Tokens.assessor(), id, "s".repeat(Limits.ID + 1)).statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("item")));
        item(Tokens.assessor(), id, "a%0Ab").statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("item")))
                .body("errors[0].message", equalTo("must be a single line without control characters"));
    }

    @Test
    void onlyAssessorsOfTheOrganisationReadItsItems() {
        String id = createMunicipality(Tokens.assessor());
        for (String stranger : List.of(Tokens.otherOrgAssessor(), Tokens.otherOrgAdmin(), Tokens.partnerAssessor())) {
            item(stranger, id, "idp").statusCode(404).contentType("application/problem+json")
                    .body("detail", equalTo("No assessment '" + id + "'."));
        }
        item(Tokens.assessor(), "not-an-assessment", "idp").statusCode(404).body("detail", equalTo("No assessment 'not-an-assessment'."));
        item(Tokens.viewer(), id, "idp").statusCode(403).contentType("application/problem+json");
        given().urlEncodingEnabled(false).when().get(ASSESSMENTS + "/" + id + "/items/idp")
                .then().statusCode(401).contentType("application/problem+json");
        item(Tokens.orgAdmin(), id, "idp").statusCode(200).body("id", equalTo("idp"));
    }

    /** GET of an item, the path sent exactly as given ({@code encodedItem} already percent-encoded). */
    private static ValidatableResponse item(String token, String assessment, String encodedItem) {
        return as(token).urlEncodingEnabled(false).when().get(ASSESSMENTS + "/" + assessment + "/items/" + encodedItem).then();
    }

    /** An id as one path segment: every octet but letters, digits and - . _ * percent-encoded. */
    private static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String createRenamed() {
        try {
            ObjectNode inventory = (ObjectNode) new ObjectMapper().readTree(resource("assessments/municipality.json"));
            for (JsonNode node : inventory.get("items")) {
                ObjectNode item = (ObjectNode) node;
                item.put("id", RENAMED.get(item.get("id").asText()));
                JsonNode dependsOn = item.get("dependsOn");
                if (dependsOn != null) {
                    ArrayNode renamed = item.putArray("dependsOn");
                    dependsOn.forEach(dependency -> renamed.add(RENAMED.get(dependency.asText())));
                }
            }
            return as(Tokens.assessor()).contentType(ContentType.JSON).body(inventory.toString())
                    .when().post(ASSESSMENTS).then().statusCode(201).extract().path("id");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
