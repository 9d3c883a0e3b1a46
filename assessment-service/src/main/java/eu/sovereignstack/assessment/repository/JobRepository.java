package eu.sovereignstack.assessment.repository;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import eu.sovereignstack.assessment.domain.AssessmentJob;

/**
 * The job queue in PostgreSQL. Every change of a running job names the worker that holds it, so
 * a worker that lost its job (cancelled by its owner, or claimed again after its heartbeat
 * stopped) finds out at its next step, and can never complete it.
 */
@ApplicationScoped
public class JobRepository implements PanacheRepositoryBase<AssessmentJob, UUID> {

    public Optional<AssessmentJob> findForTenant(String tenant, UUID id) {
        return find("id = ?1 and tenant = ?2", id, tenant).firstResultOptional();
    }

    public Optional<AssessmentJob> findByIdempotencyKey(String tenant, String key) {
        return find("tenant = ?1 and idempotencyKey = ?2", tenant, key).firstResultOptional();
    }

    /**
     * Claims the oldest job that is queued, or running with a heartbeat older than
     * {@code staleAfter} (its worker died), for {@code worker}: one statement, rows other workers
     * are claiming at the same moment are skipped, so no job is claimed twice at once.
     */
    public Optional<UUID> claim(String worker, Duration staleAfter) {
        @SuppressWarnings("unchecked")
        List<UUID> claimed = getEntityManager().createNativeQuery("""
                update assessment_job set state = 'RUNNING', worker = :worker, heartbeat_at = now(),
                    started_at = coalesce(started_at, now()), attempts = attempts + 1
                where id = (select id from assessment_job
                            where state = 'QUEUED' or (state = 'RUNNING' and heartbeat_at < now() - make_interval(secs => :stale))
                            order by created_at
                            for update skip locked
                            limit 1)
                returning id""", UUID.class)
                .setParameter("worker", worker)
                .setParameter("stale", (double) staleAfter.toSeconds())
                .getResultList();
        return claimed.stream().findFirst();
    }

    /** Records progress and beats the heartbeat; false when the worker no longer holds the job. */
    public boolean progress(UUID id, String worker, String phase, int progress) {
        return update("phase = ?1, progress = ?2, heartbeatAt = ?3 where id = ?4 and worker = ?5 and state = ?6", phase,
                (short) progress, Instant.now(), id, worker, AssessmentJob.State.RUNNING) == 1;
    }

    /** Beats the heartbeat of the jobs a worker runs; the number it still holds. */
    public int heartbeat(List<UUID> ids, String worker) {
        return ids.isEmpty() ? 0 : update("heartbeatAt = ?1 where id in ?2 and worker = ?3 and state = ?4", Instant.now(), ids, worker,
                AssessmentJob.State.RUNNING);
    }

    /** Ends a job the worker holds: done, failed (with its problem) or back in the queue. False when it no longer holds it. */
    public boolean finish(UUID id, String worker, AssessmentJob.State state, String problem) {
        if (state == AssessmentJob.State.QUEUED) {
            return update("state = ?1, worker = null, heartbeatAt = null, phase = null, progress = 0 where id = ?2 and worker = ?3"
                    + " and state = ?4", state, id, worker, AssessmentJob.State.RUNNING) == 1;
        }
        if (state == AssessmentJob.State.DONE) {
            return update("state = ?1, phase = null, progress = 100, finishedAt = ?2 where id = ?3 and worker = ?4 and state = ?5",
                    state, Instant.now(), id, worker, AssessmentJob.State.RUNNING) == 1;
        }
        return update("state = ?1, problem = ?2, finishedAt = ?3 where id = ?4 and worker = ?5 and state = ?6", state, problem,
                Instant.now(), id, worker, AssessmentJob.State.RUNNING) == 1;
    }

    /** Puts back a job its worker's replica stops holding: queued again, and this run does not count as an attempt. */
    public boolean handBack(UUID id, String worker) {
        return update("state = ?1, worker = null, heartbeatAt = null, phase = null, progress = 0, attempts = attempts - 1"
                + " where id = ?2 and worker = ?3 and state = ?4", AssessmentJob.State.QUEUED, id, worker, AssessmentJob.State.RUNNING) == 1;
    }

    /** Cancels a job that has not finished; false when it had. */
    public boolean cancel(UUID id) {
        return update("state = ?1, finishedAt = ?2 where id = ?3 and state in ?4", AssessmentJob.State.CANCELLED, Instant.now(), id,
                List.of(AssessmentJob.State.QUEUED, AssessmentJob.State.RUNNING)) == 1;
    }

    /** Jobs in a state, and when the oldest of them was created. */
    public Backlog backlog(AssessmentJob.State state) {
        Object[] row = (Object[]) getEntityManager().createNativeQuery(
                "select count(*), min(created_at) from assessment_job where state = :state")
                .setParameter("state", state.name())
                .getSingleResult();
        return new Backlog(((Number) row[0]).longValue(), instant(row[1]));
    }

    public record Backlog(long jobs, Instant oldest) {
    }

    private static Instant instant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
