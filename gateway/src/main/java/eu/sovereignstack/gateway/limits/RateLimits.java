package eu.sovereignstack.gateway.limits;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.RedisAPI;

import eu.sovereignstack.gateway.config.GatewayConfig;
import eu.sovereignstack.gateway.observability.GatewayMetrics;

/**
 * One token bucket per caller, each kind with its own limits: identified callers by issuer and
 * subject; callers without a token by client address; and, by client address too, requests
 * whose token has not been verified yet (before its signature is checked).
 * <p>
 * With {@code gateway.rate-limit.store=redis} (the default) the buckets live in Redis and all
 * replicas share them, so a caller's quota is the same however its requests are spread. When
 * Redis does not answer within {@code store-timeout}, the gateway does not fail the request: it
 * limits the caller locally, to {@code 1/replicas} of the quota (so the replicas together never
 * allow more than the quota), and asks Redis again after {@code store-retry}.
 */
@ApplicationScoped
public class RateLimits {

    private static final Logger LOG = Logger.getLogger(RateLimits.class);

    private final Limit identified;
    private final Limit anonymous;
    private final Limit unverified;
    private final int replicas;
    private final Duration storeTimeout;
    private final long storeRetryNanos;
    private final LocalBuckets local = new LocalBuckets();
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
    public Uni<Quota> forCaller(String issuer, String subject) {
        return take("sub:" + digest(issuer + "\n" + subject), identified);
    }

    /** Takes a token for a caller without a token, known only by its address. */
    public Uni<Quota> forAddress(String address) {
        return take("ip:" + address, anonymous);
    }

    /** Takes a token for a request whose token is not verified yet, by its address. */
    public Uni<Quota> forUnverified(String address) {
        return take("unverified:" + address, unverified);
    }

    /** Whether the limits are shared now (Redis answers). */
    public boolean shared() {
        return shared != null && sharedAnswering;
    }

    private Uni<Quota> take(String key, Limit limit) {
        if (shared == null || (!sharedAnswering && System.nanoTime() - sharedRetryAt < 0)) {
            return Uni.createFrom().item(() -> local.take(key, limit.share(replicas)));
        }
        return shared.take(key, limit)
                .ifNoItem().after(storeTimeout).fail()
                .invoke(quota -> answering())
                .onFailure().recoverWithItem(failure -> {
                    unreachable(failure);
                    return local.take(key, limit.share(replicas));
                });
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
