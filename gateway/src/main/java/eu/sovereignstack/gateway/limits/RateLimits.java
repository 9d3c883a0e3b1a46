package eu.sovereignstack.gateway.limits;

import java.time.Duration;
import java.util.OptionalLong;

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

    /** Takes a token for an identified caller; empty when allowed, else the seconds to wait. */
    public OptionalLong forCaller(String issuer, String subject) {
        return take("sub:" + issuer + "|" + subject, identified);
    }

    /** Takes a token for an anonymous caller; empty when allowed, else the seconds to wait. */
    public OptionalLong forAddress(String address) {
        return take("ip:" + address, anonymous);
    }

    private OptionalLong take(String key, Bandwidth limit) {
        Bucket bucket = buckets.get(key, k -> Bucket.builder().addLimit(limit).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1));
    }
}
