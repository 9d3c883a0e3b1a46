package eu.sovereignstack.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;

import eu.sovereignstack.testsupport.TestTokens;

/**
 * A token the gateway has verified is not verified again on its next requests, yet every answer
 * stays the one a full verification would give: expiry, roles and the exact token still decide.
 */
@QuarkusTest
@QuarkusTestResource(Backends.class)
class VerifiedTokenCacheTest {

    private static final TestTokens TOKENS = TestTokens.forAudience("sovereign-gateway", "catalog-service", "assessment-service");
    private static final String ORG = "demo-municipality";
    private static final String PRODUCTS = "/api/v1/catalog/products";

    @Inject
    Verifications verifications;

    @BeforeEach
    void backends() {
        Backends.catalog.resetAll();
        Backends.catalog.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
        Backends.catalog.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(201).withBody("{}")));
    }

    @Test
    void aTokenIsVerifiedOnceForAllItsRequests() {
        String token = TOKENS.token("cached-viewer", ORG, "catalog-viewer");

        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).when().get(PRODUCTS).then().statusCode(200);
        }

        assertEquals(1, verifications.of(token), "full verifications of a token used three times");
        given().auth().oauth2(token + "A").when().get(PRODUCTS).then().statusCode(401);
        given().auth().oauth2(token.substring(0, token.length() - 2)).when().get(PRODUCTS).then().statusCode(401);
    }

    @Test
    void eachTokenKeepsItsOwnRoles() {
        String viewer = TOKENS.token("same-person", ORG, "catalog-viewer");
        String editor = TOKENS.token("same-person", ORG, "catalog-editor", "catalog-viewer");
        given().auth().oauth2(editor).contentType("application/json").body("{}").when().post(PRODUCTS).then().statusCode(201);
        given().auth().oauth2(viewer).when().get(PRODUCTS).then().statusCode(200);

        given().auth().oauth2(viewer).contentType("application/json").body("{}").when().post(PRODUCTS).then().statusCode(403);
        given().auth().oauth2(editor).contentType("application/json").body("{}").when().post(PRODUCTS).then().statusCode(201);
    }

    @Test
    void aTokenIsRefusedFromItsExpiryOnEvenThoughItWasVerified() {
        String token = TOKENS.expiringIn(Duration.ofSeconds(3), "short-lived", ORG, "catalog-viewer");
        given().auth().oauth2(token).when().get(PRODUCTS).then().statusCode(200);

        Instant[] lastAccepted = { Instant.now() };
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> {
            Instant sent = Instant.now();
            int status = given().auth().oauth2(token).when().get(PRODUCTS).then().extract().statusCode();
            if (status == 200) {
                lastAccepted[0] = sent;
            }
            return status == 401;
        });

        long expiry = expiry(token);
        assertTrue(lastAccepted[0].getEpochSecond() < expiry, "accepted when sent at " + lastAccepted[0] + ", after its expiry " + expiry);
        given().auth().oauth2(token).when().get(PRODUCTS).then().statusCode(401).contentType("application/problem+json");
    }

    /** The {@code exp} claim of a compact JWT. */
    private static long expiry(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return Long.parseLong(payload.replaceAll("(?s).*\"exp\"\\s*:\\s*(\\d+).*", "$1"));
    }

    /** Counts the tokens Quarkus verified in full: augmentors run only after a full verification. */
    @ApplicationScoped
    static class Verifications implements SecurityIdentityAugmentor {

        private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

        int of(String token) {
            AtomicInteger count = counts.get(token);
            return count == null ? 0 : count.get();
        }

        @Override
        public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
            if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getRawToken() != null) {
                counts.computeIfAbsent(jwt.getRawToken(), token -> new AtomicInteger()).incrementAndGet();
            }
            return Uni.createFrom().item(identity);
        }
    }
}
