package eu.sovereignstack.catalog.service;

import static eu.sovereignstack.catalog.service.JsonDocuments.text;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.sovereignstack.catalog.contract.AlternativeFit;
import eu.sovereignstack.catalog.domain.EntryKind;
import eu.sovereignstack.catalog.domain.Member;
import eu.sovereignstack.catalog.domain.MirrorEntry;
import eu.sovereignstack.catalog.domain.Peer;
import eu.sovereignstack.catalog.repository.MirrorEntryRepository;
import eu.sovereignstack.catalog.repository.PeerRepository;
import eu.sovereignstack.common.problem.ProblemException;

/**
 * Applies the pages of a peer node's change feed. A page is applied in one transaction together
 * with the peer's cursor, under a lock of the peer's row: a change is applied exactly once,
 * whatever replica reads the feed and whatever restarts happen between pages, and a page read
 * twice changes nothing the second time.
 *
 * <p>Each change first updates the entry as the peer shows it ({@link MirrorEntry}, rebuilt from
 * the feed's merge patches); then the catalog's own tables: an entry this node does not hold is
 * written as a read-only row mirrored from the peer, an entry this node holds as its own (or
 * another peer's) stays as it is and the peer's version is kept beside it as an assertion. A
 * change this node cannot take (facts its own checks refuse, an offering of a product it does
 * not hold) is kept as the peer's assertion only, and logged.
 */
@ApplicationScoped
@Transactional
public class MirrorService {

    private static final Logger LOG = Logger.getLogger(MirrorService.class);
    private static final int ERROR_MAX = 500;
    /** A slug, or two for an offering or a relation: what the feed publishes as an entry's key (at most 161 characters). */
    private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile(
            "^(?=.{1,161}$)[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)?$");

    private final PeerRepository peers;
    private final MirrorEntryRepository entries;
    private final ProductService products;
    private final ProviderService providers;
    private final AlternativeService alternatives;
    private final EntryViews views;
    private final ObjectMapper json;

    MirrorService(PeerRepository peers, MirrorEntryRepository entries, ProductService products, ProviderService providers,
            AlternativeService alternatives, EntryViews views, ObjectMapper json) {
        this.peers = peers;
        this.entries = entries;
        this.products = products;
        this.providers = providers;
        this.alternatives = alternatives;
        this.views = views;
        this.json = json;
    }

    /** The id of the last change of the peer's feed applied here; 0 before the first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long cursor(String node) {
        return peers.findByIdOptional(node).map(p -> p.cursor).orElse(0L);
    }

    /**
     * Applies the page's changes that come after the peer's saved cursor, in feed order, and moves
     * the cursor past them.
     *
     * @return the peer's cursor afterwards
     */
    public long apply(String node, PeerPage page) {
        Peer peer = lockedPeer(node);
        for (PeerChange change : page.items()) {
            if (change.id() <= peer.cursor) {
                continue;
            }
            apply(node, change);
            peer.cursor = change.id();
        }
        return peer.cursor;
    }

    /**
     * Applies changes that come with no cursor (a public source's import, which compares with
     * what the source said last time instead), in order; the source counts as synced now.
     */
    public void applyAll(String node, List<PeerChange> changes) {
        Peer source = lockedPeer(node);
        changes.forEach(change -> apply(node, change));
        source.syncedAt = Instant.now();
        source.attemptedAt = source.syncedAt;
        source.error = null;
    }

    /** The peer's feed was read to its end: its mirrored entries are current as of now. */
    public void synced(String node) {
        Peer peer = lockedPeer(node);
        peer.syncedAt = Instant.now();
        peer.attemptedAt = peer.syncedAt;
        peer.error = null;
    }

    /** The peer could not be read: its entries stay as last synced. */
    public void failed(String node, String error) {
        Peer peer = lockedPeer(node);
        peer.attemptedAt = Instant.now();
        peer.error = error.length() > ERROR_MAX ? error.substring(0, ERROR_MAX) : error;
    }

    /** The peers this node has read from, by name. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Peer> peers() {
        return peers.listAll();
    }

    /** What the peers assert about a product, oldest change first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MirrorEntry> assertions(String slug) {
        return entries.assertions(EntryKind.PRODUCT, slug);
    }

    /** What the peers assert about these products, oldest change first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MirrorEntry> assertions(List<String> slugs) {
        return entries.assertions(EntryKind.PRODUCT, slugs);
    }

    private Peer lockedPeer(String node) {
        peers.getEntityManager().createNativeQuery("insert into peer (node) values (?1) on conflict do nothing")
                .setParameter(1, node)
                .executeUpdate();
        return peers.findForUpdate(node).orElseThrow();
    }

    private void apply(String node, PeerChange change) {
        EntryKind kind = EntryKind.byCode(change.kind()).orElse(null);
        if (kind == null) {
            LOG.warnf("Peer %s: change %d is of an unknown kind '%s'; skipped", node, change.id(), change.kind());
            return;
        }
        if (change.key() == null || !KEY.matcher(change.key()).matches()) {
            LOG.warnf("Peer %s: change %d names no entry this catalog can hold (key '%.200s'); skipped", node, change.id(),
                    change.key());
            return;
        }
        Optional<MirrorEntry> stored = entries.find(node, kind, change.key());
        if ("DELETED".equals(change.operation())) {
            stored.ifPresent(entries::delete);
            entries.flush();
            remove(node, kind, change.key(), change.id());
            return;
        }
        JsonNode document = stored.isPresent() && "UPDATED".equals(change.operation())
                ? MergePatches.apply(JsonDocuments.read(json, stored.get().document), change.patch())
                : change.patch();
        if (document == null || !document.isObject()) {
            LOG.warnf("Peer %s: change %d of %s '%s' has no entry; skipped", node, change.id(), kind.code(), change.key());
            return;
        }
        MirrorEntry entry = stored.orElseGet(() -> {
            MirrorEntry created = new MirrorEntry();
            created.originNode = node;
            created.kind = kind.code();
            created.key = change.key();
            return created;
        });
        entry.version = change.version();
        entry.document = JsonDocuments.write(json, document);
        entry.changedAt = change.at() == null ? Instant.now() : change.at();
        if (stored.isEmpty()) {
            entries.persist(entry);
        }
        entries.flush();
        try {
            write(node, kind, change.key(), document, change.version());
        } catch (ProblemException e) {
            LOG.warnf("Peer %s: %s '%s' (change %d) is kept as the peer's assertion only: %s", node, kind.code(), change.key(),
                    change.id(), e.getMessage());
        }
    }

    /** Writes the mirrored row of the entry, where this node can hold one. */
    private void write(String node, EntryKind kind, String key, JsonNode document, Integer version) {
        Member owner = owner(document);
        switch (kind) {
            case PRODUCT -> products.mirror(node, views.productFacts(document), owner, version);
            case PROVIDER -> providers.mirror(node, views.providerFacts(document), owner, version);
            case OFFERING -> {
                String[] slugs = pair(key);
                providers.mirrorOffering(node, slugs[0], slugs[1], views.offeringFacts(document), version);
            }
            case ALTERNATIVE -> {
                String[] slugs = pair(key);
                alternatives.mirror(node, slugs[0], slugs[1], fit(document), text(document, "notes"), owner);
            }
        }
    }

    private void remove(String node, EntryKind kind, String key, long id) {
        try {
            switch (kind) {
                case PRODUCT -> products.unmirror(node, key);
                case PROVIDER -> providers.unmirror(node, key);
                case OFFERING -> {
                    String[] slugs = pair(key);
                    providers.unmirrorOffering(node, slugs[0], slugs[1]);
                }
                case ALTERNATIVE -> {
                    String[] slugs = pair(key);
                    alternatives.unmirror(node, slugs[0], slugs[1]);
                }
            }
        } catch (ProblemException e) {
            LOG.warnf("Peer %s: deleted %s '%s' (change %d) stays here: %s", node, kind.code(), key, id, e.getMessage());
        }
    }

    /** The member that asserts the entry, as its node shows it; the peer's own member when it does not say. */
    private static Member owner(JsonNode document) {
        JsonNode origin = document.path("origin");
        return new Member(text(origin, "member"), text(origin, "organisation"));
    }

    private static AlternativeFit fit(JsonNode document) {
        String fit = text(document, "fit");
        try {
            return fit == null ? null : AlternativeFit.valueOf(fit);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The two slugs of an offering's or a relation's key. */
    private static String[] pair(String key) {
        String[] slugs = key.split("/", 2);
        if (slugs.length != 2) {
            throw ProblemException.invalid("key", "is not two slugs: '" + key + "'");
        }
        return slugs;
    }
}
