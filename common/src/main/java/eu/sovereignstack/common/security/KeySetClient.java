package eu.sovereignstack.common.security;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Reads the key ids a realm publishes, with Vert.x and without blocking: the realm's discovery
 * document once for the key set's address ({@code jwks_uri}), then the key set itself on every
 * call. Every request gives up after the timeout, so a hanging identity provider only delays the
 * next read. After a failure the address is looked up again, in case the realm moved.
 */
final class KeySetClient implements AutoCloseable {

    private final HttpClient http;
    private final long timeoutMillis;
    private final Map<String, String> keySetUrls = new ConcurrentHashMap<>();

    KeySetClient(Vertx vertx, Duration timeout) {
        this.timeoutMillis = timeout.toMillis();
        this.http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) timeoutMillis));
    }

    /** The {@code kid} of every key in the realm's published key set; fails if either document cannot be read. */
    Future<Set<String>> keyIds(WatchedRealm realm) {
        return keySetUrl(realm)
                .compose(this::getJson)
                .map(KeySetClient::keyIdsOf)
                .onFailure(failure -> keySetUrls.remove(realm.tenant()));
    }

    private Future<String> keySetUrl(WatchedRealm realm) {
        String known = keySetUrls.get(realm.tenant());
        if (known != null) {
            return Future.succeededFuture(known);
        }
        return getJson(realm.discoveryUrl()).map(discovery -> {
            String url = discovery.getString("jwks_uri");
            if (url == null || url.isBlank()) {
                throw new IllegalStateException(realm.discoveryUrl() + " names no jwks_uri");
            }
            keySetUrls.put(realm.tenant(), url);
            return url;
        });
    }

    private Future<JsonObject> getJson(String url) {
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setAbsoluteURI(url)
                .setConnectTimeout(timeoutMillis)
                .setIdleTimeout(timeoutMillis)
                .putHeader(HttpHeaders.ACCEPT, "application/json");
        return http.request(request)
                .compose(HttpClientRequest::send)
                .compose(response -> response.body().map(body -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(url + " answered " + response.statusCode());
                    }
                    return body.toJsonObject();
                }));
    }

    private static Set<String> keyIdsOf(JsonObject keySet) {
        Object keys = keySet.getValue("keys");
        if (!(keys instanceof JsonArray array)) {
            throw new IllegalStateException("the key set has no \"keys\" array");
        }
        Set<String> keyIds = new LinkedHashSet<>();
        for (Object key : array) {
            if (key instanceof JsonObject jwk && jwk.getValue("kid") instanceof String keyId) {
                keyIds.add(keyId);
            }
        }
        return keyIds;
    }

    @Override
    public void close() {
        http.close();
    }
}
