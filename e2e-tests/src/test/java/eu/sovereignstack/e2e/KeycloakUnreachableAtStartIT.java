package eu.sovereignstack.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import eu.sovereignstack.e2e.support.Problems;
import eu.sovereignstack.e2e.support.Poll;
import eu.sovereignstack.e2e.support.Reply;
import eu.sovereignstack.e2e.support.SovereignStack;
import eu.sovereignstack.e2e.support.SovereignStackTest;
import eu.sovereignstack.e2e.support.Tokens;
import eu.sovereignstack.e2e.support.User;

/**
 * Services that start while Keycloak cannot be reached: they start and are live, answer a real
 * token with a clear 401 or 503 problem (never a 500), and accept the same token once Keycloak
 * can be reached, without a restart. An extra catalog-service and an extra gateway (in front of
 * the suite's services) are pointed at an address where nothing listens; later the test forwards
 * that address to the suite's Keycloak. Tokens carry the real issuer, so the extra services are
 * told it ({@code quarkus.oidc.token.issuer}).
 */
@SovereignStackTest
class KeycloakUnreachableAtStartIT {

    /** The catalog's own path, and the same through a gateway. */
    private static final String CATALOG_PRODUCTS = "/api/v1/products?size=1";
    private static final String GATEWAY_PRODUCTS = "/api/v1/catalog/products?size=1";
    private static final Duration START_DEADLINE = Duration.ofSeconds(120);
    private static final Duration RECOVERY_DEADLINE = Duration.ofSeconds(60);

    private final SovereignStack stack;
    private final Tokens tokens;

    KeycloakUnreachableAtStartIT(SovereignStack stack) {
        this.stack = stack;
        this.tokens = stack.tokens();
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void servicesStartedWithoutKeycloakAnswerClearlyAndRecoverWithoutRestart() throws IOException {
        int unreachablePort = freePort();
        String unreachable = "http://127.0.0.1:" + unreachablePort + "/realms/";
        Map<String, String> withoutKeycloak = Map.of(
                "sovereign.oidc.url", unreachable + User.Realm.SOVEREIGN,
                "sovereign.oidc.partner-url", unreachable + User.Realm.PARTNER,
                "quarkus.oidc.token.issuer", tokens.issuer(User.Realm.SOVEREIGN),
                "quarkus.oidc.partner.token.issuer", tokens.issuer(User.Realm.PARTNER));
        String token = tokens.accessToken(User.VIEWER);
        try (SovereignStack.ExtraService catalog = stack.startExtraCatalog("catalog-without-keycloak", withoutKeycloak);
                SovereignStack.ExtraService gateway = stack.startExtraGateway("gateway-without-keycloak", withoutKeycloak)) {
            Map<String, Started> services = new LinkedHashMap<>();
            services.put("catalog-service", new Started(catalog, CATALOG_PRODUCTS));
            services.put("gateway", new Started(gateway, GATEWAY_PRODUCTS));

            for (Map.Entry<String, Started> entry : services.entrySet()) {
                Started service = entry.getValue();
                service.process().awaitOk("/q/health/live", START_DEADLINE);
                Reply answer = service.get(token);
                assertClearRefusal(entry.getKey(), answer, service.process());
                Problems.assertProblem(service.process().api().anonymous().get(service.path()), 401, "unauthenticated");
                System.out.printf("[e2e] %s started without Keycloak: live; a real token gets %d %s%n",
                        entry.getKey(), answer.status(), answer.json().path("detail").asText());
            }

            try (Forwarder forwarder = new Forwarder(unreachablePort, stack.keycloak().getPort())) {
                Instant reachable = Instant.now();
                for (Map.Entry<String, Started> entry : services.entrySet()) {
                    Started service = entry.getValue();
                    Reply last = Poll.until(() -> {
                        Reply reply = service.get(token);
                        assertTrue(reply.status() != 500, "never a 500: " + reply);
                        return reply;
                    }, reply -> reply.status() == 200, RECOVERY_DEADLINE);
                    assertEquals(200, last.status(), () -> entry.getKey() + ": the same token once Keycloak can be reached, within "
                            + RECOVERY_DEADLINE.toSeconds() + " s: " + last + "\n" + service.process().logTail(40));
                    System.out.printf("[e2e] %s started without Keycloak: the token got in %d ms after Keycloak became reachable%n",
                            entry.getKey(), Duration.between(reachable, Instant.now()).toMillis());
                    assertTrue(service.process().isAlive(), entry.getKey() + ": the same process, not restarted");
                }
            }
        }
    }

    /** An extra service and the path of the catalog's product list on it. */
    private record Started(SovereignStack.ExtraService process, String path) {

        Reply get(String token) {
            return process.api().withToken(token).get(path);
        }
    }

    /** While Keycloak cannot be reached, a real token gets a 401 or a 503 problem, never a 500. */
    private static void assertClearRefusal(String name, Reply answer, SovereignStack.ExtraService service) {
        assertTrue(Set.of(401, 503).contains(answer.status()),
                () -> name + ": a clear 401 or 503 while Keycloak cannot be reached, not " + answer + "\n" + service.logTail(40));
        if (answer.status() == 401) {
            Problems.assertProblem(answer, 401, "unauthenticated");
        } else {
            assertTrue(answer.contentType().startsWith(Problems.MEDIA_TYPE), () -> name + ": a problem: " + answer);
            assertEquals(503, answer.json().path("status").asInt(), answer::toString);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A TCP forwarder from 127.0.0.1:{@code from} to 127.0.0.1:{@code to}, until closed. */
    private static final class Forwarder implements AutoCloseable {

        private final ServerSocket server;
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();
        private final Thread acceptor;

        Forwarder(int from, int to) throws IOException {
            server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), from));
            acceptor = new Thread(() -> accept(to), "e2e-forwarder-" + from);
            acceptor.setDaemon(true);
            acceptor.start();
        }

        private void accept(int to) {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Socket upstream = new Socket(InetAddress.getLoopbackAddress(), to);
                    sockets.add(client);
                    sockets.add(upstream);
                    pipe(client, upstream);
                    pipe(upstream, client);
                } catch (IOException e) {
                    // Closed, or Keycloak refused: the caller sees the connection fail.
                }
            }
        }

        private static void pipe(Socket in, Socket out) {
            Thread thread = new Thread(() -> {
                try {
                    in.getInputStream().transferTo(out.getOutputStream());
                    out.shutdownOutput();
                } catch (IOException e) {
                    // One side closed; close() closes both.
                }
            }, "e2e-forwarder-pipe");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket socket : sockets) {
                socket.close();
            }
            try {
                acceptor.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
