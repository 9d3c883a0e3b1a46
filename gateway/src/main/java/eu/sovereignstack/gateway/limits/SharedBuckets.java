package eu.sovereignstack.gateway.limits;

import java.util.ArrayList;
import java.util.List;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.RedisAPI;
import io.vertx.mutiny.redis.client.Response;

/**
 * Token buckets kept in Redis, so that every gateway replica takes from the same bucket of a
 * caller. One Lua script per request refills and takes atomically on the Redis server, timed by
 * the server's clock (replicas' clocks do not matter); a bucket expires once it would be full
 * again, so Redis holds only the buckets of recent callers.
 */
final class SharedBuckets {

    /**
     * KEYS[1] the bucket; ARGV[1] its capacity, ARGV[2] milliseconds per token, ARGV[3] how many
     * tokens to take at most. Answers how many were taken (as many as there are, up to that;
     * 0 when not even one), the tokens left, the milliseconds until the bucket is full and, when
     * refused, until a token is back.
     */
    static final String SCRIPT = """
            local capacity = tonumber(ARGV[1])
            local ms_per_token = tonumber(ARGV[2])
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
            local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
            local tokens = tonumber(state[1]) or capacity
            local at = tonumber(state[2]) or now
            if now > at then
              tokens = math.min(capacity, tokens + (now - at) / ms_per_token)
            end
            local taken = math.min(math.floor(tokens), tonumber(ARGV[3]))
            if taken < 0 then
              taken = 0
            end
            tokens = tokens - taken
            local until_full = math.ceil((capacity - tokens) * ms_per_token)
            local wait = 0
            if taken == 0 then
              wait = math.ceil((1 - tokens) * ms_per_token)
            end
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(math.max(now, at)))
            redis.call('PEXPIRE', KEYS[1], until_full + 1000)
            return {taken, math.floor(tokens), until_full, wait}
            """;

    private final RedisAPI redis;
    private final String keyPrefix;
    private volatile String sha;

    SharedBuckets(RedisAPI redis, String keyPrefix) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
    }

    /** What a take found: the tokens granted (0: refused) and the quota to tell the caller. */
    record Taken(int granted, Quota quota) {
    }

    /** Takes up to {@code wanted} tokens (at least one, or none) from the bucket {@code key}; fails when Redis does not answer. */
    Uni<Taken> take(String key, Limit limit, int wanted) {
        List<String> arguments = List.of("1", keyPrefix + key, String.valueOf(limit.capacity()),
                String.valueOf(limit.nanosPerToken() / 1_000_000.0), String.valueOf(wanted));
        String loaded = sha;
        Uni<Response> answer = loaded == null
                ? load().chain(s -> redis.evalsha(with(s, arguments)))
                : redis.evalsha(with(loaded, arguments))
                        .onFailure(SharedBuckets::scriptMissing)
                        .recoverWithUni(() -> load().chain(s -> redis.evalsha(with(s, arguments))));
        return answer.map(reply -> taken(limit, reply));
    }

    private static List<String> with(String script, List<String> arguments) {
        List<String> all = new ArrayList<>(arguments.size() + 1);
        all.add(script);
        all.addAll(arguments);
        return all;
    }

    private Uni<String> load() {
        return redis.script(List.of("LOAD", SCRIPT)).map(Response::toString).invoke(loaded -> sha = loaded);
    }

    /** Redis restarted (or failed over) and forgot the script: it is loaded again. */
    private static boolean scriptMissing(Throwable failure) {
        return failure.getMessage() != null && failure.getMessage().startsWith("NOSCRIPT");
    }

    private static Taken taken(Limit limit, Response reply) {
        int granted = reply.get(0).toInteger();
        long remaining = reply.get(1).toLong();
        long reset = Quota.seconds(reply.get(2).toLong() * 1_000_000L);
        long wait = Quota.seconds(reply.get(3).toLong() * 1_000_000L);
        return granted > 0
                ? new Taken(granted, new Quota(limit.capacity(), remaining, reset, 0))
                : new Taken(0, new Quota(limit.capacity(), 0, reset, Math.max(1, wait)));
    }
}
