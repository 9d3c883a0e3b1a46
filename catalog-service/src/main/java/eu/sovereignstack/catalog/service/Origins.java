package eu.sovereignstack.catalog.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import eu.sovereignstack.catalog.contract.EntryOrigin;
import eu.sovereignstack.catalog.domain.Alternative;
import eu.sovereignstack.catalog.domain.Offering;
import eu.sovereignstack.catalog.domain.Peer;
import eu.sovereignstack.catalog.domain.Product;
import eu.sovereignstack.catalog.domain.Provider;
import eu.sovereignstack.catalog.repository.PeerRepository;

/**
 * The origin of entries as the API shows it: this node and the owner for the node's own entries;
 * for a mirrored one, its node, member and version there, when its peer was last synced and
 * whether that is too long ago ({@code catalog.federation.stale-after}).
 */
@ApplicationScoped
public class Origins {

    private final CatalogNode node;
    private final PeerRepository peers;
    private final Duration staleAfter;
    /** The configured peers' names: only their entries can go stale; a public source's are as of their import. */
    private final Set<String> followed;

    Origins(CatalogNode node, PeerRepository peers, @ConfigProperty(name = "catalog.federation.stale-after") Duration staleAfter,
            @ConfigProperty(name = "catalog.federation.peers") Optional<List<String>> followed) {
        this.node = node;
        this.peers = peers;
        this.staleAfter = staleAfter;
        this.followed = followed.orElse(List.of()).stream()
                .map(entry -> entry.contains("=") ? entry.substring(0, entry.indexOf('=')).trim() : entry.trim())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The origins as of now: the peers' sync times are read once. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Snapshot now() {
        Map<String, Instant> synced = peers.listAll().stream()
                .filter(p -> p.syncedAt != null)
                .collect(Collectors.toMap(p -> p.node, p -> p.syncedAt));
        return new Snapshot(synced, Instant.now());
    }

    /** The origins of the node's own entries, which need no peer: what the change feed publishes. */
    public Snapshot local() {
        return new Snapshot(Map.of(), Instant.now());
    }

    /** The origins against these sync times at {@code now}. */
    Snapshot at(Map<String, Instant> syncedAt, Instant now) {
        return new Snapshot(syncedAt, now);
    }

    /** Origins against the peers' sync times read at one moment. */
    public final class Snapshot {

        private final Map<String, Instant> syncedAt;
        private final Instant now;

        private Snapshot(Map<String, Instant> syncedAt, Instant now) {
            this.syncedAt = syncedAt;
            this.now = now;
        }

        public EntryOrigin of(Product p) {
            return of(p.ownerIssuer, p.ownerOrg, p.originNode, p.originVersion);
        }

        public EntryOrigin of(Provider p) {
            return of(p.ownerIssuer, p.ownerOrg, p.originNode, p.originVersion);
        }

        public EntryOrigin of(Alternative a) {
            return of(a.ownerIssuer, a.ownerOrg, a.originNode, null);
        }

        /** An offering is asserted by its provider's owner. */
        public EntryOrigin of(Offering o) {
            return of(o.provider.ownerIssuer, o.provider.ownerOrg, o.originNode, o.originVersion);
        }

        /** An assertion the peer {@code node} holds, of its member and organisation, at its version there. */
        public EntryOrigin ofMirror(String node, String member, String organisation, Integer version) {
            return of(member, organisation, node, version);
        }

        /**
         * Whether the entries mirrored from the peer are stale: never synced, or too long ago. A
         * public source's entries are as of their import (syncedAt), never stale.
         */
        public boolean stale(String peer) {
            if (!followed.contains(peer)) {
                return false;
            }
            Instant synced = syncedAt.get(peer);
            return synced == null || synced.plus(staleAfter).isBefore(now);
        }

        private EntryOrigin of(String ownerIssuer, String ownerOrg, String originNode, Integer originVersion) {
            if (originNode == null) {
                return ownerIssuer == null
                        ? EntryOrigin.local(node.name(), node.issuer(), null)
                        : EntryOrigin.local(node.name(), ownerIssuer, ownerOrg);
            }
            return new EntryOrigin(originNode, ownerIssuer, ownerOrg, true, originVersion, syncedAt.get(originNode), stale(originNode));
        }
    }
}
