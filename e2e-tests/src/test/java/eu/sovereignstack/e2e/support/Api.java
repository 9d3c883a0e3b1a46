package eu.sovereignstack.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The HTTP API of one gateway (or one service called directly), as a demo user, with a raw token, or anonymously:
 * {@code api.as(User.VIEWER).get("/api/v1/catalog/products")}.
 */
public final class Api {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final URI base;
    private final Tokens tokens;

    Api(URI base, Tokens tokens) {
        this.base = base;
        this.tokens = tokens;
    }

    public URI base() {
        return base;
    }

    /** Requests with a fresh access token of this user (password grant, cached). */
    public Request as(User user) {
        return withToken(tokens.accessToken(user));
    }

    /** Requests with this exact bearer token. */
    public Request withToken(String token) {
        return anonymous().header("Authorization", "Bearer " + token);
    }

    public Request anonymous() {
        return new Request();
    }

    /** One request being put together; {@code get}, {@code post}, ... send it. */
    public final class Request {

        private final Map<String, String> headers = new LinkedHashMap<>();

        private Request() {
        }

        public Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Reply get(String path) {
            return send("GET", path, BodyPublishers.noBody());
        }

        public Reply delete(String path) {
            return send("DELETE", path, BodyPublishers.noBody());
        }

        /** POST of a JSON document, given as text or as an object Jackson writes. */
        public Reply postJson(String path, Object json) {
            return post(path, "application/json", json instanceof String text ? text : Json.write(json));
        }

        public Reply post(String path, String contentType, String body) {
            return header("Content-Type", contentType).send("POST", path, BodyPublishers.ofString(body));
        }

        public Reply putJson(String path, Object json) {
            return header("Content-Type", "application/json")
                    .send("PUT", path, BodyPublishers.ofString(json instanceof String text ? text : Json.write(json)));
        }

        public Reply mergePatch(String path, Object json) {
            return header("Content-Type", "application/merge-patch+json")
                    .send("PATCH", path, BodyPublishers.ofString(json instanceof String text ? text : Json.write(json)));
        }

        /** Any method and body; {@code path} is relative to the gateway or an absolute URL (a Location). */
        public Reply send(String method, String path, BodyPublisher body) {
            URI uri = path.startsWith("http://") || path.startsWith("https://") ? URI.create(path) : base.resolve(path);
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).method(method, body);
            headers.forEach(request::header);
            try {
                HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Reply(method, uri.getRawPath(), response.statusCode(), response.headers(), response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(method + " " + uri + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(method + " " + uri + " interrupted", e);
            }
        }
    }
}
