package eu.sovereignstack.catalog.federation;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The peers this node mirrors and how. A member joins by configuration alone: its node is added to
 * {@code catalog.federation.peers} (or {@code CATALOG_FEDERATION_PEERS}) of the nodes that follow
 * it, and its realm to the issuers those nodes trust.
 */
@ConfigMapping(prefix = "catalog.federation")
public interface FederationConfig {

    /**
     * The peer nodes, each as {@code name=base URL of its API}, e.g.
     * {@code partner=https://catalog.partner.example/api/v1}; none when absent.
     */
    Optional<List<String>> peers();

    /**
     * The client of the node's own realm whose client-credentials token reads the peers' feeds
     * (quarkus.oidc-client is configured from it); its service account needs catalog-auditor.
     */
    String clientId();

    /** That client's secret: the dev realm's by default, a Kubernetes Secret in production. */
    String clientSecret();

    /** How often each peer's feed is read to its end. */
    @WithDefault("10S")
    Duration syncInterval();

    /** How long after startup the first round starts. */
    @WithDefault("2S")
    Duration firstSyncAfter();

    /** A mirrored entry is stale when its peer has not been read to the end for this long (read by the service layer too). */
    Duration staleAfter();

    /** Changes asked for per page of a peer's feed. */
    @WithDefault("200")
    int pageSize();

    /** How long one request to a peer may take, to connect and to answer. */
    @WithDefault("5S")
    Duration requestTimeout();
}
