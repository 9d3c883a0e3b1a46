package eu.sovereignstack.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the services are and how long the gateway waits for them. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Backends by name: {@code catalog}, {@code assessment}, {@code mcp}. */
    Map<String, Backend> backends();

    /**
     * The suite's public address, as clients call the gateway (through the Ingress in Kubernetes):
     * a 401 of the MCP endpoint points at its protected-resource metadata under it.
     */
    URI publicUrl();

    /** Token buckets per caller: by token subject, or by IP address when anonymous. */
    RateLimit rateLimit();

    /**
     * Proxies in front of the gateway whose X-Forwarded-For is believed (IP addresses or CIDR
     * ranges, e.g. the ingress controller's pod network); none by default, so the direct peer is
     * the client.
     */
    Optional<List<String>> trustedProxies();

    /** Where the rate-limit buckets live. */
    enum Store {
        /** In Redis ({@code quarkus.redis.hosts}), shared by every replica. */
        REDIS,
        /** In each gateway process: a caller's quota grows with the replicas. */
        LOCAL
    }

    interface RateLimit {

        /** Where the buckets live. */
        @WithDefault("redis")
        Store store();

        /**
         * The most gateway replicas that may run. While Redis cannot be reached each replica
         * allows a caller this share of its quota, so together they never allow more.
         */
        @WithDefault("1")
        int replicas();

        /** How long a request waits for Redis before it is limited locally instead. */
        @WithDefault("250ms")
        Duration storeTimeout();

        /** After Redis failed to answer, how long the gateway limits locally before it asks again. */
        @WithDefault("1s")
        Duration storeRetry();

        /** Prefix of the bucket keys in Redis (one Redis may serve several suites). */
        @WithDefault("sovereign:rate-limit:")
        String keyPrefix();

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

        /**
         * Requests with a token this gateway has not verified yet, per IP address: burst. Each is
         * taken before the token's signature is checked, so a flood of bad tokens costs little.
         * A client that reuses its token for the token's lifetime pays once per token.
         */
        @WithDefault("120")
        long unverifiedCapacity();

        /** Requests with a token not verified yet, per IP address: per minute. */
        @WithDefault("600")
        long unverifiedPerMinute();
    }

    interface Backend {

        /** Base URL, e.g. http://127.0.0.1:8081. */
        URI url();

        /**
         * Whether the gateway is ready only while this backend is: the API's services are; the MCP
         * server is not (while it is down, /mcp answers 502 or 503 and the API goes on).
         */
        @WithDefault("true")
        boolean required();

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
