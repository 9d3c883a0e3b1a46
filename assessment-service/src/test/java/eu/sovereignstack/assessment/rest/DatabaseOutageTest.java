package eu.sovereignstack.assessment.rest;

import static eu.sovereignstack.assessment.rest.AssessmentResourceTest.ASSESSMENTS;
import static eu.sovereignstack.assessment.rest.AssessmentResourceTest.as;
import static eu.sovereignstack.assessment.rest.AssessmentResourceTest.createMunicipality;
import static eu.sovereignstack.assessment.rest.AssessmentResourceTest.resource;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import eu.sovereignstack.assessment.CatalogStub;
import eu.sovereignstack.assessment.Tokens;
import eu.sovereignstack.testsupport.UnreliablePostgresDatabase;

/**
 * PostgreSQL goes away under the assessment-service and comes back: readiness says so and
 * liveness does not, an assessment computed meanwhile is refused with a 503 problem (not stored,
 * not half-stored), acknowledged ones are all there afterwards, and the service recovers by itself.
 */
@QuarkusTest
@QuarkusTestResource(value = UnreliablePostgresDatabase.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "database", value = "assessment_test"))
@QuarkusTestResource(value = CatalogStub.class, restrictToAnnotatedClass = true)
class DatabaseOutageTest {

    @AfterEach
    void restore() {
        UnreliablePostgresDatabase.link().restore();
    }

    @Test
    void anOutageIsA503AndNothingAcknowledgedIsLost() {
        String acknowledged = createMunicipality(Tokens.assessor());
        long before = count();

        UnreliablePostgresDatabase.link().cut();
        given().when().get("/q/health/ready").then().statusCode(503);
        given().when().get("/q/health/live").then().statusCode(200);
        as(Tokens.assessor()).when().get(ASSESSMENTS + "/" + acknowledged)
                .then().statusCode(503).contentType("application/problem+json").header("Retry-After", equalTo("5"));
        as(Tokens.assessor()).contentType(ContentType.JSON).body(resource("assessments/municipality.json"))
                .when().post(ASSESSMENTS)
                .then().statusCode(503).contentType("application/problem+json");

        UnreliablePostgresDatabase.link().restore();
        Instant deadline = Instant.now().plusSeconds(30);
        while (given().when().get("/q/health/ready").statusCode() != 200) {
            assertTrue(Instant.now().isBefore(deadline), "readiness did not come back within 30 s");
        }
        as(Tokens.assessor()).when().get(ASSESSMENTS + "/" + acknowledged).then().statusCode(200);
        assertEquals(before, count(), "the assessment refused during the outage was not stored");
    }

    private static long count() {
        return ((Number) as(Tokens.assessor()).queryParam("size", 1).when().get(ASSESSMENTS).then().statusCode(200)
                .extract().path("totalItems")).longValue();
    }
}
