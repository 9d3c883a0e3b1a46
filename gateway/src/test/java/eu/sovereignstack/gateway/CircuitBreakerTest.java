package eu.sovereignstack.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.http.Fault;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

import eu.sovereignstack.testsupport.TestTokens;

@QuarkusTest
@TestProfile(CircuitBreakerTest.QuickBreaker.class)
@QuarkusTestResource(Backends.class)
class CircuitBreakerTest {

    /** The catalog's breaker opens after three failures in a row and tries again after one second. */
    public static class QuickBreaker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "gateway.backends.catalog.breaker-failures", "3",
                    "gateway.backends.catalog.breaker-reset", "1s",
                    "gateway.rate-limit.capacity", "100000");
        }
    }

    private static Response categories() {
        return given().auth().oauth2(TestTokens.forAudience("sovereign-gateway").token("viewer", "demo-municipality", "catalog-viewer"))
                .when().get("/api/v1/catalog/categories");
    }

    @Test
    void aFailingBackendOpensTheBreakerWhichAnswers503AtOnceAndRecoversByItself() {
        Backends.catalog.resetAll();
        Backends.catalog.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        for (int i = 0; i < 3; i++) {
            categories().then().statusCode(502);
        }
        int calls = Backends.catalog.countRequestsMatching(anyRequestedFor(anyUrl()).build()).getCount();
        categories().then().statusCode(503).contentType("application/problem+json").header("Retry-After", "1");
        assertEquals(calls, Backends.catalog.countRequestsMatching(anyRequestedFor(anyUrl()).build()).getCount(),
                "an open breaker does not call the backend");

        Backends.catalog.resetAll();
        Backends.catalog.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("[]")));
        Instant deadline = Instant.now().plusSeconds(10);
        int status = 0;
        while (status != 200 && Instant.now().isBefore(deadline)) {
            status = categories().statusCode();
        }
        assertEquals(200, status, "the breaker closed once the backend answered again");
        assertTrue(Instant.now().isBefore(deadline));
    }
}
