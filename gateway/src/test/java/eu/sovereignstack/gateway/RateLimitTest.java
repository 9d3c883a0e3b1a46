package eu.sovereignstack.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import eu.sovereignstack.testsupport.TestTokens;

@QuarkusTest
@TestProfile(RateLimitTest.TightLimits.class)
@QuarkusTestResource(Backends.class)
class RateLimitTest {

    /** Three requests per caller and two per anonymous address, refilled one a minute. */
    public static class TightLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "gateway.rate-limit.capacity", "3",
                    "gateway.rate-limit.per-minute", "1",
                    "gateway.rate-limit.anonymous-capacity", "2",
                    "gateway.rate-limit.anonymous-per-minute", "1");
        }
    }

    private static final TestTokens TOKENS = TestTokens.forAudience("sovereign-gateway");

    @Test
    void eachCallerHasItsOwnBucket() {
        Backends.catalog.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
        String alice = TOKENS.token("alice", "demo-municipality", "catalog-viewer");
        for (int i = 0; i < 3; i++) {
            // Each answer tells the quota: 3 in all, what is left, and when the bucket is full again (1 a minute).
            given().auth().oauth2(alice).when().get("/api/v1/catalog/categories").then().statusCode(200)
                    .header("RateLimit-Limit", equalTo("3"))
                    .header("RateLimit-Remaining", equalTo(String.valueOf(2 - i)))
                    .header("RateLimit-Reset", equalTo(String.valueOf(60 * (i + 1))));
        }
        given().auth().oauth2(alice).when().get("/api/v1/catalog/categories")
                .then().statusCode(429).contentType("application/problem+json")
                .header("RateLimit-Remaining", equalTo("0"))
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body("detail", containsString("Too many requests"));
        String bob = TOKENS.token("bob", "demo-municipality", "catalog-viewer");
        given().auth().oauth2(bob).when().get("/api/v1/catalog/categories").then().statusCode(200);
        // A fresh token of the same subject shares the subject's bucket.
        given().auth().oauth2(TOKENS.token("alice", "demo-municipality", "catalog-viewer"))
                .when().get("/api/v1/catalog/categories").then().statusCode(429);
    }

    @Test
    void anonymousCallersAreLimitedByAddress() {
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/health/live").then().statusCode(429).header("Retry-After", matchesPattern("[1-9][0-9]*"));
        given().when().get("/api/v1/catalog/products").then().statusCode(429);
    }
}
