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
    /** The public half of {@link #KEY}, as the services' test profiles configure it (quarkus.oidc.public-key). */
    public static final String PUBLIC_KEY = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAiJw33l1eVAsGoRlSyo+FCimeOc+AaZbzQ2iESA3Nkuo3TFb1zIkmt0kzlnWVGt48dkaIl13Vdefh9hqw/r9yNF8xZqX1fp0PnCWc5M/TX/ht5fm9y0TpbiVmsjeRMWZn4jr3DsFouxQ9aBXUJiu26V0vd2vrECeeAreFT4mtoHY13D2WVeJvboc5mEJcp50JNhxRCJ5UkY8jR/wfUk2Tzz4+fAj5xQaBccXnqJMu/1C6MjoCEiB7G1d13bVPReIeAGRKVJIF6ogoCN8JbrOhc/48lT4uyjbgnd24beatuKWodmWYhactFobRGYo5551cgMe8BoxpVQ4to30cGA0qjQIDAQAB";

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

    /** A valid token that expires this long from now. */
    public String expiringIn(java.time.Duration lifetime, String user, String org, String... roles) {
        return claims(user, org, roles).expiresAt(Instant.now().plus(lifetime)).sign(KEY);
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

    /** Valid in every way but one: it is not valid before half an hour from now. */
    public String notYetValid(String user, String org, String... roles) {
        return claims(user, org, roles).claim("nbf", Instant.now().plusSeconds(1800).getEpochSecond()).sign(KEY);
    }

    /** The genuine claims with {@code alg: none} and no signature. */
    public String unsigned(String user, String org, String... roles) {
        return base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + payload(user, org, roles) + ".";
    }

    /**
     * The genuine claims "signed" with HS256 using the service's public key as the HMAC secret:
     * the classic algorithm-confusion attack on verifiers that trust the token's {@code alg}.
     */
    public String hs256WithPublicKey(String user, String org, String... roles) {
        String signingInput = base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + payload(user, org, roles);
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(PUBLIC_KEY.getBytes(java.nio.charset.StandardCharsets.US_ASCII), "HmacSHA256"));
            byte[] signature = mac.doFinal(signingInput.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return signingInput + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The genuine claims signed by a key the services have never seen, under a key id they do not know. */
    public String unknownKey(String user, String org, String... roles) {
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return claims(user, org, roles).jws().keyId("unknown-key-id").sign(generator.generateKeyPair().getPrivate());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A well-formed token whose signature does not verify: another token's payload under this one's signature. */
    public String tamperedSignature(String user, String org, String... roles) {
        String[] genuine = token(user, org, roles).split("\\.");
        String forged = token(user, org, "platform-admin").split("\\.")[1];
        return genuine[0] + "." + forged + "." + genuine[2];
    }

    private String payload(String user, String org, String... roles) {
        return token(user, org, roles).split("\\.")[1];
    }

    private static String base64Url(String json) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
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
