package eu.sovereignstack.assessment.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How assessments run as jobs (202 Accepted). */
@ConfigMapping(prefix = "assessment.jobs")
public interface JobsConfig {

    /**
     * Inventories with more items than this run as jobs; smaller ones are assessed in the
     * request unless it asks {@code Prefer: respond-async}.
     */
    @WithDefault("2000")
    int asyncAbove();

    /** Jobs this replica runs at once (its worker threads); 0 runs none (a replica that only accepts). */
    @WithDefault("2")
    int workers();

    /** How often an idle worker looks for a queued job. */
    @WithDefault("1s")
    Duration pollInterval();

    /** How often a running job's heartbeat is beaten. */
    @WithDefault("5s")
    Duration heartbeat();

    /** A running job whose heartbeat is older than this lost its replica and is claimed again. */
    @WithDefault("30s")
    Duration staleAfter();

    /** Runs of one job (claims) before it is failed for good. */
    @WithDefault("3")
    int maxAttempts();

    /** The catalog is called with this client's token (client credentials) for jobs, which have no caller's token. */
    @WithDefault("sovereign-services")
    String clientId();

    @WithDefault("dev-only-services-secret")
    String clientSecret();
}
