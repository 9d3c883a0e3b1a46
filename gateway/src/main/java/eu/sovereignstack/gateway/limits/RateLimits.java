package eu.sovereignstack.gateway.limits;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import eu.sovereignstack.gateway.config.GatewayConfig;

/**
 * One token bucket (bucket4j) per caller: identified callers by issuer and subject, anonymous
 * ones by IP address, each with its own limits. Buckets of callers gone quiet are dropped after
 * ten minutes, and at most {@value #MAX_CALLERS} are kept, so memory stays bounded.
 */
@ApplicationScoped
public class RateLimits {

    static final int MAX_CALLERS = 100_000;

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(MAX_CALLERS)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();
    private final Bandwidth identified;
    private final Bandwidth anonymous;

    RateLimits(GatewayConfig config) {
        GatewayConfig.RateLimit limits = config.rateLimit();
        this.identified = Bandwidth.builder().capacity(limits.capacity())
                .refillGreedy(limits.perMinute(), Duration.ofMinutes(1)).build();
        this.anonymous = Bandwidth.builder().capacity(limits.anonymousCapacity())
                .refillGreedy(limits.anonymousPerMinute(), Duration.ofMinutes(1)).build();
    }

    /** Takes a token for an identified caller. */
    public Quota forCaller(String issuer, String subject) {
        return take("sub:" + issuer + "|" + subject, identified);
    }

    /** Takes a token for an anonymous caller. */
    public Quota forAddress(String address) {
        return take("ip:" + address, anonymous);
    }

    private Quota take(String key, Bandwidth limit) {
        Bucket bucket = buckets.get(key, k -> Bucket.builder().addLimit(limit).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        long capacity = limit.getCapacity();
        long remaining = probe.getRemainingTokens();
        // Greedy refill: the bucket is full again once the missing tokens have trickled back in.
        long nanosPerToken = limit.getRefillPeriodNanos() / limit.getRefillTokens();
        long reset = seconds((capacity - remaining) * nanosPerToken);
        if (probe.isConsumed()) {
            return new Quota(capacity, remaining, reset, 0);
        }
        return new Quota(capacity, 0, reset, Math.max(1, seconds(probe.getNanosToWaitForRefill())));
    }

    private static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }

    /**
     * What a request found: the bucket's size, the requests left, the seconds until it is full
     * again, and, when the request was refused, the seconds to wait ({@code Retry-After}).
     */
    public record Quota(long limit, long remaining, long resetSeconds, long retryAfterSeconds) {

        public boolean exceeded() {
            return retryAfterSeconds > 0;
        }
    }
}
