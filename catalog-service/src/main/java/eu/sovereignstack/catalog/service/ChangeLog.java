package eu.sovereignstack.catalog.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import eu.sovereignstack.catalog.domain.Actor;
import eu.sovereignstack.catalog.domain.Change;
import eu.sovereignstack.catalog.domain.ChangeOperation;
import eu.sovereignstack.catalog.domain.EntryKind;
import eu.sovereignstack.catalog.repository.ChangeRepository;

/**
 * Records the writes of the catalog, in the transaction of the write (a transactional outbox):
 * a write that fails or is refused rolls its record back with it, and a record cannot outlive
 * its write. Services call it once the write is flushed, as the last thing they do, because the
 * feed's order lock it takes is held until the transaction ends.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ChangeLog {

    /** The member of an entry's view that says where it comes from (EntryOrigin). */
    private static final String ORIGIN = "origin";

    private final ChangeRepository changes;
    private final WriteContext context;
    private final EntryViews views;
    private final ObjectMapper json;

    ChangeLog(ChangeRepository changes, WriteContext context, EntryViews views, ObjectMapper json) {
        this.changes = changes;
        this.context = context;
        this.views = views;
        this.json = json;
    }

    /** How entries are shown, to take the state before a write. */
    public EntryViews views() {
        return views;
    }

    public void created(EntryKind kind, String key, Integer version, JsonNode entry) {
        record(kind, key, ChangeOperation.CREATED, version, MergePatches.withoutNulls(entry));
    }

    /**
     * Records an update, unless nothing a client can see has changed. The patch always carries
     * the entry's origin, changed or not: a follower that never saw the entry created (a node's
     * seed) still learns which member asserts it.
     */
    public void updated(EntryKind kind, String key, Integer version, JsonNode before, JsonNode after) {
        JsonNode patch = MergePatches.between(before, after);
        if (!patch.isEmpty()) {
            if (patch instanceof ObjectNode object && after.has(ORIGIN) && !object.has(ORIGIN)) {
                object.set(ORIGIN, MergePatches.withoutNulls(after.get(ORIGIN)));
            }
            record(kind, key, ChangeOperation.UPDATED, version, patch);
        }
    }

    public void deleted(EntryKind kind, String key) {
        record(kind, key, ChangeOperation.DELETED, null, null);
    }

    /** The key of an offering: its provider's slug and its product's. */
    public static String offeringKey(String provider, String product) {
        return provider + "/" + product;
    }

    /** The key of an alternative relation: the replaced product's slug and the alternative's. */
    public static String alternativeKey(String replaced, String alternative) {
        return replaced + "/" + alternative;
    }

    private void record(EntryKind kind, String key, ChangeOperation operation, Integer version, JsonNode patch) {
        changes.flush();
        changes.lockFeedOrder();
        Actor actor = context.actor();
        Change change = new Change();
        change.kind = kind;
        change.key = key;
        change.operation = operation;
        change.version = version;
        change.actorIssuer = actor.issuer();
        change.actorSubject = actor.subject();
        change.actorUsername = actor.username();
        change.actorOrg = actor.org();
        change.at = Instant.now();
        change.requestId = context.requestId();
        try {
            change.patch = patch == null ? null : json.writeValueAsString(patch);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a merge patch could not be written", e);
        }
        changes.persist(change);
    }
}
