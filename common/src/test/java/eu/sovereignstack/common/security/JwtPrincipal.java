package eu.sovereignstack.common.security;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;

/** A caller as Quarkus OIDC presents it after a verification: a name and the token's claims (raw_token among them). */
record JwtPrincipal(String name, Map<String, Object> claims) implements JsonWebToken {

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Set<String> getClaimNames() {
        return claims.keySet();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String claim) {
        return (T) claims.get(claim);
    }
}
