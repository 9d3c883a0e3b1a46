package eu.sovereignstack.gateway.observability;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The gateway's own series, next to Quarkus' per-route {@code http_server_requests_seconds}:
 * <ul>
 * <li>{@code sovereign_gateway_backend_requests_seconds{backend,status,outcome}}: each forwarded
 * exchange, from sending to the backend's answer (or the failure that replaced it);</li>
 * <li>{@code sovereign_gateway_breaker_open{backend}}: 1 while the backend's breaker is open;</li>
 * <li>{@code sovereign_gateway_backend_retries_total{backend}}: connection attempts made again;</li>
 * <li>{@code sovereign_gateway_rate_limit_refusals_total{caller}}: 429s, by the bucket that
 * refused: {@code identified} (a verified caller), {@code address} (no token) or
 * {@code unverified} (a token not verified yet, refused before its signature is checked);</li>
 * <li>{@code sovereign_gateway_rate_limit_shared}: 1 while the shared store answers, 0 while the
 * gateway falls back to its local limits.</li>
 * </ul>
 */
@ApplicationScoped
public class GatewayMetrics {

    /** How a forwarded exchange ended. */
    public enum Outcome {
        SUCCESS, CLIENT_ERROR, SERVER_ERROR, UNREACHABLE, TIMEOUT, BREAKER_OPEN;

        public static Outcome of(int status) {
            return status >= 500 ? SERVER_ERROR : status >= 400 ? CLIENT_ERROR : SUCCESS;
        }
    }

    /** The meters of each request, found once: a registry lookup builds the meter's id on every call. */
    private record Exchange(String backend, int status, Outcome outcome) {
    }

    private final MeterRegistry registry;
    private final Map<Exchange, Timer> exchanges = new ConcurrentHashMap<>();
    private final Map<String, Counter> retries = new ConcurrentHashMap<>();
    private final Map<String, Counter> refusals = new ConcurrentHashMap<>();

    GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One exchange with a backend; {@code status} is 0 when no answer came from it. */
    public void exchanged(String backend, int status, Outcome outcome, long nanos) {
        exchanges.computeIfAbsent(new Exchange(backend, status, outcome), exchange -> Timer.builder("sovereign.gateway.backend.requests")
                .description("Exchanges forwarded to a backend, by its answer")
                .tag("backend", backend)
                .tag("status", status == 0 ? "none" : String.valueOf(status))
                .tag("outcome", outcome.name())
                .register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    public void retried(String backend) {
        retries.computeIfAbsent(backend, name -> Counter.builder("sovereign.gateway.backend.retries")
                .description("Connections to a backend tried again after a connect failure")
                .tag("backend", name)
                .register(registry))
                .increment();
    }

    /** The gauge of a backend's breaker, set by its state changes. */
    public AtomicInteger breaker(String backend) {
        AtomicInteger open = new AtomicInteger();
        Gauge.builder("sovereign.gateway.breaker.open", open, AtomicInteger::get)
                .description("1 while the backend's circuit breaker is open (requests answered 503 at once)")
                .tag("backend", backend)
                .register(registry);
        return open;
    }

    public void refused(String caller) {
        refusals.computeIfAbsent(caller, name -> Counter.builder("sovereign.gateway.rate.limit.refusals")
                .description("Requests refused with 429")
                .tag("caller", name)
                .register(registry))
                .increment();
    }

    /** The gauge of the shared limit store: 1 while it answers. */
    public void sharedStore(BooleanSupplier answering) {
        Gauge.builder("sovereign.gateway.rate.limit.shared", () -> answering.getAsBoolean() ? 1 : 0)
                .description("1 while the rate limits are shared through Redis, 0 while each replica limits alone")
                .register(registry);
    }
}
