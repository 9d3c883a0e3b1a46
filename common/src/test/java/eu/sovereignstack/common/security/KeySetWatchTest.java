package eu.sovereignstack.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vertx.core.Vertx;

/**
 * The watch against a realm served by the JDK's HTTP server: discovery document, then key set.
 * Each read is started and awaited directly ({@link KeySetWatch#refresh()}), so no test waits
 * for a timer.
 */
class KeySetWatchTest {

    private static final String TENANT = "Default";
    /** Long enough that a loaded machine's answers arrive in time; a silent realm costs one of it. */
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final RevokedKeys revokedKeys = new RevokedKeys();
    private final AtomicInteger discoveries = new AtomicInteger();
    private Vertx vertx;
    private HttpServer realm;
    private KeySetWatch watch;
    /** What the key set answers: its status and key ids; status 0 means never answer. */
    private volatile int status = 200;
    private volatile Set<String> published = Set.of();

    @BeforeEach
    void start() throws IOException {
        vertx = Vertx.vertx();
        realm = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String base = "http://127.0.0.1:" + realm.getAddress().getPort() + "/realms/sovereign";
        realm.createContext("/realms/sovereign/.well-known/openid-configuration", exchange -> {
            discoveries.incrementAndGet();
            answer(exchange, 200, "{\"issuer\":\"" + base + "\",\"jwks_uri\":\"" + base + "/protocol/openid-connect/certs\"}");
        });
        realm.createContext("/realms/sovereign/protocol/openid-connect/certs", exchange -> {
            if (status == 0) {
                return; // silent: the client's timeout has to end the wait
            }
            String keys = published.stream().map(kid -> "{\"kid\":\"" + kid + "\",\"kty\":\"RSA\",\"use\":\"sig\"}")
                    .collect(Collectors.joining(",", "{\"keys\":[", "]}"));
            answer(exchange, status, status == 200 ? keys : "{\"error\":\"unavailable\"}");
        });
        realm.start();
        watch = new KeySetWatch(vertx, List.of(new WatchedRealm(TENANT, base)), Duration.ofSeconds(30), TIMEOUT, revokedKeys);
    }

    @AfterEach
    void stop() throws Exception {
        realm.stop(0);
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    @Test
    void aKeyThatLeavesThePublishedSetIsRevokedAtTheNextRead() throws Exception {
        publish("old", "new");
        read();
        assertFalse(revokedKeys.isRevoked(TENANT, "old"));

        publish("new");
        read();

        assertTrue(revokedKeys.isRevoked(TENANT, "old"));
        assertFalse(revokedKeys.isRevoked(TENANT, "new"));
        assertFalse(revokedKeys.isRevoked(TENANT, "never-published"));
        assertEquals(1, discoveries.get(), "the discovery document is read once");
    }

    @Test
    void aFailedReadKeepsTheLastKnownKeys() throws Exception {
        publish("old", "new");
        read();

        status = 503;
        publish();
        read();
        assertFalse(revokedKeys.isRevoked(TENANT, "old"), "an error answer changes nothing");

        status = 0;
        long begin = System.nanoTime();
        read();
        assertTrue(Duration.ofNanos(System.nanoTime() - begin).compareTo(TIMEOUT.multipliedBy(6)) < 0, "the read gave up in time");
        assertFalse(revokedKeys.isRevoked(TENANT, "old"), "a silent realm changes nothing");

        realm.stop(0);
        read();
        assertFalse(revokedKeys.isRevoked(TENANT, "new"), "an unreachable realm changes nothing");
    }

    @Test
    void aWithdrawnKeyPublishedAgainIsAcceptedAgain() throws Exception {
        publish("a", "b");
        read();
        publish("b");
        read();
        assertTrue(revokedKeys.isRevoked(TENANT, "a"));

        publish("a", "b");
        read();

        assertFalse(revokedKeys.isRevoked(TENANT, "a"));
    }

    @Test
    void aKeySetWithoutKeysArrayIsAFailedRead() throws Exception {
        publish("a");
        read();
        realm.removeContext("/realms/sovereign/protocol/openid-connect/certs");
        realm.createContext("/realms/sovereign/protocol/openid-connect/certs", exchange -> answer(exchange, 200, "{}"));

        read();

        assertFalse(revokedKeys.isRevoked(TENANT, "a"));
    }

    private void publish(String... keyIds) {
        published = Set.of(keyIds);
    }

    private void read() throws Exception {
        watch.refresh().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
