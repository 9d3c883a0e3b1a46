package eu.sovereignstack.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.http.Fault;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;

import eu.sovereignstack.testsupport.TestTokens;

@QuarkusTest
@TestProfile(CircuitBreakerTest.QuickBreaker.class)
@QuarkusTestResource(Backends.class)
class CircuitBreakerTest {

    /** The catalog's breaker opens after three failures in a row and tries again after three seconds. */
    public static class QuickBreaker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "gateway.backends.catalog.breaker-failures", "3",
                    "gateway.backends.catalog.breaker-reset", "3s",
                    "gateway.rate-limit.capacity", "100000");
        }
    }

    /** One token for all calls, as a real client uses it (each new token costs its address a request). */
    private static final String VIEWER = TestTokens.forAudience("sovereign-gateway").token("viewer", "demo-municipality", "catalog-viewer");

    private static Response categories() {
        return given().auth().oauth2(VIEWER).when().get("/api/v1/catalog/categories");
    }

    @Test
    void requestsTheClientAbandonsDoNotOpenTheBreaker() throws Exception {
        Backends.catalog.resetAll();
        Backends.catalog.stubFor(get(urlPathEqualTo("/api/v1/products"))
                .willReturn(aResponse().withStatus(200).withBody("{}").withFixedDelay(5000)));
        Backends.catalog.stubFor(get(urlPathEqualTo("/api/v1/categories")).willReturn(aResponse().withStatus(200).withBody("[]")));
        String token = TestTokens.forAudience("sovereign-gateway").token("viewer", "demo-municipality", "catalog-viewer");
        // As many abandoned requests in a row as open the breaker when they fail: each reaches the
        // backend, then its client closes the connection before the (slow) answer.
        for (int i = 1; i <= 3; i++) {
            try (Socket client = new Socket("localhost", RestAssured.port)) {
                client.getOutputStream().write(("GET /api/v1/catalog/products HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: Bearer " + token + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                client.getOutputStream().flush();
                int reached = i;
                await().atMost(Duration.ofSeconds(10)).until(() -> Backends.catalog.getAllServeEvents().size() >= reached);
            }
        }
        // An open breaker would answer 503 for its whole reset delay (3 s): every call in that time
        // must pass, however slowly the machine answers.
        Instant end = Instant.now().plus(Duration.ofSeconds(3));
        int calls = 0;
        while (Instant.now().isBefore(end) || calls == 0) {
            categories().then().statusCode(200);
            calls++;
        }
    }

    @Test
    void aFailingBackendOpensTheBreakerWhichAnswers503AtOnceAndRecoversByItself() {
        Backends.catalog.resetAll();
        Backends.catalog.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        for (int i = 0; i < 3; i++) {
            categories().then().statusCode(502);
        }
        int calls = Backends.catalog.countRequestsMatching(anyRequestedFor(anyUrl()).build()).getCount();
        categories().then().statusCode(503).contentType("application/problem+json").header("Retry-After", "3");
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
