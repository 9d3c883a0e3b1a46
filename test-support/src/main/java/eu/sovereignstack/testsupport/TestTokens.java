package eu.sovereignstack.testsupport;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Access tokens shaped like the sovereign realm's (realm roles under realm_access, an org
 * claim, the service's audience), signed with the key of quarkus-test-oidc-server whose
 * public half the services' test profile trusts. Also the broken ones every service must refuse.
 * The test profiles trust two federation members, {@link #ISSUER} (the default tenant) and
 * {@link #PARTNER_ISSUER}; both sign with the same test key here, so only the issuer tells
 * them apart (the end-to-end tests use two real realms with their own keys).
 */
public final class TestTokens {

    public static final String ISSUER = "https://server.example.com";
    public static final String PARTNER_ISSUER = "https://partner.example.com";
    public static final String KEY = "privateKey.jwk";

    static {
        // A failing assertion shows the whole exchange, problem body included.
        io.restassured.RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private final java.util.Set<String> audience;
    private final String issuer;

    private TestTokens(java.util.Set<String> audience, String issuer) {
        this.audience = audience;
        this.issuer = issuer;
    }

    /** Tokens for these audiences (the realm puts every service's audience in each token). */
    public static TestTokens forAudience(String... audience) {
        return new TestTokens(java.util.Set.of(audience), ISSUER);
    }

    /** The same tokens, issued by the second federation member. */
    public TestTokens fromPartner() {
        return new TestTokens(audience, PARTNER_ISSUER);
    }

    public String token(String user, String org, String... roles) {
        return claims(user, org, roles).sign(KEY);
    }

    public String expired(String user, String org, String... roles) {
        return claims(user, org, roles)
                .issuedAt(Instant.now().minusSeconds(3600))
                .expiresAt(Instant.now().minusSeconds(1800))
                .sign(KEY);
    }

    public String wrongAudience(String user, String org, String... roles) {
        return claims(user, org, roles).audience("some-other-service").sign(KEY);
    }

    public String wrongIssuer(String user, String org, String... roles) {
        return claims(user, org, roles).issuer("https://attacker.example.org").sign(KEY);
    }

    /** A well-formed token whose signature does not verify: another token's payload under this one's signature. */
    public String tamperedSignature(String user, String org, String... roles) {
        String[] genuine = token(user, org, roles).split("\\.");
        String forged = token(user, org, "platform-admin").split("\\.")[1];
        return genuine[0] + "." + forged + "." + genuine[2];
    }

    private JwtClaimsBuilder claims(String user, String org, String... roles) {
        JwtClaimsBuilder claims = Jwt.issuer(issuer)
                .audience(audience)
                .subject("sub-" + user)
                .preferredUserName(user)
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .expiresIn(300);
        return org == null ? claims : claims.claim("org", org);
    }
}
