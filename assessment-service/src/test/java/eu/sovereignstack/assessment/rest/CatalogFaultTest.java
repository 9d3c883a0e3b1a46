package eu.sovereignstack.assessment.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.http.Fault;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import eu.sovereignstack.assessment.CatalogStub;
import eu.sovereignstack.assessment.Tokens;
import eu.sovereignstack.testsupport.LocalPostgresDatabase;

/** The catalog failing: clear 503/504 problems, nothing half-saved, and recovery without a restart. */
@QuarkusTest
@TestProfile(CatalogFaultTest.FastFailingCatalog.class)
@QuarkusTestResource(value = LocalPostgresDatabase.class, initArgs = @ResourceArg(name = "database", value = "assessment_test"))
@QuarkusTestResource(CatalogStub.class)
class CatalogFaultTest {

    /**
     * Short timeouts, so the faults play out in seconds. The breaker stays open for 5 s: long enough that a
     * loaded machine still sends its next request while it is open (1.5 s was not, once, under CI load).
     */
    public static class FastFailingCatalog implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String method = "eu.sovereignstack.assessment.client.CatalogResolver/call/";
            return Map.of(
                    "quarkus.rest-client.catalog.read-timeout", "800",
                    method + "Timeout/value", "1000",
                    method + "Retry/delay", "20",
                    method + "Retry/jitter", "10",
                    method + "CircuitBreaker/delay", "5000");
        }
    }

    private static final String RESOLVE = "/api/v1/products/resolve";

    /** Each test starts with a healthy catalog and a closed breaker, whatever ran before it. */
    @AfterEach
    void catalogRecovers() {
        CatalogStub.server().resetToDefaultMappings();
        Instant deadline = Instant.now().plusSeconds(20);
        while (assess().statusCode() != 201) {
            assertTrue(Instant.now().isBefore(deadline), "the breaker did not close within 20 s");
        }
    }

    private static long stored() {
        return given().auth().oauth2(Tokens.assessor()).when().get(AssessmentResourceTest.ASSESSMENTS)
                .then().statusCode(200).extract().<Number>path("totalItems").longValue();
    }

    private static io.restassured.response.Response assess() {
        return given().auth().oauth2(Tokens.assessor()).contentType(ContentType.JSON)
                .body(AssessmentResourceTest.resource("assessments/municipality.json"))
                .when().post(AssessmentResourceTest.ASSESSMENTS);
    }

    @Test
    void aDeadCatalogIsA503AndABrokenOneOpensTheBreakerWhichRecoversByItself() {
        long before = stored();
        CatalogStub.server().stubFor(post(urlEqualTo(RESOLVE)).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assess().then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", equalTo("10"))
                .body("detail", containsString("Nothing was stored"));
        // Keep failing until the breaker opens: then it answers at once, without calling the catalog.
        Instant deadline = Instant.now().plusSeconds(20);
        String detail = "";
        while (!detail.contains("paused") && Instant.now().isBefore(deadline)) {
            detail = assess().then().statusCode(503).extract().path("detail");
        }
        assertTrue(detail.contains("paused"), "the breaker opened: " + detail);
        Instant started = Instant.now();
        assess().then().statusCode(503);
        assertTrue(Duration.between(started, Instant.now()).toMillis() < 500, "an open breaker fails fast");
        // Counted by when the catalog received them: the journal may record an earlier call late.
        assertEquals(0, CatalogStub.server().getAllServeEvents().stream()
                        .filter(event -> !event.getRequest().getLoggedDate().toInstant().isBefore(started)).count(),
                "an open breaker does not call the catalog");
        assertEquals(before, stored(), "nothing was half-saved");

        CatalogStub.server().resetToDefaultMappings();
        int status = 0;
        deadline = Instant.now().plusSeconds(20);
        while (status != 201 && Instant.now().isBefore(deadline)) {
            status = assess().statusCode();
        }
        assertEquals(201, status, "the breaker closed again once the catalog was back, without a restart");
        assertEquals(before + 1, stored(), "exactly the one assessment that succeeded was stored");
    }

    @Test
    void aSlowCatalogIsA504() {
        long before = stored();
        CatalogStub.server().stubFor(post(urlEqualTo(RESOLVE)).atPriority(1)
                .willReturn(aResponse().withStatus(200).withFixedDelay(3000).withBody("{}")));
        // The exchange's own time: the contract check of the answer (parsing the OpenAPI document the
        // first time) is the client's, and takes seconds on a busy machine.
        assess().then().statusCode(504).contentType("application/problem+json")
                .body("title", equalTo("Upstream timeout"))
                .time(lessThan(10_000L));
        assertEquals(before, stored());
    }

    @Test
    void aCatalogThatRefusesTheTokenIsA502() {
        CatalogStub.server().stubFor(post(urlEqualTo(RESOLVE)).atPriority(1)
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":401}")));
        assess().then().statusCode(502).contentType("application/problem+json")
                .body("detail", containsString("401"));
    }
}
