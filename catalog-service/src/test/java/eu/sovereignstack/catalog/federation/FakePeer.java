package eu.sovereignstack.catalog.federation;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A peer node and its member's token endpoint, on one loopback port, for the follower's tests.
 * The feed serves the changes a test posts to {@code /control/changes} (pages of {@code size}
 * after {@code after}, as a catalog node does); {@code /control/mode} makes it answer 503
 * ("down"), serve every change whatever the cursor ("replay"), or serve normally. The token
 * endpoint answers client-credentials requests of the configured client only; the tokens and
 * Authorization headers it saw are kept for the test to read at {@code /control/seen}. State
 * lives in the server (the test talks to it over HTTP), so class loaders do not matter.
 */
public class FakePeer implements QuarkusTestResourceLifecycleManager {

    static final String TOKEN = "federation-token-of-the-node";
    static final String CLIENT_ID = "sovereign-services";
    static final String CLIENT_SECRET = "test-federation-secret";

    private final ObjectMapper json = new ObjectMapper();
    private final List<JsonNode> changes = new ArrayList<>();
    private final List<String> seen = new ArrayList<>();
    private String mode = "normal";
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/", this::handle);
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        Map<String, String> config = new HashMap<>();
        config.put("fake-peer.url", base);
        config.put("catalog.federation.peers", "partner=" + base + "/api/v1");
        // The follower is driven by the tests; the schedule stays out of their way.
        config.put("catalog.federation.sync-interval", "1H");
        config.put("catalog.federation.first-sync-after", "1H");
        config.put("quarkus.oidc-client.auth-server-url", base + "/realms/sovereign");
        config.put("catalog.federation.client-id", CLIENT_ID);
        config.put("catalog.federation.client-secret", CLIENT_SECRET);
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        String path = uri.getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        switch (path) {
            case "/control/changes" -> {
                if ("DELETE".equals(exchange.getRequestMethod())) {
                    changes.clear();
                    seen.clear();
                } else {
                    json.readTree(body).forEach(changes::add);
                }
                respond(exchange, 204, null);
            }
            case "/control/mode" -> {
                mode = body.trim();
                respond(exchange, 204, null);
            }
            case "/control/seen" -> respond(exchange, 200, json.valueToTree(seen));
            case "/realms/sovereign/protocol/openid-connect/token" -> token(exchange, body);
            case "/api/v1/changes" -> feed(exchange, uri);
            default -> respond(exchange, 404, null);
        }
    }

    private void token(HttpExchange exchange, String body) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String basic = "Basic " + java.util.Base64.getEncoder()
                .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        boolean client = basic.equals(authorization)
                || body.contains("client_id=" + CLIENT_ID) && body.contains("client_secret=" + CLIENT_SECRET);
        seen.add("token " + (client && body.contains("grant_type=client_credentials") ? "client_credentials" : "refused"));
        if (!client) {
            respond(exchange, 401, json.createObjectNode().put("error", "invalid_client"));
            return;
        }
        respond(exchange, 200, json.createObjectNode().put("access_token", TOKEN).put("token_type", "Bearer").put("expires_in", 300));
    }

    private void feed(HttpExchange exchange, URI uri) throws IOException {
        seen.add("feed " + exchange.getRequestHeaders().getFirst("Authorization"));
        if ("down".equals(mode)) {
            respond(exchange, 503, null);
            return;
        }
        Map<String, String> query = new HashMap<>();
        for (String pair : uri.getQuery() == null ? new String[0] : uri.getQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        long after = "replay".equals(mode) ? 0 : Long.parseLong(query.getOrDefault("after", "0"));
        int size = Integer.parseInt(query.getOrDefault("size", "100"));
        ArrayNode items = json.createArrayNode();
        long next = after;
        boolean more = false;
        for (JsonNode change : changes) {
            if (change.get("id").asLong() <= after) {
                continue;
            }
            if (items.size() == size) {
                more = true;
                break;
            }
            items.add(change);
            next = change.get("id").asLong();
        }
        ObjectNode page = json.createObjectNode();
        page.set("items", items);
        page.put("next", next);
        page.put("more", more);
        respond(exchange, 200, page);
    }

    private void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : json.writeValueAsBytes(body);
        if (body != null) {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
        }
        exchange.sendResponseHeaders(status, body == null ? -1 : bytes.length);
        if (body != null) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }
}
