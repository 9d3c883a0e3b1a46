package eu.sovereignstack.catalog.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;

import eu.sovereignstack.catalog.domain.Change;
import eu.sovereignstack.catalog.domain.EntryKind;

@ApplicationScoped
public class ChangeRepository implements PanacheRepository<Change> {

    /**
     * The lock every transaction that records changes holds from drawing its first id until it
     * ends. Ids are therefore handed out in commit order (PostgreSQL makes a commit visible before
     * it releases the transaction's locks), so a reader never sees an id before a smaller one
     * that is still to commit. The key is arbitrary but fixed: "chng" in ASCII.
     */
    static final long FEED_ORDER_LOCK = 0x63686e67L;

    /** Takes the feed's order lock for the rest of the transaction (again is a no-op). */
    public void lockFeedOrder() {
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(?1)")
                .setParameter(1, FEED_ORDER_LOCK)
                .getSingleResult();
    }

    /** Up to {@code limit} changes after {@code after}, oldest first. */
    public List<Change> after(long after, int limit) {
        return find("id > ?1 order by id", after).page(Page.ofSize(limit)).list();
    }

    /** Up to {@code limit} changes of one entry before {@code before} (all when null), newest first. */
    public List<Change> history(EntryKind kind, String key, Long before, int limit) {
        return (before == null
                ? find("kind = ?1 and key = ?2 order by id desc", kind, key)
                : find("kind = ?1 and key = ?2 and id < ?3 order by id desc", kind, key, before))
                .page(Page.ofSize(limit)).list();
    }
}
