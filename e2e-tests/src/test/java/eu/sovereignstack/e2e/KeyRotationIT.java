package eu.sovereignstack.e2e;

import static eu.sovereignstack.e2e.Resources.submitMunicipality;
import static eu.sovereignstack.e2e.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import eu.sovereignstack.e2e.support.Api;
import eu.sovereignstack.e2e.support.Json;
import eu.sovereignstack.e2e.support.Jwt;
import eu.sovereignstack.e2e.support.Poll;
import eu.sovereignstack.e2e.support.Reply;
import eu.sovereignstack.e2e.support.SovereignStack;
import eu.sovereignstack.e2e.support.SovereignStackTest;
import eu.sovereignstack.e2e.support.Tokens;
import eu.sovereignstack.e2e.support.User;

/**
 * Key rotation in the running realm, through Keycloak's admin API, with no service restarted:
 * a new RSA key of higher priority signs the next tokens, and gateway, assessment-service and
 * catalog accept them; the old key made passive still verifies its tokens; the old key disabled
 * is no longer published, and its tokens are refused once a service fetches the realm's keys
 * again. Changes the realm's keys for the rest of the run (the new key stays active), so it runs
 * after every other class but before {@link KeycloakOutageIT}.
 */
@SovereignStackTest
@Order(Integer.MAX_VALUE - 1)
class KeyRotationIT {

    private static final String REALM = User.Realm.SOVEREIGN;
    private static final String PRODUCTS = "/api/v1/catalog/products?size=1";
    private static final String KEY_PROVIDER = "org.keycloak.keys.KeyProvider";
    /** The services' quarkus.oidc.token.forced-jwk-refresh-interval: at most one key set fetch per interval. */
    private static final Duration FORCED_REFRESH_INTERVAL = Duration.ofSeconds(10);
    private static final Duration DEADLINE = FORCED_REFRESH_INTERVAL.multipliedBy(3);

    private final Api gateway;
    private final Tokens tokens;

    KeyRotationIT(SovereignStack stack) {
        this.gateway = stack.gateway();
        this.tokens = stack.tokens();
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void aNewKeyIsTakenUpWithoutRestartsAndADisabledKeysTokensAreRefused() {
        tokens.forgetAll();
        try {
            rotate();
        } finally {
            // Later classes must not be handed a cached token of the old key.
            tokens.forgetAll();
        }
    }

    private void rotate() {
        String oldToken = tokens.accessToken(User.ASSESSOR);
        String oldKid = kid(oldToken);
        assertEquals(200, gateway.withToken(oldToken).get(PRODUCTS).status(), "precondition: the current key's token gets in");
        JsonNode oldKey = key(k -> oldKid.equals(k.path("kid").asText()), "the key of kid " + oldKid);
        ObjectNode oldProvider = component(oldKey.path("providerId").asText());
        assertEquals("rsa-generated", oldProvider.path("providerId").asText(), "precondition: the realm's default RSA key");

        // 1. A new RSA key provider of higher priority: it signs from now on.
        long priority = oldKey.path("providerPriority").asLong() + 100;
        String newProviderId = addRsaKeyProvider("e2e-rotated-rsa", priority);
        JsonNode newKey = key(k -> newProviderId.equals(k.path("providerId").asText()) && "RS256".equals(k.path("algorithm").asText()),
                "the RS256 key of provider " + newProviderId);
        String newKid = newKey.path("kid").asText();
        assertNotEquals(oldKid, newKid);
        assertTrue(published().contains(newKid), "the new key is published");

        tokens.forgetAll();
        String newToken = tokens.accessToken(User.ASSESSOR);
        assertEquals(newKid, kid(newToken), "the next token is signed by the new key");
        Instant rotated = Instant.now();
        Reply assessed = awaitStatus(201, () -> submitMunicipality(gateway.withToken(newToken)),
                "a new key's token, checked by gateway, assessment-service and catalog");
        System.out.printf("[e2e] key rotation: a token of the new key %s got in after %d ms, without restarts%n", newKid,
                Duration.between(rotated, Instant.now()).toMillis());
        assertEquals(201, assessed.status(), assessed::toString);
        Reply oldStillIn = gateway.withToken(oldToken).get(PRODUCTS);
        assertEquals(200, oldStillIn.status(), () -> "the old key is still enabled, so its token still gets in: " + oldStillIn);

        // 2. The old key made passive ("active": false): it signs nothing more but is still
        // published, and its tokens still get in (a rollover period).
        configure(oldProvider, "active", "false");
        assertTrue(published().contains(oldKid), "a passive key stays in the published key set");
        Reply passive = gateway.withToken(oldToken).get(PRODUCTS);
        assertEquals(200, passive.status(), () -> "a token of a passive key still gets in: " + passive);

        // 3. The old key disabled ("enabled": false): Keycloak stops publishing it.
        configure(oldProvider, "enabled", "false");
        Instant disabled = Instant.now();
        awaitTrue(() -> !published().contains(oldKid), "the disabled key " + oldKid + " leaves the published key set");

        // A service fetches the key set again only for a token whose key id it does not know
        // (at most once per forced-jwk-refresh-interval); until then it keeps the disabled key.
        // Observed for longer than that interval, without such a token:
        Instant observeUntil = Instant.now().plus(FORCED_REFRESH_INTERVAL).plusSeconds(2);
        Reply observed = Poll.until(() -> gateway.withToken(oldToken).get(PRODUCTS), answer -> answer.status() != 200,
                Duration.between(Instant.now(), observeUntil));
        System.out.printf("[e2e] key rotation: a token of the disabled key %s still %s %d ms after it was disabled "
                + "(no token with an unknown key id in between)%n", oldKid,
                observed.status() == 200 ? "got in" : "was refused (" + observed.status() + ")",
                Duration.between(disabled, Instant.now()).toMillis());

        // Any token with a key id the gateway does not know makes it fetch the key set again:
        // from then on the disabled key's token is refused.
        String unknownKid = withKid(oldToken, "e2e-unknown-" + UUID.randomUUID());
        Instant triggered = Instant.now();
        Reply refused = awaitStatus(401, () -> {
            gateway.withToken(unknownKid).get(PRODUCTS);
            return gateway.withToken(oldToken).get(PRODUCTS);
        }, "a token of the disabled key, once the gateway fetched the key set again");
        System.out.printf("[e2e] key rotation: a token of the disabled key refused %d ms after the first token with an unknown key id "
                + "(%d ms after the key was disabled)%n", Duration.between(triggered, Instant.now()).toMillis(),
                Duration.between(disabled, Instant.now()).toMillis());
        assertProblem(refused, 401, "unauthenticated");
        String challenge = refused.header("WWW-Authenticate").orElse("");
        assertTrue(challenge.startsWith("Bearer") && challenge.contains("invalid_token"), () -> "challenge of " + refused);

        // The realm stays usable: its tokens are the new key's and get in everywhere.
        tokens.forgetAll();
        assertEquals(newKid, kid(tokens.accessToken(User.VIEWER)), "the new key signs");
        Reply read = gateway.as(User.VIEWER).get(PRODUCTS);
        assertEquals(200, read.status(), read::toString);
        Reply again = submitMunicipality(gateway.as(User.ASSESSOR));
        assertEquals(201, again.status(), again::toString);
    }

    // ---- Keycloak's admin API -----------------------------------------------------------------------------

    /** POST /admin/realms/{realm}/components: an rsa-generated key provider; returns its id. */
    private String addRsaKeyProvider(String name, long priority) {
        String realmId = admin("GET", REALM, null, 200).json().path("id").asText();
        Map<String, Object> provider = Map.of(
                "name", name,
                "providerId", "rsa-generated",
                "providerType", KEY_PROVIDER,
                "parentId", realmId,
                "config", Map.of(
                        "priority", List.of(String.valueOf(priority)),
                        "enabled", List.of("true"),
                        "active", List.of("true"),
                        "algorithm", List.of("RS256"),
                        "keySize", List.of("2048")));
        Reply created = admin("POST", REALM + "/components", provider, 201);
        String location = created.header("Location").orElseThrow(() -> new AssertionError("no Location: " + created));
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** GET /admin/realms/{realm}/components/{id}. */
    private ObjectNode component(String id) {
        return (ObjectNode) admin("GET", REALM + "/components/" + id, null, 200).json();
    }

    /** PUT /admin/realms/{realm}/components/{id} with one config entry changed. */
    private void configure(ObjectNode provider, String entry, String value) {
        ((ObjectNode) provider.get("config")).putArray(entry).add(value);
        admin("PUT", REALM + "/components/" + provider.path("id").asText(), provider, 204);
    }

    /** GET /admin/realms/{realm}/keys: the realm's keys (kid, providerId, providerPriority, status, algorithm). */
    private JsonNode key(java.util.function.Predicate<JsonNode> which, String what) {
        JsonNode keys = admin("GET", REALM + "/keys", null, 200).json().path("keys");
        for (JsonNode key : keys) {
            if (which.test(key)) {
                return key;
            }
        }
        throw new AssertionError(what + " is not among the realm's keys: " + keys);
    }

    private Reply admin(String method, String path, Object body, int expected) {
        Reply reply = tokens.keycloakAdmin(method, path, body);
        assertEquals(expected, reply.status(), () -> "Keycloak admin API: " + reply);
        return reply;
    }

    /** The key ids of the realm's published key set (/realms/{realm}/protocol/openid-connect/certs). */
    private List<String> published() {
        List<String> kids = new ArrayList<>();
        ArrayNode keys = (ArrayNode) tokens.publishedKeys(REALM).path("keys");
        keys.forEach(key -> kids.add(key.path("kid").asText()));
        return kids;
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private static String kid(String token) {
        return Jwt.parse(token).header().path("kid").asText();
    }

    /** The token with another key id in its header; claims and signature unchanged. */
    private static String withKid(String token, String kid) {
        ObjectNode header = Jwt.parse(token).header().put("kid", kid);
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(header).getBytes(StandardCharsets.UTF_8));
        return encoded + token.substring(token.indexOf('.'));
    }

    private static Reply awaitStatus(int status, Supplier<Reply> call, String what) {
        Reply last = Poll.until(call, reply -> reply.status() == status, DEADLINE);
        assertEquals(status, last.status(), () -> what + ", within " + DEADLINE.toSeconds() + " s: " + last);
        return last;
    }

    private static void awaitTrue(Supplier<Boolean> condition, String what) {
        assertTrue(Poll.until(condition, Boolean::booleanValue, DEADLINE), () -> what + ": not within " + DEADLINE.toSeconds() + " s");
    }
}
