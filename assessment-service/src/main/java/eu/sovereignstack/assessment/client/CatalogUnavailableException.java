package eu.sovereignstack.assessment.client;

/** The catalog could not answer in time, refused the call, or the circuit breaker is open. */
public class CatalogUnavailableException extends RuntimeException {

    private final boolean timeout;

    public CatalogUnavailableException(String message, boolean timeout, Throwable cause) {
        super(message, cause);
        this.timeout = timeout;
    }

    public boolean timeout() {
        return timeout;
    }
}
