package eu.sovereignstack.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import eu.sovereignstack.e2e.support.Api;
import eu.sovereignstack.e2e.support.Reply;
import eu.sovereignstack.e2e.support.SovereignStack;
import eu.sovereignstack.e2e.support.SovereignStackTest;
import eu.sovereignstack.e2e.support.User;

/**
 * Two gateway replicas and one Redis (a redis-server of this test's own, on a port of its own, so
 * it can be stopped and started again): a caller's quota is the same whether its requests go to
 * one replica or both, and while Redis is away the replicas keep answering, never with a 5xx,
 * each allowing its share of the quota.
 */
@SovereignStackTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedLimitsIT {

    private static final int CAPACITY = 10;
    private static final int REPLICAS = 2;
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String CATEGORIES = "/api/v1/catalog/categories";

    private final SovereignStack stack;
    private final int redisPort = freePort();
    private Process redis;
    private SovereignStack.ExtraService first;
    private SovereignStack.ExtraService second;

    SharedLimitsIT(SovereignStack stack) {
        this.stack = stack;
    }

    @BeforeAll
    void twoReplicas() {
        startRedis();
        Map<String, String> replica = Map.of(
                "sovereign.oidc.url", stack.tokens().issuer(User.Realm.SOVEREIGN),
                "sovereign.oidc.partner-url", stack.tokens().issuer(User.Realm.PARTNER),
                "quarkus.redis.hosts", "redis://127.0.0.1:" + redisPort,
                "gateway.rate-limit.key-prefix", "e2e-" + UUID.randomUUID() + ":",
                "gateway.rate-limit.capacity", String.valueOf(CAPACITY),
                "gateway.rate-limit.per-minute", "1",
                "gateway.rate-limit.replicas", String.valueOf(REPLICAS),
                "gateway.rate-limit.store-retry", "200ms");
        first = stack.startExtraGateway("gateway-replica-1", replica);
        second = stack.startExtraGateway("gateway-replica-2", replica);
        first.awaitOk("/q/health/ready", DEADLINE);
        second.awaitOk("/q/health/ready", DEADLINE);
    }

    @AfterAll
    void stop() {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
        stopRedis();
    }

    @Test
    void aCallersQuotaIsTheSameOnOneReplicaOrSpreadOverBoth() {
        // One caller sends everything to one replica, another alternates between the two.
        assertEquals(CAPACITY, allowed(List.of(first.api()), User.VIEWER, CAPACITY + 5));
        assertEquals(CAPACITY, allowed(List.of(first.api(), second.api()), User.EDITOR, CAPACITY + 5));
    }

    @Test
    void redisStoppedAndStartedAgainUnderLoadNeverCostsA5xx() throws Exception {
        ConcurrentMap<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        String token = stack.tokens().accessToken(User.ASSESSOR);
        Thread load = new Thread(() -> {
            int i = 0;
            while (running.get()) {
                Api replica = i++ % 2 == 0 ? first.api() : second.api();
                int status = replica.withToken(token).get(CATEGORIES).status();
                statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
            }
        }, "shared-limits-load");
        load.start();
        try {
            awaitShared(true);
            stopRedis();
            awaitShared(false);
            // Meanwhile each replica limits alone, to its share: a new caller gets CAPACITY / REPLICAS per replica.
            assertEquals(CAPACITY / REPLICAS, allowed(List.of(first.api()), User.ORG_ADMIN, CAPACITY));
            startRedis();
            awaitShared(true);
        } finally {
            running.set(false);
            load.join(TimeUnit.SECONDS.toMillis(30));
        }
        Map<Integer, Integer> seen = new TreeMap<>();
        statuses.forEach((status, count) -> seen.put(status, count.get()));
        assertTrue(seen.keySet().stream().allMatch(status -> status == 200 || status == 429), () -> "answers under load: " + seen);
        assertTrue(seen.getOrDefault(200, 0) > 0, () -> "answers under load: " + seen);
        // Shared again: a new caller's quota holds across both replicas.
        assertEquals(CAPACITY, allowed(List.of(first.api(), second.api()), User.PLATFORM_ADMIN, CAPACITY + 5));
    }

    /** Sends {@code requests} requests as {@code user}, round robin over the replicas; the number answered 200. */
    private int allowed(List<Api> replicas, User user, int requests) {
        String token = stack.tokens().accessToken(user);
        int ok = 0;
        for (int i = 0; i < requests; i++) {
            Reply reply = replicas.get(i % replicas.size()).withToken(token).get(CATEGORIES);
            assertTrue(reply.status() == 200 || reply.status() == 429, reply::toString);
            if (reply.status() == 200) {
                ok++;
            }
        }
        return ok;
    }

    private void awaitShared(boolean shared) {
        String gauge = "sovereign_gateway_rate_limit_shared " + (shared ? "1.0" : "0.0");
        Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofMillis(100)).until(() -> {
            // A request (of a caller no assertion counts) makes each replica ask Redis again; the gauge tells what it found.
            for (SovereignStack.ExtraService replica : List.of(first, second)) {
                replica.api().withToken(stack.tokens().accessToken(User.AGENCY_ASSESSOR)).get(CATEGORIES);
            }
            return first.api().anonymous().get("/q/metrics").body().contains(gauge)
                    && second.api().anonymous().get("/q/metrics").body().contains(gauge);
        });
    }

    private void startRedis() {
        try {
            redis = new ProcessBuilder("redis-server", "--port", String.valueOf(redisPort), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no")
                    .redirectErrorStream(true)
                    .redirectOutput(Path.of("target", "e2e-logs", "redis-" + redisPort + ".log").toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("redis-server could not be started (is it installed?)", e);
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!pong()) {
            assertTrue(redis.isAlive(), "redis-server exited at start");
            assertTrue(Instant.now().isBefore(deadline), "redis-server did not answer PING");
            Thread.onSpinWait();
        }
    }

    private void stopRedis() {
        if (redis != null) {
            redis.destroyForcibly();
            try {
                redis.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            redis = null;
        }
    }

    private boolean pong() {
        try (Socket socket = new Socket("127.0.0.1", redisPort)) {
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = in.readNBytes(7);
            return new String(answer, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
