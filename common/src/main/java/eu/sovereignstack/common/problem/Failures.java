package eu.sovereignstack.common.problem;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

/** Reading what went wrong on a call to another service. */
public final class Failures {

    private Failures() {
    }

    /**
     * Whether a failure is, or was caused by, a timeout: the JDK's, Fault Tolerance's, or an
     * HTTP client's read or idle timeout (which the clients wrap in their own exceptions). A
     * refused connection met first in the cause chain is not a timeout.
     */
    public static boolean isTimeout(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException || cause.getClass().getSimpleName().contains("Timeout")) {
                return true;
            }
            if (cause instanceof ConnectException) {
                return false;
            }
        }
        return false;
    }
}
