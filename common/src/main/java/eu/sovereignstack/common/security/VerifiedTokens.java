package eu.sovereignstack.common.security;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.quarkus.oidc.runtime.OidcUtils;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.ext.web.RoutingContext;

/**
 * The identities of bearer tokens Quarkus OIDC has verified, keyed by the exact token, so that a
 * client's next requests with the same token skip the tenant lookup, the JWT parse and the RSA
 * signature check. That changes no outcome:
 * <ul>
 * <li>only a token that passed every check (signature, issuer, audience, lifetime, withdrawn key)
 * is kept, and only under the very string that passed: any other token is verified in full;</li>
 * <li>what can change after a verification is checked again on every use: the token's expiry,
 * and whether its realm has withdrawn the signing key since ({@link RevokedKeys}; the key id is
 * read from the token once, when it is kept, not on every use);</li>
 * <li>a token is verified in full again at least every {@code sovereign.oidc.token-cache.max-age}.</li>
 * </ul>
 * The request a token was verified in is not kept: each use gets the identity for its own request.
 */
@ApplicationScoped
public class VerifiedTokens {

    /** Attributes of a verified identity that belong to the request it was verified in. */
    private static final Set<String> REQUEST_ATTRIBUTES = Set.of(
            RoutingContext.class.getName(), AuthenticationRequestContext.class.getName());

    private final RevokedKeys revokedKeys;
    private final InstantSource clock;
    private final Duration maxAge;
    private final boolean enabled;
    private final Cache<String, Verified> verified;

    @Inject
    VerifiedTokens(RevokedKeys revokedKeys, TokenCacheConfig config) {
        this(revokedKeys, config, InstantSource.system());
    }

    VerifiedTokens(RevokedKeys revokedKeys, TokenCacheConfig config, InstantSource clock) {
        this.revokedKeys = revokedKeys;
        this.clock = clock;
        this.maxAge = config.maxAge();
        this.enabled = config.maxEntries() > 0;
        this.verified = Caffeine.newBuilder()
                .maximumSize(Math.max(0, config.maxEntries()))
                // Evictions happen in the calling thread, at once, not later on the common pool.
                .executor(Runnable::run)
                .ticker(() -> nanos(clock.instant()))
                .expireAfter(new UntilDue())
                .build();
    }

    /** Off ({@code max-entries} 0): nothing is kept and every token is verified in full. */
    public boolean enabled() {
        return enabled;
    }

    /**
     * The identity of a token verified before, if it is still valid now and its key has not been
     * withdrawn; empty for any other token, which must then be verified in full.
     */
    public Optional<SecurityIdentity> find(String token) {
        Verified known = verified.getIfPresent(token);
        if (known == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(known.due()) || known.signedByWithdrawnKey(revokedKeys)) {
            verified.invalidate(token);
            return Optional.empty();
        }
        return Optional.of(known.identity());
    }

    /** Keeps the identity Quarkus OIDC verified for this token, without what ties it to its request. */
    public void remember(String token, SecurityIdentity identity) {
        if (!enabled || identity == null || !(identity.getPrincipal() instanceof JsonWebToken jwt)
                || !token.equals(jwt.getRawToken()) || jwt.getExpirationTime() <= 0) {
            return;
        }
        Instant now = clock.instant();
        Instant expiry = Instant.ofEpochSecond(jwt.getExpirationTime());
        Instant due = expiry.isBefore(now.plus(maxAge)) ? expiry : now.plus(maxAge);
        if (now.isBefore(due)) {
            String tenant = identity.getAttribute(OidcUtils.TENANT_ID_ATTRIBUTE);
            verified.put(token, new Verified(withoutRequest(identity, jwt), due, tenant, RevokedKeyCheck.keyId(token).orElse(null)));
        }
    }

    /** Tokens kept now. */
    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    /** The identity for one request: the kept principal, roles and attributes, that request's context. */
    public static SecurityIdentity forRequest(SecurityIdentity identity, RoutingContext context) {
        return QuarkusSecurityIdentity.builder(identity)
                .addAttribute(RoutingContext.class.getName(), context)
                .addAttribute(AuthenticationRequestContext.class.getName(), context.get(AuthenticationRequestContext.class.getName()))
                .build();
    }

    private static SecurityIdentity withoutRequest(SecurityIdentity identity, JsonWebToken jwt) {
        Map<String, Object> attributes = new HashMap<>(identity.getAttributes());
        attributes.keySet().removeAll(REQUEST_ATTRIBUTES);
        QuarkusSecurityIdentity.Builder kept = QuarkusSecurityIdentity.builder()
                .setPrincipal(jwt)
                .addCredentials(identity.getCredentials())
                .addRoles(identity.getRoles())
                .addAttributes(attributes);
        // Quarkus OIDC grants the token's scopes as permissions; they are granted again from the same claim.
        if (jwt.getClaim("scope") instanceof String scope && !scope.isBlank()) {
            kept.addPermissionsAsString(new HashSet<>(Arrays.asList(scope.trim().split(" +"))));
        }
        return kept.build();
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    /**
     * A verified identity, the instant from which its token must be verified in full again, and
     * the tenant and signing key id that decide whether its key has been withdrawn since.
     */
    private record Verified(SecurityIdentity identity, Instant due, String tenant, String keyId) {

        boolean signedByWithdrawnKey(RevokedKeys revokedKeys) {
            return tenant != null && keyId != null && revokedKeys.anyRevoked() && revokedKeys.isRevoked(tenant, keyId);
        }
    }

    /** Each token leaves the cache when it is due, so expired tokens do not take up room. */
    private static final class UntilDue implements Expiry<String, Verified> {

        @Override
        public long expireAfterCreate(String token, Verified verified, long currentTime) {
            return Math.max(0, nanos(verified.due()) - currentTime);
        }

        @Override
        public long expireAfterUpdate(String token, Verified verified, long currentTime, long currentDuration) {
            return expireAfterCreate(token, verified, currentTime);
        }

        @Override
        public long expireAfterRead(String token, Verified verified, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
