package eu.sovereignstack.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Tokens from the suite's Keycloak: the password grant of the public client {@code sovereign-cli},
 * per realm and user, cached until shortly before they expire.
 */
public final class Tokens {

    private static final String CLIENT = "sovereign-cli";
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(60);

    private final URI keycloak;
    private final String masterAdminPassword;
    private final Map<User, Grant> cache = new ConcurrentHashMap<>();

    Tokens(URI keycloak, String masterAdminPassword) {
        this.keycloak = keycloak;
        this.masterAdminPassword = masterAdminPassword;
    }

    public String accessToken(User user) {
        return grant(user).accessToken();
    }

    /** The user's ID token: signed by the realm like the access token, but meant for the client (aud sovereign-cli). */
    public String idToken(User user) {
        return grant(user).idToken();
    }

    /** The user's refresh token: issued by the realm too, but only for the token endpoint. */
    public String refreshToken(User user) {
        return grant(user).refreshToken();
    }

    /** The issuer URL of a realm, as Keycloak writes it into tokens fetched from 127.0.0.1. */
    public String issuer(String realm) {
        return keycloak + "/realms/" + realm;
    }

    /** A real access token of Keycloak's master realm (bootstrap admin, admin-cli): an issuer no service trusts. */
    public String masterRealmToken() {
        return request("master", Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", SovereignStack.KEYCLOAK_ADMIN, "password", masterAdminPassword)).accessToken();
    }

    /**
     * A real access token of the user's realm whose lifespan is only {@code seconds}: issued to a
     * client that this method creates for the purpose through Keycloak's admin API (the realm
     * files stay as shipped).
     */
    public String shortLivedAccessToken(User user, int seconds) {
        String client = "e2e-short-lived-" + seconds;
        ensureClient(user.realm(), client, Map.of("access.token.lifespan", String.valueOf(seconds)), null);
        return passwordGrant(user, client).accessToken();
    }

    /**
     * A real access token of the user's realm without the suite's audiences: issued to a client,
     * created through the admin API, that lacks the realm's {@code sovereign-api} client scope.
     */
    public String accessTokenForAnotherAudience(User user) {
        String client = "e2e-other-audience";
        ensureClient(user.realm(), client, Map.of(), List.of("basic", "roles", "profile"));
        return passwordGrant(user, client).accessToken();
    }

    private void ensureClient(String realm, String clientId, Map<String, String> attributes, List<String> defaultScopes) {
        Map<String, Object> client = new java.util.LinkedHashMap<>();
        client.put("clientId", clientId);
        client.put("publicClient", true);
        client.put("directAccessGrantsEnabled", true);
        client.put("standardFlowEnabled", false);
        client.put("attributes", attributes);
        if (defaultScopes != null) {
            client.put("defaultClientScopes", defaultScopes);
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(keycloak + "/admin/realms/" + realm + "/clients"))
                    .timeout(Api.REQUEST_TIMEOUT)
                    .header("Authorization", "Bearer " + masterRealmToken())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(client))).build();
            HttpResponse<String> response = Api.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201 && response.statusCode() != 409) {
                throw new IllegalStateException("Keycloak did not create client " + clientId + " in realm " + realm + ": "
                        + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("creating client " + clientId + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("creating client " + clientId + " interrupted", e);
        }
    }

    private Grant passwordGrant(User user, String client) {
        return request(user.realm(), Map.of("grant_type", "password", "client_id", client,
                "username", user.username(), "password", user.password()));
    }

    /**
     * A call to Keycloak's admin REST API ({@code path} below {@code /admin/realms/}) as the
     * master-realm bootstrap admin; {@code body} is written as JSON, or {@code null} for none.
     */
    public Reply keycloakAdmin(String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(keycloak + "/admin/realms/" + path))
                .timeout(Api.REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + masterRealmToken());
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body instanceof String text ? text : Json.write(body)));
        }
        return send(method, request.build());
    }

    /** The key set a realm publishes for verifying its tokens (what the services fetch). */
    public JsonNode publishedKeys(String realm) {
        URI certs = URI.create(issuer(realm) + "/protocol/openid-connect/certs");
        Reply reply = send("GET", HttpRequest.newBuilder(certs).timeout(Api.REQUEST_TIMEOUT).GET().build());
        if (reply.status() != 200) {
            throw new IllegalStateException("no key set from " + certs + ": " + reply);
        }
        return reply.json();
    }

    private static Reply send(String method, HttpRequest request) {
        try {
            HttpResponse<String> response = Api.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(method, request.uri().getRawPath(), response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + request.uri() + " interrupted", e);
        }
    }

    /** Forgets the cached tokens (after Keycloak came back with new keys). */
    public void forgetAll() {
        cache.clear();
    }

    private Grant grant(User user) {
        return cache.compute(user, (u, cached) -> cached != null && cached.validFor(RENEW_BEFORE_EXPIRY) ? cached
                : request(u.realm(), Map.of("grant_type", "password", "client_id", CLIENT, "scope", "openid",
                        "username", u.username(), "password", u.password())));
    }

    private Grant request(String realm, Map<String, String> form) {
        URI endpoint = URI.create(issuer(realm) + "/protocol/openid-connect/token");
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Api.REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = Api.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for " + form.get("username") + " in realm " + realm
                        + ": " + response.statusCode() + " " + response.body());
            }
            JsonNode tokens = Json.MAPPER.readTree(response.body());
            return new Grant(tokens.path("access_token").asText(), tokens.path("id_token").asText(null),
                    tokens.path("refresh_token").asText(null), Instant.now().plusSeconds(tokens.path("expires_in").asLong()));
        } catch (IOException e) {
            throw new UncheckedIOException("token request to " + endpoint + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("token request interrupted", e);
        }
    }

    private record Grant(String accessToken, String idToken, String refreshToken, Instant expiresAt) {

        boolean validFor(Duration margin) {
            return Instant.now().plus(margin).isBefore(expiresAt);
        }
    }
}
