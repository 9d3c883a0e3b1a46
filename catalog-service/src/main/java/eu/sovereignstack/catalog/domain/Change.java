package eu.sovereignstack.catalog.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One recorded write of a catalog entry: what kind of entry and which, what happened to it, who
 * did it through which request and when, and what changed, as an RFC 7386 merge patch from the
 * entry's previous state (the whole entry for a creation, nothing for a deletion: the row is then
 * the entry's tombstone). Rows are only ever inserted.
 */
@Entity
public class Change {

    /** Handed out in commit order: the feed's order and cursor. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Convert(converter = EntryKind.Column.class)
    public EntryKind kind;

    /** The entry's slug, {@code provider/product} for an offering, {@code product/alternative} for a relation. */
    @Column(name = "entry_key")
    public String key;

    @Enumerated(EnumType.STRING)
    public ChangeOperation operation;

    /** The entry's version after the change; null for a deletion and for entries without versions (relations). */
    public Integer version;

    @Column(name = "actor_issuer")
    public String actorIssuer;
    @Column(name = "actor_subject")
    public String actorSubject;
    @Column(name = "actor_username")
    public String actorUsername;
    @Column(name = "actor_org")
    public String actorOrg;

    public Instant at;

    @Column(name = "request_id")
    public String requestId;

    /** The merge patch as JSON text; null for a deletion. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String patch;
}
