package eu.sovereignstack.e2e;

import static eu.sovereignstack.e2e.Resources.submitMunicipality;
import static eu.sovereignstack.e2e.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import eu.sovereignstack.e2e.support.Api;
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
 * is no longer published, and the gateway and every service refuse its tokens at their next read
 * of the realm's key set (sovereign.oidc.key-watch.interval), with nothing else happening in
 * between. Changes the realm's keys for the rest of the run (the new key stays active), so it runs
 * after every other class but before {@link KeycloakOutageIT}.
 */
@SovereignStackTest
@Order(Integer.MAX_VALUE - 1)
class KeyRotationIT {

    private static final String REALM = User.Realm.SOVEREIGN;
    private static final String PRODUCTS = "/api/v1/catalog/products?size=1";
    private static final String CATALOG_PRODUCTS = "/api/v1/products?size=1";
    private static final String SCORING_PROFILES = "/api/v1/scoring-profiles";
    private static final String KEY_PROVIDER = "org.keycloak.keys.KeyProvider";
    /** Keycloak's admin changes showing in its published key set, and a new key's token getting in. */
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    /** A disabled key's token refused: one read of the key set by each process's watch, plus a margin. */
    private static final Duration REFUSAL_DEADLINE = SovereignStack.KEY_WATCH_INTERVAL.plusSeconds(5);

    private final Api gateway;
    private final Api catalog;
    private final Api assessment;
    private final Tokens tokens;

    KeyRotationIT(SovereignStack stack) {
        this.gateway = stack.gateway();
        this.catalog = stack.catalog();
        this.assessment = stack.assessment();
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
        Reply assessed = awaitStatus(201, () -> submitMunicipality(gateway.withToken(newToken)), DEADLINE,
                "a new key's token, checked by gateway, assessment-service and catalog");
        System.out.printf("[e2e] key rotation: a token of the new key %s got in after %d ms, without restarts%n", newKid,
                Duration.between(rotated, Instant.now()).toMillis());
        assertEquals(201, assessed.status(), assessed::toString);
        Reply oldStillIn = gateway.withToken(oldToken).get(PRODUCTS);
        assertEquals(200, oldStillIn.status(), () -> "the old key is still enabled, so its token still gets in: " + oldStillIn);

        // 2. The old key made passive ("active": false): it signs nothing more but is still
        // published, and its tokens still get in (a rollover period), also after the watches
        // have read the key set again.
        configure(oldProvider, "active", "false");
        assertTrue(published().contains(oldKid), "a passive key stays in the published key set");
        Reply passive = Poll.until(() -> gateway.withToken(oldToken).get(PRODUCTS), answer -> answer.status() != 200,
                SovereignStack.KEY_WATCH_INTERVAL.multipliedBy(2));
        assertEquals(200, passive.status(), () -> "a token of a passive key still gets in: " + passive);

        // 3. The old key disabled ("enabled": false): Keycloak stops publishing it, and each
        // process refuses its tokens after its next read of the key set. No token with an unknown
        // key id is sent, which would make Quarkus fetch the key set itself.
        configure(oldProvider, "enabled", "false");
        Instant disabled = Instant.now();
        awaitTrue(() -> !published().contains(oldKid), "the disabled key " + oldKid + " leaves the published key set");
        assertRefused(oldToken, oldKid, gateway, PRODUCTS, "the gateway", disabled);
        assertRefused(oldToken, oldKid, catalog, CATALOG_PRODUCTS, "the catalog-service", disabled);
        assertRefused(oldToken, oldKid, assessment, SCORING_PROFILES, "the assessment-service", disabled);

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

    /** The token is refused by {@code api} within {@link #REFUSAL_DEADLINE}, with the 401 problem of any bad token. */
    private static void assertRefused(String token, String kid, Api api, String path, String who, Instant disabled) {
        Reply refused = awaitStatus(401, () -> api.withToken(token).get(path), REFUSAL_DEADLINE,
                "a token of the disabled key " + kid + " at " + who);
        System.out.printf("[e2e] key rotation: a token of the disabled key %s refused by %s %d ms after the key was disabled%n",
                kid, who, Duration.between(disabled, Instant.now()).toMillis());
        assertProblem(refused, 401, "unauthenticated");
        String challenge = refused.header("WWW-Authenticate").orElse("");
        assertTrue(challenge.startsWith("Bearer") && challenge.contains("invalid_token"), () -> "challenge of " + refused);
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private static String kid(String token) {
        return Jwt.parse(token).header().path("kid").asText();
    }

    private static Reply awaitStatus(int status, Supplier<Reply> call, Duration deadline, String what) {
        Reply last = Poll.until(call, reply -> reply.status() == status, deadline);
        assertEquals(status, last.status(), () -> what + ", within " + deadline.toSeconds() + " s: " + last);
        return last;
    }

    private static void awaitTrue(Supplier<Boolean> condition, String what) {
        assertTrue(Poll.until(condition, Boolean::booleanValue, DEADLINE), () -> what + ": not within " + DEADLINE.toSeconds() + " s");
    }
}
