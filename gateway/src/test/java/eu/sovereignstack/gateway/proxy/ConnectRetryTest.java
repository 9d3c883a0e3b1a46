package eu.sovereignstack.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;

class ConnectRetryTest {

    private static final Vertx VERTX = Vertx.vertx();
    private static final ConnectRetry RETRY = new ConnectRetry(VERTX, 2, Duration.ofMillis(1), () -> { });

    @AfterAll
    static void close() {
        VERTX.close();
    }

    @Test
    void anIdempotentRequestConnectsAgainAfterARefusal() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        Future<String> connected = RETRY.connect(HttpMethod.GET, () -> attempts.incrementAndGet() < 3
                ? Future.failedFuture(new ConnectException("Connection refused"))
                : Future.succeededFuture("connection"));
        assertEquals("connection", await(connected).result());
        assertEquals(3, attempts.get());
    }

    @Test
    void retriesStopAfterTheConfiguredNumber() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        Future<String> connected = RETRY.connect(HttpMethod.PUT, () -> {
            attempts.incrementAndGet();
            return Future.failedFuture(new ConnectTimeoutException("connection timed out"));
        });
        assertInstanceOf(ConnectTimeoutException.class, await(connected).cause());
        assertEquals(3, attempts.get());
    }

    @Test
    void aPostIsNeverRetried() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        Future<String> connected = RETRY.connect(HttpMethod.POST, () -> {
            attempts.incrementAndGet();
            return Future.failedFuture(new ConnectException("Connection refused"));
        });
        assertTrue(await(connected).failed());
        assertEquals(1, attempts.get());
    }

    @Test
    void otherFailuresAreNotRetried() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        Future<String> connected = RETRY.connect(HttpMethod.GET, () -> {
            attempts.incrementAndGet();
            return Future.failedFuture(new IllegalStateException("pool closed"));
        });
        assertInstanceOf(IllegalStateException.class, await(connected).cause());
        assertEquals(1, attempts.get());
    }

    private static <T> Future<T> await(Future<T> future) throws Exception {
        future.toCompletionStage().toCompletableFuture().handle((result, failure) -> null).get(10, TimeUnit.SECONDS);
        return future;
    }
}
