package eu.sovereignstack.catalog.domain;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An entry as a peer node shows it, built from the peer's change feed: what the peer's member
 * asserts. A mirrored row of the catalog's tables is made from it when the entry is not this
 * node's own; otherwise it is kept beside the node's own entry as another member's assertion.
 */
@Entity
@Table(name = "mirror_entry")
@IdClass(MirrorEntry.Key.class)
public class MirrorEntry {

    @Id
    @Column(name = "origin_node")
    public String originNode;

    /** The entry's kind by its feed name ({@link EntryKind#code()}). */
    @Id
    public String kind;

    @Id
    @Column(name = "entry_key")
    public String key;

    /** The entry's version on its node; null for relations, which have none. */
    public Integer version;

    /** The entry as the peer shows it (JSON). */
    @JdbcTypeCode(SqlTypes.JSON)
    public String document;

    /** When the peer recorded the entry's last change. */
    @Column(name = "changed_at")
    public Instant changedAt;

    public record Key(String originNode, String kind, String key) implements Serializable {
    }
}
