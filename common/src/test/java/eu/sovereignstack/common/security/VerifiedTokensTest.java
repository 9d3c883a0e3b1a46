package eu.sovereignstack.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.quarkus.security.StringPermission;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.ext.web.RoutingContext;

/** A verified token is found again only while verifying it again would give the same answer. */
class VerifiedTokensTest {

    private static final Instant START = Instant.parse("2026-11-23T10:00:00Z");

    private final MovableClock clock = new MovableClock(START);
    private final RevokedKeys revokedKeys = new RevokedKeys();
    private final VerifiedTokens tokens = tokens(1000, Duration.ofMinutes(5));

    @Test
    void aVerifiedTokenIsFoundByItsExactStringOnly() {
        String token = token("old", START.plusSeconds(300));
        SecurityIdentity verified = identity(token, "Default", "catalog-viewer");

        tokens.remember(token, verified);

        Optional<SecurityIdentity> found = tokens.find(token);
        assertTrue(found.isPresent());
        assertEquals(Set.of("catalog-viewer"), found.get().getRoles());
        assertEquals("alice", found.get().getPrincipal().getName());
        assertEquals(Optional.empty(), tokens.find(token + "x"));
        assertEquals(Optional.empty(), tokens.find(token.substring(0, token.length() - 1)));
        assertEquals(Optional.empty(), tokens.find(token("old", START.plusSeconds(299))), "another token of the same subject");
    }

    @Test
    void aTokenIsVerifiedAgainOnceItExpires() {
        String token = token("old", START.plusSeconds(60));
        tokens.remember(token, identity(token, "Default"));

        clock.advance(Duration.ofSeconds(59));
        assertTrue(tokens.find(token).isPresent(), "a second before its expiry");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.empty(), tokens.find(token), "at its expiry");
        assertEquals(0, tokens.size());
    }

    @Test
    void aLongLivedTokenIsVerifiedAgainAfterTheMaximumAge() {
        String token = token("old", START.plusSeconds(3600));
        tokens.remember(token, identity(token, "Default"));

        clock.advance(Duration.ofMinutes(5).minusMillis(1));
        assertTrue(tokens.find(token).isPresent());
        clock.advance(Duration.ofMillis(1));
        assertEquals(Optional.empty(), tokens.find(token));
    }

    @Test
    void aTokenIsVerifiedAgainOnceItsRealmWithdrawsTheSigningKey() {
        String token = token("old", START.plusSeconds(300));
        tokens.remember(token, identity(token, "Default"));
        revokedKeys.published("Default", Set.of("old", "new"));
        assertTrue(tokens.find(token).isPresent(), "the key is still published");

        revokedKeys.published("Default", Set.of("new"));

        assertEquals(Optional.empty(), tokens.find(token));
        assertEquals(0, tokens.size(), "forgotten, so that a republished key needs a full verification too");
    }

    @Test
    void onlyAVerifiedJwtUnderItsOwnStringIsKept() {
        String token = token("old", START.plusSeconds(300));
        String other = token("old", START.plusSeconds(301));

        tokens.remember(token, null);
        tokens.remember(token, identity(other, "Default"));
        tokens.remember(token, QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("alice")).build());
        String expired = token("old", START.minusSeconds(1));
        tokens.remember(expired, identity(expired, "Default"));
        String noExpiry = token("old", Instant.EPOCH);
        tokens.remember(noExpiry, identity(noExpiry, "Default"));

        assertEquals(0, tokens.size());
    }

    @Test
    void theRequestItWasVerifiedInIsNotKeptButItsRolesAttributesAndScopesAre() {
        String token = token("old", START.plusSeconds(300));
        SecurityIdentity verified = QuarkusSecurityIdentity.builder(identity(token, "partner", "assessor"))
                .addAttribute(RoutingContext.class.getName(), "the first request")
                .addAttribute(AuthenticationRequestContext.class.getName(), "its blocking executor")
                .build();

        tokens.remember(token, verified);

        SecurityIdentity kept = tokens.find(token).orElseThrow();
        assertNull(kept.getAttribute(RoutingContext.class.getName()));
        assertNull(kept.getAttribute(AuthenticationRequestContext.class.getName()));
        assertEquals("partner", kept.getAttribute("tenant-id"));
        assertEquals(Set.of("assessor"), kept.getRoles());
        assertTrue(kept.checkPermissionBlocking(new StringPermission("openid")));
        assertTrue(kept.checkPermissionBlocking(new StringPermission("profile")));
        assertFalse(kept.checkPermissionBlocking(new StringPermission("admin")));
    }

    @Test
    void theNumberOfTokensKeptIsBounded() {
        VerifiedTokens small = tokens(2, Duration.ofMinutes(5));
        for (int i = 0; i < 5; i++) {
            String token = token("old", START.plusSeconds(300 + i));
            small.remember(token, identity(token, "Default"));
        }
        assertTrue(small.size() <= 2, "kept " + small.size());

        VerifiedTokens off = tokens(0, Duration.ofMinutes(5));
        String token = token("old", START.plusSeconds(300));
        off.remember(token, identity(token, "Default"));
        assertEquals(Optional.empty(), off.find(token));
    }

    private VerifiedTokens tokens(int maxEntries, Duration maxAge) {
        TokenCacheConfig config = new TokenCacheConfig() {
            @Override
            public int maxEntries() {
                return maxEntries;
            }

            @Override
            public Duration maxAge() {
                return maxAge;
            }
        };
        return new VerifiedTokens(revokedKeys, config, clock);
    }

    /** A compact JWS with this key id and expiry; its signature is never checked here. */
    private static String token(String kid, Instant expiry) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = "{\"alg\":\"RS256\",\"kid\":\"" + kid + "\"}";
        String payload = "{\"sub\":\"alice\",\"exp\":" + expiry.getEpochSecond() + "}";
        return base64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }

    /** The identity Quarkus OIDC would build for the token: its claims, its tenant, these roles. */
    private static SecurityIdentity identity(String rawToken, String tenant, String... roles) {
        String payload = new String(Base64.getUrlDecoder().decode(rawToken.split("\\.")[1]), StandardCharsets.UTF_8);
        long expiry = Long.parseLong(payload.replaceAll(".*\"exp\":(-?\\d+).*", "$1"));
        Map<String, Object> claims = Map.of("raw_token", rawToken, "exp", expiry, "scope", "openid profile");
        JsonWebToken principal = new JwtPrincipal("alice", claims);
        return QuarkusSecurityIdentity.builder().setPrincipal(principal).addRoles(Set.of(roles))
                .addAttribute("tenant-id", tenant).build();
    }

    private static final class MovableClock implements InstantSource {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
