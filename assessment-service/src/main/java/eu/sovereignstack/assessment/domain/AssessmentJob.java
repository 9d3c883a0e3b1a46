package eu.sovereignstack.assessment.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Basic;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An assessment that runs as a job: the request as received (compressed JSON, read whole), who
 * asked, and where its run stands. Its id is the id of the assessment it stores.
 */
@Entity
@Table(name = "assessment_job")
public class AssessmentJob {

    /** Where a job stands; only {@code QUEUED} and {@code RUNNING} ones are claimed. */
    public enum State {
        QUEUED, RUNNING, DONE, FAILED, CANCELLED;

        public boolean finished() {
            return this == DONE || this == FAILED || this == CANCELLED;
        }
    }

    @Id
    public UUID id;
    public String tenant;
    public String issuer;
    public String organisation;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "item_count")
    public int itemCount;
    /**
     * The request as JSON, gzip-compressed (an inventory of 100,000 items is tens of megabytes of
     * JSON, a few of gzip); read only by the worker that runs the job, not with the rest.
     */
    @Basic(fetch = FetchType.LAZY)
    public byte[] request;
    @Enumerated(EnumType.STRING)
    public State state;
    public String phase;
    public short progress;
    /** The problem (RFC 9457, as JSON) a failed job ended with. */
    public String problem;
    public int attempts;
    public String worker;
    @Column(name = "heartbeat_at")
    public Instant heartbeatAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @Column(name = "request_hash")
    public String requestHash;
}
