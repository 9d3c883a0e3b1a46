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
 * A service that starts while Keycloak cannot be reached: it starts and is live, answers a real
 * token with a clear 401 or 503 problem (never a 500), and accepts the same token once Keycloak
 * can be reached, without a restart. An extra catalog-service is pointed at an address where
 * nothing listens; later the test forwards that address to the suite's Keycloak. Tokens carry
 * the real issuer, so the extra catalog is told it ({@code quarkus.oidc.token.issuer}).
 */
@SovereignStackTest
class KeycloakUnreachableAtStartIT {

    /** The catalog's own path (the gateway serves it as /api/v1/catalog/products). */
    private static final String PRODUCTS = "/api/v1/products?size=1";
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
    void aServiceStartedWithoutKeycloakAnswersClearlyAndRecoversWithoutRestart() throws IOException {
        int unreachablePort = freePort();
        String unreachable = "http://127.0.0.1:" + unreachablePort + "/realms/";
        String token = tokens.accessToken(User.VIEWER);
        try (SovereignStack.ExtraService catalog = stack.startExtraCatalog("catalog-without-keycloak", Map.of(
                "sovereign.oidc.url", unreachable + User.Realm.SOVEREIGN,
                "sovereign.oidc.partner-url", unreachable + User.Realm.PARTNER,
                "quarkus.oidc.token.issuer", tokens.issuer(User.Realm.SOVEREIGN),
                "quarkus.oidc.partner.token.issuer", tokens.issuer(User.Realm.PARTNER)))) {

            catalog.awaitOk("/q/health/live", START_DEADLINE);

            Reply withoutKeycloak = catalog.api().withToken(token).get(PRODUCTS);
            assertTrue(Set.of(401, 503).contains(withoutKeycloak.status()),
                    () -> "a clear 401 or 503 while Keycloak cannot be reached, not " + withoutKeycloak + "\n" + catalog.logTail(40));
            if (withoutKeycloak.status() == 401) {
                Problems.assertProblem(withoutKeycloak, 401, "unauthenticated");
            } else {
                assertTrue(withoutKeycloak.contentType().startsWith(Problems.MEDIA_TYPE), () -> "a problem: " + withoutKeycloak);
                assertEquals(503, withoutKeycloak.json().path("status").asInt(), withoutKeycloak::toString);
            }
            Reply anonymous = catalog.api().anonymous().get(PRODUCTS);
            Problems.assertProblem(anonymous, 401, "unauthenticated");
            System.out.printf("[e2e] catalog started without Keycloak: live; a real token gets %d %s%n",
                    withoutKeycloak.status(), withoutKeycloak.json().path("detail").asText());

            try (Forwarder forwarder = new Forwarder(unreachablePort, stack.keycloak().getPort())) {
                Instant reachable = Instant.now();
                Reply last = Poll.until(() -> {
                    Reply reply = catalog.api().withToken(token).get(PRODUCTS);
                    assertTrue(reply.status() != 500, "never a 500: " + reply);
                    return reply;
                }, reply -> reply.status() == 200, RECOVERY_DEADLINE);
                assertEquals(200, last.status(), () -> "the same token once Keycloak can be reached, within "
                        + RECOVERY_DEADLINE.toSeconds() + " s: " + last + "\n" + catalog.logTail(40));
                System.out.printf("[e2e] catalog started without Keycloak: the token got in %d ms after Keycloak became reachable%n",
                        Duration.between(reachable, Instant.now()).toMillis());
                assertTrue(catalog.isAlive(), "the same process, not restarted");
            }
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
