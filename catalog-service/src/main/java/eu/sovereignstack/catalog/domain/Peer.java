package eu.sovereignstack.catalog.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A peer catalog node this node follows, and how far: the last change of its feed applied here. */
@Entity
public class Peer {

    @Id
    public String node;

    /** The id of the last change of the peer's feed applied here; 0 before the first. */
    public long cursor;

    /** When the peer's feed was last read to its end; null before that first happened. */
    @Column(name = "synced_at")
    public Instant syncedAt;

    /** When this node last tried to read the feed. */
    @Column(name = "attempted_at")
    public Instant attemptedAt;

    /** Why the last try failed; null when it succeeded. */
    public String error;
}
