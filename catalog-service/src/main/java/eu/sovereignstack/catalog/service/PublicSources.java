package eu.sovereignstack.catalog.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.sovereignstack.catalog.domain.EntryKind;
import eu.sovereignstack.catalog.domain.MirrorEntry;
import eu.sovereignstack.catalog.repository.MirrorEntryRepository;
import eu.sovereignstack.catalog.repository.ProductRepository;
import eu.sovereignstack.catalog.repository.ProviderRepository;
import eu.sovereignstack.common.problem.Problem.FieldError;
import eu.sovereignstack.common.problem.ProblemException;

/**
 * Public reference sources (SovereignSky, publiccode.yml files, ...) enter the catalog as
 * read-only origins, as a peer node's entries do: each import is compared with what the source
 * said last time (its {@link MirrorEntry} rows), and the differences are applied as the changes of
 * a feed ({@link MirrorService}), so the source's entries become read-only mirrored rows that
 * show the source as their origin, or are kept beside this node's own entries of the same slug.
 * Every entry is checked as a client's write would be; refused ones are reported and not written.
 * A dry run reports the same and writes nothing.
 */
@ApplicationScoped
@Transactional
public class PublicSources {

    private final MirrorService mirror;
    private final MirrorEntryRepository entries;
    private final ProductRepository products;
    private final ProviderRepository providers;
    private final ProductService productService;
    private final ProviderService providerService;
    private final EntryViews views;
    private final ObjectMapper json;
    private final ChangeLog log;

    PublicSources(MirrorService mirror, MirrorEntryRepository entries, ProductRepository products, ProviderRepository providers,
            ProductService productService, ProviderService providerService, EntryViews views, ObjectMapper json, ChangeLog log) {
        this.log = log;
        this.mirror = mirror;
        this.entries = entries;
        this.products = products;
        this.providers = providers;
        this.productService = productService;
        this.providerService = providerService;
        this.views = views;
        this.json = json;
    }

    /**
     * Imports {@code imported} from {@code source} at {@code version}. A {@code complete} source
     * lists all its entries of their kinds, so an entry it listed before and lists no more is
     * deleted; an incomplete one (a single publiccode.yml) never deletes.
     */
    public SourceImport importEntries(String source, String version, List<SourceEntry> imported, boolean complete, boolean dryRun) {
        List<String> created = new ArrayList<>();
        List<SourceImport.Updated> updated = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        List<String> besideOwn = new ArrayList<>();
        List<SourceImport.Refused> refused = new ArrayList<>();
        List<PeerChange> changes = new ArrayList<>();
        int unchanged = 0;
        Set<String> listed = new HashSet<>();
        Set<EntryKind> kinds = imported.stream().map(SourceEntry::kind).collect(Collectors.toSet());
        Map<String, MirrorEntry> before = entries.list("originNode", source).stream()
                .collect(Collectors.toMap(e -> e.kind + "/" + e.key, Function.identity()));
        Instant now = Instant.now();
        for (SourceEntry entry : imported) {
            String id = entry.kind().code() + "/" + entry.key();
            if (!listed.add(id)) {
                refused.add(new SourceImport.Refused(entry.key(), List.of(new FieldError("key", "is listed twice"))));
                continue;
            }
            try {
                check(entry);
            } catch (ProblemException e) {
                refused.add(new SourceImport.Refused(entry.key(),
                        e.errors().isEmpty() ? List.of(new FieldError("entry", e.getMessage())) : e.errors()));
                continue;
            }
            MirrorEntry known = before.get(id);
            JsonNode previous = known == null ? null : JsonDocuments.read(json, known.document);
            if (previous != null && previous.equals(entry.document())) {
                unchanged++;
                continue;
            }
            if (heldAsOwn(entry, source)) {
                besideOwn.add(entry.key());
            } else if (previous == null) {
                created.add(entry.key());
            } else {
                updated.add(new SourceImport.Updated(entry.key(), MergePatches.between(previous, entry.document())));
            }
            changes.add(new PeerChange(changes.size() + 1L, entry.kind().code(), entry.key(), previous == null ? "CREATED" : "UPDATED",
                    null, now, entry.document()));
        }
        if (complete) {
            for (MirrorEntry known : before.values()) {
                EntryKind kind = EntryKind.byCode(known.kind).orElse(null);
                if (kinds.contains(kind) && !listed.contains(known.kind + "/" + known.key)) {
                    deleted.add(known.key);
                    changes.add(new PeerChange(changes.size() + 1L, known.kind, known.key, "DELETED", null, now, null));
                }
            }
        }
        if (!dryRun) {
            Map<String, JsonNode> shownBefore = new java.util.HashMap<>();
            changes.forEach(change -> sourceRow(change.kind(), change.key(), source)
                    .ifPresent(view -> shownBefore.put(change.kind() + "/" + change.key(), view)));
            mirror.applyAll(source, changes);
            publish(source, changes, shownBefore);
        }
        return new SourceImport(source, version, dryRun, created, updated, deleted, unchanged, besideOwn, refused);
    }

    /**
     * Records in this node's feed what the import wrote as the source's rows: the node vouches for
     * what the source says, so its peers mirror the source's entries from it (a peer's own rows
     * are never published again; a source's rows are, once, by the node that imported them).
     */
    private void publish(String source, List<PeerChange> changes, Map<String, JsonNode> before) {
        for (PeerChange change : changes) {
            EntryKind kind = EntryKind.byCode(change.kind()).orElseThrow();
            JsonNode was = before.get(change.kind() + "/" + change.key());
            Optional<JsonNode> now = sourceRow(change.kind(), change.key(), source);
            // The entry as GET shows it carries its version: no second lookup.
            Integer version = now.map(view -> view.path("version").asInt()).orElse(null);
            if (now.isPresent() && was == null) {
                log.created(kind, change.key(), version, now.get());
            } else if (now.isPresent()) {
                log.updated(kind, change.key(), version, was, now.get());
            } else if (was != null) {
                log.deleted(kind, change.key());
            }
        }
    }

    /** The entry as GET shows it, when this node holds it as the source's row. */
    private Optional<JsonNode> sourceRow(String kind, String key, String source) {
        return switch (EntryKind.byCode(kind).orElseThrow()) {
            case PRODUCT -> products.findBySlug(key).filter(p -> source.equals(p.originNode)).map(log.views()::product);
            case PROVIDER -> providers.findBySlug(key).filter(p -> source.equals(p.originNode)).map(log.views()::provider);
            default -> Optional.empty();
        };
    }

    /** The entry's facts, checked as a client's write is (a problem names every refused field). */
    private void check(SourceEntry entry) {
        switch (entry.kind()) {
            case PRODUCT -> productService.check(views.productFacts(entry.document()));
            case PROVIDER -> providerService.check(views.providerFacts(entry.document()));
            default -> throw ProblemException.invalid("kind", "a public source brings products and providers only");
        }
    }

    /** Whether this node holds the entry as its own (or another origin's): the source's version is then kept beside it. */
    private boolean heldAsOwn(SourceEntry entry, String source) {
        Optional<String> origin = switch (entry.kind()) {
            case PRODUCT -> products.findBySlug(entry.key()).map(p -> p.originNode == null ? "" : p.originNode);
            case PROVIDER -> providers.findBySlug(entry.key()).map(p -> p.originNode == null ? "" : p.originNode);
            default -> Optional.empty();
        };
        return origin.isPresent() && !origin.get().equals(source);
    }
}
