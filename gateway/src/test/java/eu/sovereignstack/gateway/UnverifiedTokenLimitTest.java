package eu.sovereignstack.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;

import eu.sovereignstack.testsupport.TestTokens;

/**
 * Requests whose token has not been verified are limited by client address before any signature
 * is checked; the client address is read from X-Forwarded-For only behind a trusted proxy (here
 * the tests themselves, on 127.0.0.1, so each test picks its own address).
 */
@QuarkusTest
@TestProfile(UnverifiedTokenLimitTest.BehindATrustedProxy.class)
@QuarkusTestResource(Backends.class)
class UnverifiedTokenLimitTest {

    /** Three unverified tokens and two anonymous requests per address, refilled one a minute. */
    public static class BehindATrustedProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "gateway.trusted-proxies", "127.0.0.1/32,::1",
                    "gateway.rate-limit.unverified-capacity", "3",
                    "gateway.rate-limit.unverified-per-minute", "1",
                    "gateway.rate-limit.anonymous-capacity", "2",
                    "gateway.rate-limit.anonymous-per-minute", "1");
        }
    }

    private static final TestTokens TOKENS = TestTokens.forAudience("sovereign-gateway");
    private static final String CATEGORIES = "/api/v1/catalog/categories";

    @BeforeEach
    void backend() {
        Backends.catalog.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("[]")));
    }

    private static RequestSpecification from(String address) {
        return given().header("X-Forwarded-For", "192.0.2.1, " + address);
    }

    @Test
    void aFloodOfBadTokensGets429WithoutASignatureCheckEach() {
        String forged = TOKENS.token("mallory", "demo-municipality", "catalog-viewer") + "x";
        for (int i = 0; i < 3; i++) {
            from("203.0.113.10").auth().oauth2(forged).when().get(CATEGORIES).then().statusCode(401);
        }
        // Refused before authentication: a 429, where checking the token would have answered 401.
        from("203.0.113.10").auth().oauth2(forged).when().get(CATEGORIES).then().statusCode(429)
                .header("Retry-After", matchesPattern("[1-9][0-9]*"));
        // A good token never seen before is unverified too, so its address's flood holds it back...
        String fresh = TOKENS.token("newcomer", "demo-municipality", "catalog-viewer");
        from("203.0.113.10").auth().oauth2(fresh).when().get(CATEGORIES).then().statusCode(429);
        // ...while other addresses are not affected.
        from("203.0.113.11").auth().oauth2(fresh).when().get(CATEGORIES).then().statusCode(200);
        from("203.0.113.11").auth().oauth2(forged).when().get(CATEGORIES).then().statusCode(401);
    }

    @Test
    void aVerifiedTokenIsNoLongerChargedToItsAddress() {
        String token = TOKENS.token("regular", "demo-municipality", "catalog-viewer");
        for (int i = 0; i < 5; i++) {
            from("203.0.113.20").auth().oauth2(token).when().get(CATEGORIES).then().statusCode(200);
        }
        String forged = token + "x";
        from("203.0.113.20").auth().oauth2(forged).when().get(CATEGORIES).then().statusCode(401);
        from("203.0.113.20").auth().oauth2(forged).when().get(CATEGORIES).then().statusCode(401);
        from("203.0.113.20").auth().oauth2(forged).when().get(CATEGORIES).then().statusCode(429);
        from("203.0.113.20").auth().oauth2(token).when().get(CATEGORIES).then().statusCode(200);
    }

    @Test
    void anonymousCallersAreLimitedByTheAddressTheTrustedProxySaw() {
        from("203.0.113.30").when().get("/q/health/live").then().statusCode(200).header("RateLimit-Limit", equalTo("2"));
        from("203.0.113.30").when().get("/q/health/live").then().statusCode(200);
        from("203.0.113.30").when().get("/q/health/live").then().statusCode(429);
        // The client-written part of the header (left of the proxy's entry) changes nothing.
        given().header("X-Forwarded-For", "198.51.100.1, 203.0.113.30").when().get("/q/health/live").then().statusCode(429);
        from("203.0.113.31").when().get("/q/health/live").then().statusCode(200);
    }
}
