package eu.sovereignstack.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/** A token whose key its realm withdrew fails authentication; every other identity passes unchanged. */
class RevokedKeyCheckTest {

    private final RevokedKeys revokedKeys = new RevokedKeys();
    private final RevokedKeyCheck check = new RevokedKeyCheck(revokedKeys);

    @Test
    void aTokenOfAWithdrawnKeyFailsAuthentication() {
        revokedKeys.published("Default", Set.of("old", "new"));
        revokedKeys.published("Default", Set.of("new"));

        assertThrows(AuthenticationFailedException.class,
                () -> check.augment(identity("Default", token("{\"alg\":\"RS256\",\"kid\":\"old\"}")), null).await().indefinitely());
    }

    @Test
    void otherTokensAndIdentitiesPassUnchanged() {
        revokedKeys.published("Default", Set.of("old", "new"));
        revokedKeys.published("Default", Set.of("new"));

        for (SecurityIdentity identity : new SecurityIdentity[] {
                identity("Default", token("{\"alg\":\"RS256\",\"kid\":\"new\"}")),
                identity("Default", token("{\"alg\":\"RS256\",\"kid\":\"rotated-in\"}")),
                identity("partner", token("{\"alg\":\"RS256\",\"kid\":\"old\"}")),
                identity("Default", token("{\"alg\":\"RS256\"}")),
                QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("alice")).build() }) {
            assertSame(identity, check.augment(identity, null).await().indefinitely());
        }
    }

    @Test
    void theKeyIdIsReadFromTheHeader() {
        assertEquals(Optional.of("abc"), RevokedKeyCheck.keyId(token("{\"alg\":\"RS256\",\"kid\":\"abc\"}")));
        assertEquals(Optional.empty(), RevokedKeyCheck.keyId(token("{\"alg\":\"RS256\",\"kid\":7}")));
        assertEquals(Optional.empty(), RevokedKeyCheck.keyId(token("not json")));
        assertEquals(Optional.empty(), RevokedKeyCheck.keyId("%%%.payload.signature"));
        assertEquals(Optional.empty(), RevokedKeyCheck.keyId("opaque-token"));
        assertEquals(Optional.empty(), RevokedKeyCheck.keyId(null));
    }

    private static String token(String header) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString("{\"sub\":\"alice\"}".getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }

    private static SecurityIdentity identity(String tenant, String rawToken) {
        JsonWebToken principal = new JwtPrincipal("alice", Map.of("raw_token", rawToken));
        return QuarkusSecurityIdentity.builder().setPrincipal(principal).addAttribute("tenant-id", tenant).build();
    }
}
