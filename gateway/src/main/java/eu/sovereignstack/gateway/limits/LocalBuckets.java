package eu.sovereignstack.gateway.limits;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Token buckets (bucket4j) in this process: the limits while the shared store cannot be reached
 * (then each replica allows its share of a caller's quota), or the only limits of a gateway run
 * with {@code gateway.rate-limit.store=local}. Buckets of callers gone quiet are dropped after
 * ten minutes, and at most {@value #MAX_CALLERS} are kept, so memory stays bounded.
 */
final class LocalBuckets {

    static final int MAX_CALLERS = 100_000;

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(MAX_CALLERS)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();

    /** Takes a token from the bucket {@code key} of limit {@code limit}. */
    Quota take(String key, Limit limit) {
        Bucket bucket = buckets.get(key + "|" + limit.capacity() + "/" + limit.perMinute(), k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.capacity()).refillGreedy(limit.perMinute(), Duration.ofMinutes(1)).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        long remaining = probe.getRemainingTokens();
        // Greedy refill: the bucket is full again once the missing tokens have trickled back in.
        long reset = Quota.seconds((limit.capacity() - remaining) * limit.nanosPerToken());
        if (probe.isConsumed()) {
            return new Quota(limit.capacity(), remaining, reset, 0);
        }
        return new Quota(limit.capacity(), 0, reset, Math.max(1, Quota.seconds(probe.getNanosToWaitForRefill())));
    }
}
