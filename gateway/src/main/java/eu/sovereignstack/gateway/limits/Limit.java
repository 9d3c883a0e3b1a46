package eu.sovereignstack.gateway.limits;

import java.time.Duration;

/** A bucket's size and the tokens it regains per minute (refilled evenly over the minute). */
record Limit(long capacity, long perMinute) {

    Limit {
        if (capacity < 1 || perMinute < 1) {
            throw new IllegalArgumentException("a rate limit needs a capacity and a refill of at least 1");
        }
    }

    long nanosPerToken() {
        return Duration.ofMinutes(1).toNanos() / perMinute;
    }

    /**
     * How many tokens a replica takes from the shared bucket at once: a twentieth of the burst
     * (so a replica holds back little of a small quota; 1 below 40), at most 16.
     */
    int lease() {
        return (int) Math.max(1, Math.min(16, capacity / 20));
    }

    /** This limit shared by {@code replicas} gateways, each enforcing its part alone (at least 1). */
    Limit share(int replicas) {
        return replicas <= 1 ? this : new Limit(Math.max(1, capacity / replicas), Math.max(1, perMinute / replicas));
    }
}
