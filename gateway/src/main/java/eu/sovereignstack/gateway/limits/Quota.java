package eu.sovereignstack.gateway.limits;

/**
 * What a request found: the bucket's size, the requests left, the seconds until it is full
 * again, and, when the request was refused, the seconds to wait ({@code Retry-After}).
 */
public record Quota(long limit, long remaining, long resetSeconds, long retryAfterSeconds) {

    public boolean exceeded() {
        return retryAfterSeconds > 0;
    }

    static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }
}
