package eu.sovereignstack.common.security;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.oidc.runtime.OidcAuthenticationMechanism;
import io.quarkus.oidc.runtime.OidcUtils;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Bearer authentication that answers a token verified before from {@link VerifiedTokens} and
 * hands every other one to Quarkus OIDC, keeping what it verifies. It runs just before the OIDC
 * mechanism; a request without a bearer token, or with the cache off, goes straight on to it.
 */
@ApplicationScoped
public class CachedBearerAuthentication implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";

    private final OidcAuthenticationMechanism oidc;
    private final VerifiedTokens verifiedTokens;

    CachedBearerAuthentication(OidcAuthenticationMechanism oidc, VerifiedTokens verifiedTokens) {
        this.oidc = oidc;
        this.verifiedTokens = verifiedTokens;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String token = verifiedTokens.enabled() ? bearerToken(context.request().getHeader("Authorization")) : null;
        if (token == null) {
            return Uni.createFrom().nullItem();
        }
        Optional<SecurityIdentity> known = verifiedTokens.find(token);
        if (known.isPresent()) {
            String tenant = known.get().getAttribute(OidcUtils.TENANT_ID_ATTRIBUTE);
            if (tenant != null) {
                context.put(OidcUtils.TENANT_ID_ATTRIBUTE, tenant);
            }
            return Uni.createFrom().item(VerifiedTokens.forRequest(known.get(), context));
        }
        return oidc.authenticate(context, identityProviderManager)
                .invoke(identity -> verifiedTokens.remember(token, identity));
    }

    /** The token of an {@code Authorization: Bearer} header, read as the OIDC mechanism reads it; null for anything else. */
    public static String bearerToken(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || authorization.length() == BEARER.length()) {
            return null;
        }
        return authorization.substring(BEARER.length());
    }

    /** Challenges are left to the OIDC mechanism. */
    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public int getPriority() {
        return oidc.getPriority() + 1;
    }
}
