package eu.sovereignstack.assessment.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import eu.sovereignstack.assessment.CatalogStub;
import eu.sovereignstack.assessment.Tokens;
import eu.sovereignstack.testsupport.LocalPostgresDatabase;

/**
 * Every inventory format refuses the same bad values, with a 400 naming the field (or the SBOM
 * path), before anything is resolved or stored: a malformed purl, a country that ISO 3166-1 does
 * not assign, a licence that is not an SPDX expression, an SBOM dependency on no component.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalPostgresDatabase.class, initArgs = @ResourceArg(name = "database", value = "assessment_test"))
@QuarkusTestResource(CatalogStub.class)
class InventoryValuesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode municipality() throws Exception {
        return (ObjectNode) JSON.readTree(AssessmentResourceTest.resource("assessments/municipality.json"));
    }

    private static void refusedJson(Consumer<ObjectNode> change, String field) throws Exception {
        ObjectNode inventory = municipality();
        change.accept(inventory);
        given().auth().oauth2(Tokens.assessor()).contentType(ContentType.JSON).body(inventory.toString())
                .when().post(AssessmentResourceTest.ASSESSMENTS)
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(field));
    }

    private static ObjectNode item(ObjectNode inventory, int index) {
        return (ObjectNode) inventory.withArray("items").get(index);
    }

    @Test
    void jsonInventoriesRefuseBadPurlsCountriesLocationsAndLicences() throws Exception {
        refusedJson(i -> item(i, 0).put("purl", "not a purl"), "items[0].purl");
        refusedJson(i -> ((ObjectNode) i.get("organisation")).put("country", "XX"), "organisation.country");
        refusedJson(i -> ((ObjectNode) item(i, 2).get("deployment")).putArray("dataLocations").add("IE").add("ZZ"),
                "items[2].deployment.dataLocations[1]");
        refusedJson(i -> ((ObjectNode) item(i, 0).get("deployment")).put("providerCountry", "QQ"),
                "items[0].deployment.providerCountry");
        refusedJson(i -> item(i, 1).put("licence", "GPL-9.0 AND AND"), "items[1].licence");
    }

    @Test
    void sbomsRefuseBadPurlsLicencesAndDependenciesOnNothing() throws Exception {
        refusedSbom(bom -> ((ObjectNode) bom.withArray("components").get(0)).put("purl", "pkg:"), "components[0].purl");
        refusedSbom(bom -> ((ObjectNode) bom.withArray("components").get(0)).set("licenses",
                JSON.valueToTree(List.of(Map.of("expression", "GPL-9.0 AND AND")))), "items[0].licence");
        refusedSbom(bom -> ((ArrayNode) bom.withArray("dependencies").get(0).withArray("dependsOn")).add("no-such-ref"),
                "dependencies[0].dependsOn[4]");
    }

    private static void refusedSbom(Consumer<ObjectNode> change, String field) throws Exception {
        ObjectNode bom = (ObjectNode) JSON.readTree(AssessmentResourceTest.resource("inventories/citizen-portal-1.6.cdx.json"));
        change.accept(bom);
        given().auth().oauth2(Tokens.assessor()).contentType("application/vnd.cyclonedx+json").body(bom.toString())
                .when().post(AssessmentResourceTest.ASSESSMENTS + "/sbom")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field))
                .body("detail", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void csvNamesTheLineOfABadPurl() {
        String csv = "name,purl\nKeycloak,pkg:maven/org.keycloak/keycloak-core\nBroken,pkg:\n";
        given().auth().oauth2(Tokens.assessor()).contentType("text/csv").queryParam("organisation", "Ville d'Exemple")
                .body(csv).when().post(AssessmentResourceTest.ASSESSMENTS + "/csv")
                .then().statusCode(400).body("errors.field", hasItem(containsString("line 3")));
    }
}
