package eu.sovereignstack.catalog.federation;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.jboss.logging.Logger;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.scheduler.Scheduled;

import eu.sovereignstack.catalog.service.CatalogNode;
import eu.sovereignstack.catalog.service.MirrorService;
import eu.sovereignstack.catalog.service.PeerPage;

/**
 * Follows the peers' change feeds: every {@code catalog.federation.sync-interval}, each peer's
 * feed is read from the saved cursor to its end, page by page, with a client-credentials token
 * of this node's own realm (the peer accepts it when it trusts that realm). Each page is applied
 * with its cursor in one transaction ({@link MirrorService}), so a restart at any point resumes
 * where the last applied page ended. A peer that is away or slow fails its round alone: its
 * entries stay as last synced, are marked stale in time, and the next round tries again.
 */
@ApplicationScoped
public class PeerFollower {

    private static final Logger LOG = Logger.getLogger(PeerFollower.class);

    private final FederationConfig config;
    private final List<PeerNode> peers;
    private final MirrorService mirror;
    private final OidcClient oidc;
    private final Map<String, PeerFeed> feeds = new ConcurrentHashMap<>();
    private Tokens tokens;

    PeerFollower(FederationConfig config, CatalogNode node, MirrorService mirror, OidcClient oidc) {
        this.config = config;
        this.peers = PeerNode.parse(config.peers(), node.name());
        this.mirror = mirror;
        this.oidc = oidc;
    }

    /** The peers this node follows, as configured. */
    public List<PeerNode> peers() {
        return peers;
    }

    @Scheduled(every = "${catalog.federation.sync-interval}", delayed = "${catalog.federation.first-sync-after:2S}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void syncAll() {
        peers.forEach(this::sync);
    }

    /**
     * Reads the peer's feed from the saved cursor to its end and applies it.
     *
     * @return whether the peer was read to its end
     */
    public boolean sync(PeerNode peer) {
        try {
            String authorization = "Bearer " + accessToken();
            long cursor = mirror.cursor(peer.name());
            PeerPage page;
            do {
                page = feed(peer).changes(authorization, cursor, config.pageSize());
                cursor = mirror.apply(peer.name(), page);
            } while (page.more() && !page.items().isEmpty());
            mirror.synced(peer.name());
            return true;
        } catch (RuntimeException e) {
            if (e instanceof WebApplicationException refused && refused.getResponse().getStatus() == 401) {
                forgetToken();
            }
            String reason = describe(e);
            mirror.failed(peer.name(), reason);
            LOG.warnf("Peer %s (%s) could not be synced; its entries stay as last synced: %s", peer.name(), peer.api(), reason);
            return false;
        }
    }

    private PeerFeed feed(PeerNode peer) {
        return feeds.computeIfAbsent(peer.name(), name -> QuarkusRestClientBuilder.newBuilder()
                .baseUri(peer.api())
                .connectTimeout(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .build(PeerFeed.class));
    }

    /** A token of this node's realm, fetched again when it expires or a peer refused it. */
    private synchronized String accessToken() {
        if (tokens == null || tokens.isAccessTokenExpired() || tokens.isAccessTokenWithinRefreshInterval()) {
            tokens = oidc.getTokens().await().atMost(config.requestTimeout());
        }
        return tokens.getAccessToken();
    }

    private synchronized void forgetToken() {
        tokens = null;
    }

    private static String describe(RuntimeException e) {
        if (e instanceof WebApplicationException refused) {
            return "the peer answered " + refused.getResponse().getStatus();
        }
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
