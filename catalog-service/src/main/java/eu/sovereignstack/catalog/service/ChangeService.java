package eu.sovereignstack.catalog.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import eu.sovereignstack.catalog.domain.Change;
import eu.sovereignstack.catalog.domain.EntryKind;
import eu.sovereignstack.catalog.repository.ChangeRepository;

/** Reading the recorded changes: the feed in commit order, and one entry's history. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ChangeService {

    private final ChangeRepository changes;

    ChangeService(ChangeRepository changes) {
        this.changes = changes;
    }

    /**
     * Up to {@code size} changes after the cursor {@code after}, in id order, and whether more
     * follow. Safe to page through while writes go on: ids are handed out in commit order (see
     * {@link ChangeRepository}), so no change can later appear below a cursor already served.
     */
    public ChangePage after(long after, int size) {
        List<Change> found = changes.after(after, size + 1);
        boolean more = found.size() > size;
        List<Change> page = more ? found.subList(0, size) : found;
        return new ChangePage(page, page.isEmpty() ? after : page.get(page.size() - 1).id, more);
    }

    /** Up to {@code size} changes of one entry, newest first, before the cursor {@code before} (from the newest when null). */
    public ChangePage history(EntryKind kind, String key, Long before, int size) {
        List<Change> found = changes.history(kind, key, before, size + 1);
        boolean more = found.size() > size;
        List<Change> page = more ? found.subList(0, size) : found;
        return new ChangePage(page, page.isEmpty() ? null : page.get(page.size() - 1).id, more);
    }
}
