package eu.sovereignstack.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the services are and how long the gateway waits for them. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Backends by name: {@code catalog}, {@code assessment}. */
    Map<String, Backend> backends();

    /** Token buckets per caller: by token subject, or by IP address when anonymous. */
    RateLimit rateLimit();

    interface RateLimit {

        /** Requests a caller may send in a burst. */
        @WithDefault("120")
        long capacity();

        /** Requests a caller's bucket regains per minute. */
        @WithDefault("600")
        long perMinute();

        /** Anonymous callers (no token), per IP address: burst. */
        @WithDefault("60")
        long anonymousCapacity();

        /** Anonymous callers, per IP address: per minute. */
        @WithDefault("120")
        long anonymousPerMinute();
    }

    interface Backend {

        /** Base URL, e.g. http://127.0.0.1:8081. */
        URI url();

        /** How long to wait for a connection. */
        @WithDefault("2s")
        Duration connectTimeout();

        /** How long the backend may stay silent while answering (idle timeout). */
        @WithDefault("30s")
        Duration responseTimeout();

        /**
         * How often an idempotent request (GET, HEAD, OPTIONS, PUT, DELETE) tries again to connect
         * when the backend refuses or does not accept the connection; nothing has reached it then.
         */
        @WithDefault("2")
        int connectRetries();

        /** The pause before the first retry; it doubles for each further one. */
        @WithDefault("100ms")
        Duration connectRetryBackoff();

        /** Consecutive failures (unreachable or silent) that open the circuit breaker. */
        @WithDefault("5")
        int breakerFailures();

        /** How long an open breaker answers 503 at once before it lets one request try again. */
        @WithDefault("10s")
        Duration breakerReset();
    }
}
