package eu.sovereignstack.assessment.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A stored assessment of one organisation (tenant = token issuer + org claim). The inventory,
 * result and catalog facts are JSON documents kept exactly as they were when it was computed,
 * in text columns (V3: stored and read whole, never queried inside); the small policy is jsonb.
 */
@Entity
public class Assessment {

    @Id
    public UUID id;
    public String tenant;
    public String name;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "profile_id")
    public String profileId;
    public BigDecimal threshold;
    @JdbcTypeCode(SqlTypes.JSON)
    public String policy;
    @Column(name = "input_format")
    public String inputFormat;
    public String inventory;
    public String source;
    public String result;
    @Column(name = "catalog_facts")
    public String catalogFacts;
    @Column(name = "rerun_of")
    public UUID rerunOf;
    /** For a rerun: how it differs from the assessment it re-ran, by cause (JSON). */
    @Column(name = "rerun_changes")
    public String rerunChanges;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @Column(name = "request_hash")
    public String requestHash;
    public BigDecimal score;
    public int seal;
    @Column(name = "item_count")
    public int itemCount;
    @Version
    public int version;
}
