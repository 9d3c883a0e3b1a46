package eu.sovereignstack.gateway.proxy;

import java.net.ConnectException;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;

/**
 * Retries of idempotent requests, where they are safe: while the connection to the backend cannot
 * be established (refused, or not accepted in time), nothing has been sent, so trying again
 * cannot do anything twice. Once a request is on its way its body is streamed and it is not
 * retried; a silent backend is a 504, not a retry.
 */
final class ConnectRetry {

    private static final Set<HttpMethod> IDEMPOTENT = Set.of(
            HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.PUT, HttpMethod.DELETE);

    private final Vertx vertx;
    private final int retries;
    private final Duration backoff;
    private final Runnable onRetry;

    /** {@code onRetry} is told of each attempt made again (the gateway counts them). */
    ConnectRetry(Vertx vertx, int retries, Duration backoff, Runnable onRetry) {
        this.vertx = vertx;
        this.retries = retries;
        this.backoff = backoff;
        this.onRetry = onRetry;
    }

    static boolean idempotent(HttpMethod method) {
        return IDEMPOTENT.contains(method);
    }

    /** Refused, or not accepted in time (Netty's ConnectTimeoutException is a ConnectException too). */
    static boolean connectFailure(Throwable failure) {
        return failure instanceof ConnectException;
    }

    /** Connects with {@code connect}; for an idempotent method, again after a connect failure. */
    <T> Future<T> connect(HttpMethod method, Supplier<Future<T>> connect) {
        return attempt(connect, idempotent(method) ? retries : 0, backoff.toMillis());
    }

    private <T> Future<T> attempt(Supplier<Future<T>> connect, int retriesLeft, long pauseMillis) {
        return connect.get().recover(failure -> {
            if (retriesLeft <= 0 || !connectFailure(failure)) {
                return Future.failedFuture(failure);
            }
            Promise<T> retried = Promise.promise();
            onRetry.run();
            vertx.setTimer(Math.max(1, pauseMillis),
                    timer -> attempt(connect, retriesLeft - 1, pauseMillis * 2).onComplete(retried));
            return retried.future();
        });
    }
}
