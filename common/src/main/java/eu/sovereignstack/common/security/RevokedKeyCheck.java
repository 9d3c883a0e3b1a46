package eu.sovereignstack.common.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.runtime.OidcUtils;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/**
 * Fails authentication of a token signed by a key its realm has withdrawn ({@link RevokedKeys}).
 * Quarkus OIDC still holds that key until it fetches the key set again, so the signature alone
 * would pass. The failure is the same {@link AuthenticationFailedException} as for any bad token,
 * and becomes the same 401 problem with an {@code invalid_token} challenge.
 */
@ApplicationScoped
public class RevokedKeyCheck implements SecurityIdentityAugmentor {

    private static final Logger LOG = Logger.getLogger(RevokedKeyCheck.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RevokedKeys revokedKeys;

    RevokedKeyCheck(RevokedKeys revokedKeys) {
        this.revokedKeys = revokedKeys;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (revokedKeys.anyRevoked() && identity.getPrincipal() instanceof JsonWebToken token) {
            String tenant = identity.getAttribute(OidcUtils.TENANT_ID_ATTRIBUTE);
            Optional<String> keyId = keyId(token.getRawToken());
            if (tenant != null && keyId.isPresent() && revokedKeys.isRevoked(tenant, keyId.get())) {
                LOG.debugf("Refused a token of OIDC tenant %s signed by withdrawn key %s", tenant, keyId.get());
                return Uni.createFrom().failure(new AuthenticationFailedException(
                        "The token is signed by key " + keyId.get() + ", which its realm no longer publishes"));
            }
        }
        return Uni.createFrom().item(identity);
    }

    /** The {@code kid} of a compact JWS's header; empty for anything else (no header, no kid, not JSON). */
    static Optional<String> keyId(String rawToken) {
        if (rawToken == null || rawToken.indexOf('.') < 0) {
            return Optional.empty();
        }
        try {
            byte[] header = Base64.getUrlDecoder().decode(rawToken.substring(0, rawToken.indexOf('.')));
            JsonNode keyId = JSON.readTree(new String(header, StandardCharsets.UTF_8)).path("kid");
            return keyId.isTextual() ? Optional.of(keyId.asText()) : Optional.empty();
        } catch (Exception e) {
            // Quarkus has accepted the token, so this is no JWS from a watched realm: nothing to check.
            return Optional.empty();
        }
    }
}
