package eu.sovereignstack.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import eu.sovereignstack.testsupport.TestTokens;

/**
 * The trace context the gateway forwards (its own server span, observability/ServerSpans): a
 * caller's sampled trace is continued below the gateway's spans; a request without one still
 * gets a trace id of its own, unsampled, so every service crossed logs the same id.
 */
@QuarkusTest
@QuarkusTestResource(Backends.class)
class TracingTest {

    private static final TestTokens TOKENS = TestTokens.forAudience("sovereign-gateway", "catalog-service");
    private static final Pattern TRACEPARENT = Pattern.compile("^00-([0-9a-f]{32})-([0-9a-f]{16})-(0[01])$");
    private static final String CALLER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN = "00f067aa0ba902b7";

    @BeforeEach
    void stubCatalog() {
        Backends.catalog.resetAll();
        Backends.catalog.stubFor(get(urlPathEqualTo("/api/v1/products/keycloak"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}")));
    }

    @Test
    void aSampledTraceOfTheCallerIsContinuedBelowTheGatewaysSpans() {
        Matcher forwarded = forward("00-" + CALLER_TRACE + "-" + CALLER_SPAN + "-01");

        assertEquals(CALLER_TRACE, forwarded.group(1), "the same trace");
        assertNotEquals(CALLER_SPAN, forwarded.group(2), "the service's parent is the gateway's span, not the caller's");
        assertEquals("01", forwarded.group(3), "still sampled");
    }

    @Test
    void aRequestWithoutATraceGetsOneOfItsOwnUnsampled() {
        Matcher first = forward(null);
        Matcher second = forward(null);

        assertEquals("00", first.group(3), "the configured ratio (0 here) samples nothing of its own");
        assertNotEquals(first.group(1), second.group(1), "each exchange its own trace id");
        assertNotEquals("0".repeat(32), first.group(1));
    }

    /** Sends a catalog read with this traceparent (or none) and returns the one the catalog received. */
    private static Matcher forward(String traceparent) {
        Backends.catalog.resetRequests();
        var request = given().auth().oauth2(TOKENS.token("viewer", "demo-municipality", "catalog-viewer"));
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        request.when().get("/api/v1/catalog/products/keycloak").then().statusCode(200);
        List<LoggedRequest> received = Backends.catalog.findAll(com.github.tomakehurst.wiremock.client.WireMock
                .getRequestedFor(urlPathEqualTo("/api/v1/products/keycloak")));
        assertEquals(1, received.size());
        Matcher matcher = TRACEPARENT.matcher(String.valueOf(received.get(0).getHeader("traceparent")));
        assertTrue(matcher.matches(), "a W3C traceparent: " + received.get(0).getHeader("traceparent"));
        return matcher;
    }
}
