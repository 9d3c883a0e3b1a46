package eu.sovereignstack.e2e.support;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Asks again until a condition holds or a deadline passes (Awaitility), the one way the
 * end-to-end tests wait for something: a server to come up, a token to expire, a key to be
 * taken up. The caller gets the last answer either way and states what it expected.
 */
public final class Poll {

    public static final Duration INTERVAL = Duration.ofMillis(250);

    private Poll() {
    }

    /** Calls {@code ask} until {@code done} holds for its answer or {@code deadline} has passed; returns the last answer. */
    public static <T> T until(Supplier<T> ask, Predicate<? super T> done, Duration deadline) {
        AtomicReference<T> last = new AtomicReference<>();
        try {
            Awaitility.await().pollInSameThread().pollDelay(Duration.ZERO).pollInterval(INTERVAL).atMost(deadline)
                    .until(() -> {
                        T answer = ask.get();
                        last.set(answer);
                        return done.test(answer);
                    });
        } catch (ConditionTimeoutException e) {
            // The caller judges the last answer.
        }
        return last.get();
    }
}
