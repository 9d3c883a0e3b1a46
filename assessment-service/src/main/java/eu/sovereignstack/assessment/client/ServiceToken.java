package eu.sovereignstack.assessment.client;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;

/**
 * The assessment-service's own token (client credentials of its realm's services client, which
 * may read the catalog), for the catalog calls of jobs: a job runs after its request has ended,
 * so there is no caller's token to relay. Fetched again when it expires.
 */
@ApplicationScoped
public class ServiceToken {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final OidcClient oidc;
    private Tokens tokens;

    ServiceToken(OidcClient oidc) {
        this.oidc = oidc;
    }

    /** An {@code Authorization} header value. */
    public synchronized String authorization() {
        if (tokens == null || tokens.isAccessTokenExpired() || tokens.isAccessTokenWithinRefreshInterval()) {
            tokens = oidc.getTokens().await().atMost(TIMEOUT);
        }
        return "Bearer " + tokens.getAccessToken();
    }
}
