package eu.sovereignstack.catalog.repository;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import eu.sovereignstack.catalog.domain.EntryKind;
import eu.sovereignstack.catalog.domain.MirrorEntry;

@ApplicationScoped
public class MirrorEntryRepository implements PanacheRepositoryBase<MirrorEntry, MirrorEntry.Key> {

    public Optional<MirrorEntry> find(String node, EntryKind kind, String key) {
        return findByIdOptional(new MirrorEntry.Key(node, kind.code(), key));
    }

    /** What every peer asserts about one entry, oldest change first. */
    public List<MirrorEntry> assertions(EntryKind kind, String key) {
        return list("kind = ?1 and key = ?2 order by changedAt, originNode", kind.code(), key);
    }

    /** What the peers assert about these entries, by key, oldest change first. */
    public List<MirrorEntry> assertions(EntryKind kind, List<String> keys) {
        return keys.isEmpty() ? List.of() : list("kind = ?1 and key in ?2 order by changedAt, originNode", kind.code(), keys);
    }
}
