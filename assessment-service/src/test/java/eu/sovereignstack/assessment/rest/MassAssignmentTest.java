package eu.sovereignstack.assessment.rest;

import static eu.sovereignstack.assessment.rest.AssessmentResourceTest.ASSESSMENTS;
import static eu.sovereignstack.assessment.rest.AssessmentResourceTest.as;
import static eu.sovereignstack.assessment.rest.AssessmentResourceTest.resource;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import eu.sovereignstack.assessment.CatalogStub;
import eu.sovereignstack.assessment.Tokens;
import eu.sovereignstack.testsupport.LocalPostgresDatabase;

/**
 * What the server decides cannot be sent (OWASP API3, mass assignment): the tenant, the id, the
 * creator, the time or the result of an assessment in the request body is a 400 naming the field,
 * and nothing is stored.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalPostgresDatabase.class, initArgs = @ResourceArg(name = "database", value = "assessment_test"))
@QuarkusTestResource(CatalogStub.class)
class MassAssignmentTest {

    @ParameterizedTest
    @ValueSource(strings = {"\"tenant\": \"https://attacker.example|demo-agency\"", "\"org\": \"demo-agency\"",
            "\"id\": \"00000000-0000-0000-0000-000000000001\"", "\"createdBy\": \"mallory\"",
            "\"createdAt\": \"2020-01-01T00:00:00Z\"", "\"result\": {}", "\"version\": 7"})
    void serverDecidedFieldsAreRefused(String field) {
        long before = count();
        String body = resource("assessments/municipality.json").replaceFirst("\\{", "{" + field + ", ");
        String name = field.substring(1, field.indexOf('"', 1));
        as(Tokens.assessor()).contentType(ContentType.JSON).body(body).when().post(ASSESSMENTS)
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(name));
        assertEquals(before, count());
    }

    private static long count() {
        return ((Number) as(Tokens.assessor()).queryParam("size", 1).when().get(ASSESSMENTS).then().statusCode(200)
                .extract().path("totalItems")).longValue();
    }
}
