package eu.sovereignstack.assessment.service;

import java.time.Instant;
import java.util.UUID;

import eu.sovereignstack.assessment.domain.AssessmentJob;

/**
 * Where an assessment submitted as a job stands: its state, the phase it is in and its progress
 * (percent), and, once failed, the problem (RFC 9457, as JSON) it ended with.
 */
public record JobStatus(UUID id, AssessmentJob.State state, String phase, int progress, int items, Instant createdAt,
        Instant startedAt, Instant finishedAt, String problem) {

    static JobStatus of(AssessmentJob job) {
        return new JobStatus(job.id, job.state, job.phase, job.progress, job.itemCount, job.createdAt, job.startedAt, job.finishedAt,
                job.problem);
    }

    /** An assessment stored directly (or by a job since gone): done. */
    public static JobStatus done(UUID id, int items, Instant createdAt) {
        return new JobStatus(id, AssessmentJob.State.DONE, null, 100, items, createdAt, createdAt, createdAt, null);
    }

    /** The past participle of a finished state, for messages. */
    public static String ended(AssessmentJob.State state) {
        return switch (state) {
            case DONE -> "been done";
            case FAILED -> "failed";
            case CANCELLED -> "been cancelled";
            default -> "not ended";
        };
    }
}
