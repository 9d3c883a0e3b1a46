package eu.sovereignstack.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Access tokens shaped like the sovereign realm's (realm roles under realm_access, an org
 * claim, our audience), signed with the key of quarkus-test-oidc-server whose public half the
 * test profile trusts.
 */
public final class TestTokens {

    public static final String ISSUER = "https://server.example.com";
    public static final String AUDIENCE = "catalog-service";

    static {
        // A failing assertion shows the whole exchange, problem body included.
        io.restassured.RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private TestTokens() {
    }

    public static String viewer() {
        return token("viewer", "catalog-viewer");
    }

    public static String editor() {
        return token("editor", "catalog-editor", "catalog-viewer");
    }

    public static String token(String user, String... roles) {
        return claims(user, roles).sign("privateKey.jwk");
    }

    public static String expired() {
        return claims("viewer", "catalog-viewer")
                .issuedAt(Instant.now().minusSeconds(3600))
                .expiresAt(Instant.now().minusSeconds(1800))
                .sign("privateKey.jwk");
    }

    public static String wrongAudience() {
        return claims("viewer", "catalog-viewer").audience("some-other-service").sign("privateKey.jwk");
    }

    public static String wrongIssuer() {
        return claims("viewer", "catalog-viewer").issuer("https://attacker.example.org").sign("privateKey.jwk");
    }

    /** A well-formed token whose signature does not verify: payload swapped after signing. */
    public static String tamperedSignature() {
        String genuine = viewer();
        String[] parts = genuine.split("\\.");
        String forged = token("viewer", "catalog-viewer", "catalog-editor").split("\\.")[1];
        return parts[0] + "." + forged + "." + parts[2];
    }

    private static JwtClaimsBuilder claims(String user, String... roles) {
        return Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject("sub-" + user)
                .preferredUserName(user)
                .claim("org", "demo-municipality")
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .expiresIn(300);
    }
}
