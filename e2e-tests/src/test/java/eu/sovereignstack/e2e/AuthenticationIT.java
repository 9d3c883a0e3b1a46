package eu.sovereignstack.e2e;

import static eu.sovereignstack.e2e.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import eu.sovereignstack.e2e.support.Api;
import eu.sovereignstack.e2e.support.Jwt;
import eu.sovereignstack.e2e.support.Poll;
import eu.sovereignstack.e2e.support.Reply;
import eu.sovereignstack.e2e.support.SovereignStack;
import eu.sovereignstack.e2e.support.SovereignStackTest;
import eu.sovereignstack.e2e.support.Tokens;
import eu.sovereignstack.e2e.support.User;

/**
 * Who gets in: a valid token of a trusted realm with our audience. Everything else is a 401
 * problem, whoever signed it. Forged tokens start from a real one, so that only the one flaw
 * under test differs.
 */
@SovereignStackTest
class AuthenticationIT {

    private static final String PRODUCTS = "/api/v1/catalog/products";
    private static final int SHORT_LIFESPAN_SECONDS = 3;

    private final Api gateway;
    private final Tokens tokens;

    AuthenticationIT(SovereignStack stack) {
        this.gateway = stack.gateway();
        this.tokens = stack.tokens();
    }

    @Test
    void aValidTokenOfEachTrustedRealmGetsIn() {
        Reply sovereign = gateway.as(User.VIEWER).get(PRODUCTS);
        assertEquals(200, sovereign.status(), sovereign::toString);
        Reply partner = gateway.as(User.PARTNER_VIEWER).get(PRODUCTS);
        assertEquals(200, partner.status(), partner::toString);
    }

    @Test
    void noTokenIs401() {
        Reply reply = gateway.anonymous().get(PRODUCTS);
        assertProblem(reply, 401, "unauthenticated");
        assertEquals("Bearer", reply.header("WWW-Authenticate").orElse(null));
    }

    @Test
    void somethingThatIsNoJwtIs401() {
        assertInvalidToken(gateway.withToken("not-a-jwt").get(PRODUCTS));
    }

    @Test
    void aRealTokenIsRefusedOnceItHasExpired() {
        String token = tokens.shortLivedAccessToken(User.VIEWER, SHORT_LIFESPAN_SECONDS);
        long expiry = Jwt.parse(token).claims().path("exp").asLong();
        assertEquals(200, gateway.withToken(token).get(PRODUCTS).status(), "valid while it lives");
        // Time has to pass: ask again until the gateway refuses it, within a deadline.
        Reply reply = Poll.until(() -> gateway.withToken(token).get(PRODUCTS), answer -> answer.status() != 200,
                Duration.ofSeconds(SHORT_LIFESPAN_SECONDS + 60));
        assertTrue(Instant.now().getEpochSecond() >= expiry, "refused only once expired");
        assertInvalidToken(reply);
    }

    @Test
    void aForgedTokenThatExpiredLongAgoIs401() {
        long now = Instant.now().getEpochSecond();
        String expired = Jwt.parse(tokens.accessToken(User.VIEWER))
                .withClaims(claims -> claims.put("iat", now - 3600).put("exp", now - 3300))
                .signedWithForeignKey();
        assertInvalidToken(gateway.withToken(expired).get(PRODUCTS));
    }

    @Test
    void aRealAccessTokenWithoutOurAudienceIs401() {
        String token = tokens.accessTokenForAnotherAudience(User.VIEWER);
        String audience = Jwt.parse(token).claims().path("aud").toString();
        assertTrue(!audience.contains("sovereign-gateway"), "precondition: no gateway audience in " + audience);
        assertInvalidToken(gateway.withToken(token).get(PRODUCTS));
    }

    @Test
    void aRealTokenWhoseClaimsWereChangedIs401() {
        String real = tokens.accessToken(User.VIEWER);
        String promoted = Jwt.parse(real)
                .withClaims(claims -> ((ObjectNode) claims.path("realm_access")).putArray("roles").add("catalog-viewer").add("catalog-editor"))
                .compact();
        assertEquals(200, gateway.withToken(real).get(PRODUCTS).status(), "the untouched token is fine");
        assertInvalidToken(gateway.withToken(promoted).get(PRODUCTS));
    }

    @Test
    void anUnsignedTokenIs401() {
        assertInvalidToken(gateway.withToken(Jwt.parse(tokens.accessToken(User.VIEWER)).unsigned()).get(PRODUCTS));
    }

    @Test
    void aRealTokenOfAnIssuerNoServiceTrustsIs401() {
        // Keycloak's own master realm: a real, valid, signed access token of an issuer we do not trust.
        assertInvalidToken(gateway.withToken(tokens.masterRealmToken()).get(PRODUCTS));
    }

    @Test
    void aForeignIssuersTokenWithOurClaimsIs401() {
        String foreign = Jwt.parse(tokens.accessToken(User.VIEWER))
                .withClaims(claims -> claims.put("iss", "https://idp.example.com/realms/sovereign"))
                .signedWithForeignKey();
        assertInvalidToken(gateway.withToken(foreign).get(PRODUCTS));
    }

    @Test
    void aRealTokenForAnotherAudienceIs401() {
        // The ID token of the same login: signed by the sovereign realm, valid, but its audience
        // is the client (sovereign-cli), not the gateway.
        String idToken = tokens.idToken(User.VIEWER);
        assertEquals("sovereign-cli", Jwt.parse(idToken).claims().path("aud").asText(), "precondition: audience");
        assertInvalidToken(gateway.withToken(idToken).get(PRODUCTS));
    }

    @Test
    void aRealRefreshTokenIs401() {
        String refreshToken = tokens.refreshToken(User.VIEWER);
        assertEquals("Refresh", Jwt.parse(refreshToken).claims().path("typ").asText(), "precondition: a refresh token");
        assertInvalidToken(gateway.withToken(refreshToken).get(PRODUCTS));
        assertInvalidToken(gateway.withToken(refreshToken).get("/api/v1/assessments"));
    }

    @Test
    void theAssessmentRoutesAnswerTheSame() {
        assertProblem(gateway.anonymous().get("/api/v1/assessments"), 401, "unauthenticated");
        assertInvalidToken(gateway.withToken(tokens.masterRealmToken()).get("/api/v1/assessments"));
    }

    private static void assertInvalidToken(Reply reply) {
        assertProblem(reply, 401, "unauthenticated");
        String challenge = reply.header("WWW-Authenticate").orElse("");
        assertTrue(challenge.startsWith("Bearer") && challenge.contains("invalid_token"), () -> "challenge of " + reply);
    }
}
