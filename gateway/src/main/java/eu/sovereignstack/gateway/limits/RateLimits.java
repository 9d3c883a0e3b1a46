package eu.sovereignstack.gateway.limits;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.mutiny.redis.client.RedisAPI;

import eu.sovereignstack.gateway.config.GatewayConfig;
import eu.sovereignstack.gateway.observability.GatewayMetrics;

/**
 * One token bucket per caller, each kind with its own limits: identified callers by issuer and
 * subject; callers without a token by client address; and, by client address too, requests
 * whose token has not been verified yet (before its signature is checked).
 * <p>
 * With {@code gateway.rate-limit.store=redis} (the default) the buckets live in Redis and all
 * replicas share them, so a caller's quota is the same however its requests are spread. A busy
 * caller's tokens are taken a few at a time ({@link Limit#lease()}, a twentieth of the burst,
 * at most 16) and spent here for up to a second, so Redis is asked once for several requests; a
 * request served from such a lease gets its quota at once, as a completed future. When
 * Redis does not answer within {@code store-timeout}, the gateway does not fail the request: it
 * limits the caller locally, to {@code 1/replicas} of the quota (so the replicas together never
 * allow more than the quota), and asks Redis again after {@code store-retry}.
 */
@ApplicationScoped
public class RateLimits {

    private static final Logger LOG = Logger.getLogger(RateLimits.class);
    private static final long LEASE_MILLIS = 1000;

    private final Limit identified;
    private final Limit anonymous;
    private final Limit unverified;
    private final int replicas;
    private final Duration storeTimeout;
    private final long storeRetryNanos;
    private final LocalBuckets local = new LocalBuckets();
    private final Cache<String, Lease> leases = Caffeine.newBuilder()
            .maximumSize(LocalBuckets.MAX_CALLERS)
            .expireAfterWrite(Duration.ofMillis(LEASE_MILLIS))
            .executor(Runnable::run)
            .build();
    /** Bucket keys of identified callers: a digest per request would cost more than the lookup. */
    private final Cache<String, String> callerKeys = Caffeine.newBuilder()
            .maximumSize(LocalBuckets.MAX_CALLERS)
            .expireAfterAccess(Duration.ofMinutes(10))
            .executor(Runnable::run)
            .build();
    /** Callers whose next lease is being asked for, with the request that asks. */
    private final Map<String, Future<Quota>> asked = new ConcurrentHashMap<>();
    private final SharedBuckets shared;
    private volatile boolean sharedAnswering;
    private volatile long sharedRetryAt;

    RateLimits(GatewayConfig config, Instance<RedisAPI> redis, GatewayMetrics metrics) {
        GatewayConfig.RateLimit limits = config.rateLimit();
        this.identified = new Limit(limits.capacity(), limits.perMinute());
        this.anonymous = new Limit(limits.anonymousCapacity(), limits.anonymousPerMinute());
        this.unverified = new Limit(limits.unverifiedCapacity(), limits.unverifiedPerMinute());
        this.replicas = limits.replicas();
        this.storeTimeout = limits.storeTimeout();
        this.storeRetryNanos = limits.storeRetry().toNanos();
        this.shared = limits.store() == GatewayConfig.Store.REDIS ? new SharedBuckets(redis.get(), limits.keyPrefix()) : null;
        this.sharedAnswering = shared != null;
        metrics.sharedStore(this::shared);
    }

    /** Takes a token for an identified caller. */
    public Future<Quota> forCaller(String issuer, String subject) {
        return take(callerKeys.get(issuer + "\n" + subject, caller -> "sub:" + digest(caller)), identified);
    }

    /** Takes a token for a caller without a token, known only by its address. */
    public Future<Quota> forAddress(String address) {
        return take("ip:" + address, anonymous);
    }

    /** Takes a token for a request whose token is not verified yet, by its address. */
    public Future<Quota> forUnverified(String address) {
        return take("unverified:" + address, unverified);
    }

    /** Whether the limits are shared now (Redis answers). */
    public boolean shared() {
        return shared != null && sharedAnswering;
    }

    /**
     * The quota from a lease or from the local buckets is known at once (a completed future);
     * one from Redis completes on the Redis client's thread.
     */
    private Future<Quota> take(String key, Limit limit) {
        if (shared == null || (!sharedAnswering && System.nanoTime() - sharedRetryAt < 0)) {
            return Future.succeededFuture(local.take(key, limit.share(replicas)));
        }
        Lease lease = leases.getIfPresent(key);
        if (lease != null) {
            Quota leased = lease.take();
            if (leased != null) {
                return Future.succeededFuture(leased);
            }
        }
        if (limit.lease() <= 1) {
            return ask(key, limit);
        }
        // The caller's lease is spent: one request asks Redis for the next, the others wait for
        // it and take from it, instead of each asking (and each lease replacing the last).
        Promise<Quota> asking = Promise.promise();
        Future<Quota> earlier = asked.putIfAbsent(key, asking.future());
        if (earlier != null) {
            return earlier.transform(ignored -> take(key, limit));
        }
        ask(key, limit).onComplete(taken -> {
            asked.remove(key, asking.future());
            asking.handle(taken);
        });
        return asking.future();
    }

    private Future<Quota> ask(String key, Limit limit) {
        Promise<Quota> quota = Promise.promise();
        shared.take(key, limit, limit.lease())
                .ifNoItem().after(storeTimeout).fail()
                .map(taken -> {
                    answering();
                    if (taken.granted() <= 1) {
                        return taken.quota();
                    }
                    leases.put(key, new Lease(taken.granted() - 1, taken.quota()));
                    // The caller's tokens are those left in Redis and those leased here.
                    Quota found = taken.quota();
                    return new Quota(found.limit(), found.remaining() + taken.granted() - 1, found.resetSeconds(), 0);
                })
                .onFailure().recoverWithItem(failure -> {
                    unreachable(failure);
                    return local.take(key, limit.share(replicas));
                })
                .subscribe().with(quota::complete, quota::fail);
        return quota.future();
    }

    /**
     * Tokens of a caller this replica took from Redis ahead of its requests, spent here without
     * asking Redis again, for at most {@value #LEASE_MILLIS} ms (what is left then is dropped).
     * They were taken from the shared bucket, so no replica ever allows more than the quota; a
     * caller spread over replicas may only meet its limit a little early.
     */
    private static final class Lease {

        private final AtomicInteger left;
        private final Quota taken;

        Lease(int tokens, Quota taken) {
            this.left = new AtomicInteger(tokens);
            this.taken = taken;
        }

        /** A token of the lease, with the quota as Redis last told it; null when none is left. */
        Quota take() {
            int remaining = left.decrementAndGet();
            if (remaining < 0) {
                return null;
            }
            return new Quota(taken.limit(), taken.remaining() + remaining, taken.resetSeconds(), 0);
        }
    }

    private void answering() {
        if (!sharedAnswering) {
            sharedAnswering = true;
            LOG.info("The rate-limit store answers again; the limits are shared by all replicas");
        }
    }

    private void unreachable(Throwable failure) {
        sharedRetryAt = System.nanoTime() + storeRetryNanos;
        if (sharedAnswering) {
            sharedAnswering = false;
            LOG.warnf("The rate-limit store does not answer (%s); each replica limits callers to 1/%d of their quota until it does",
                    failure.toString(), replicas);
        }
    }

    /** Bucket keys of a fixed, short length, whatever the issuer and subject. */
    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
