package eu.sovereignstack.assessment.service;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;

import eu.sovereignstack.assessment.config.JobsConfig;
import eu.sovereignstack.assessment.config.ResultsConfig;
import eu.sovereignstack.assessment.domain.AssessmentJob;
import eu.sovereignstack.assessment.domain.Limits;
import eu.sovereignstack.assessment.observability.AssessmentMetrics;
import eu.sovereignstack.assessment.repository.AssessmentRepository;
import eu.sovereignstack.assessment.repository.JobRepository;
import eu.sovereignstack.common.observability.RequestIds;
import eu.sovereignstack.common.problem.Problem;
import eu.sovereignstack.common.problem.ProblemException;
import eu.sovereignstack.common.problem.ProblemMappers;
import eu.sovereignstack.common.problem.ProblemType;

/**
 * Assessments that run as jobs: queued in PostgreSQL by the request (which answers 202), run by
 * a bounded pool of worker threads on any replica, never on a request thread.
 * <ul>
 * <li>A worker claims the oldest queued job with {@code FOR UPDATE SKIP LOCKED}, so two replicas
 * never claim the same job; it beats the job's heartbeat while it runs, and a job whose
 * heartbeat stopped (its replica died) is claimed again, at most {@code max-attempts} times.</li>
 * <li>The job is marked done in the transaction that stores its assessment, and only by the
 * worker that holds it: a worker that lost its job (cancelled, or claimed by another after a
 * stall) stores nothing, so nothing runs twice to completion.</li>
 * <li>A transient failure (the catalog or the database unreachable) puts the job back in the
 * queue; a problem of the request itself (as the synchronous API would answer it) fails it with
 * that problem.</li>
 * </ul>
 */
@ApplicationScoped
public class AssessmentJobs {

    private static final Logger LOG = Logger.getLogger(AssessmentJobs.class);
    /** The progress (percent) reached as each phase ends. */
    private static final Map<String, Integer> PROGRESS = Map.of("resolve", 30, "score", 75, "plan", 90);

    /** The MDC keys the log format prints a trace by (as OpenTelemetry fills them for requests). */
    private static final String TRACE_ID = "traceId";
    private static final String SPAN_ID = "spanId";
    private final JobRepository jobs;
    private final AssessmentRepository assessments;
    private final AssessmentService service;
    private final ObjectMapper json;
    private final ObjectMapper requests;
    private final JobsConfig config;
    private final ResultsConfig results;
    private final Tracer tracer;
    private final AssessmentMetrics metrics;
    private final String worker = workerName();
    private final ExecutorService pool;
    private final Set<UUID> running = ConcurrentHashMap.newKeySet();
    private final Set<UUID> lost = ConcurrentHashMap.newKeySet();
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong runningAnywhere = new AtomicLong();
    private final AtomicLong oldestQueuedSeconds = new AtomicLong();

    AssessmentJobs(JobRepository jobs, AssessmentRepository assessments, AssessmentService service, ObjectMapper json,
            JobsConfig config, ResultsConfig results, AssessmentMetrics metrics, MeterRegistry registry, Tracer tracer) {
        this.jobs = jobs;
        this.tracer = tracer;
        this.assessments = assessments;
        this.service = service;
        this.json = json;
        // A request holds the file it came from as one string (the source), up to the largest body.
        this.requests = json.copy();
        this.requests.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxStringLength(Limits.FILE).build());
        this.config = config;
        this.results = results;
        this.metrics = metrics;
        AtomicInteger threads = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(Math.max(1, config.workers()), Math.max(1, config.workers()), 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), task -> {
                    Thread thread = new Thread(task, "assessment-job-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        Gauge.builder("sovereign.assessment.jobs", queued, AtomicLong::get).tag("state", "queued")
                .description("Assessment jobs waiting for a worker, on all replicas").register(registry);
        Gauge.builder("sovereign.assessment.jobs", runningAnywhere, AtomicLong::get).tag("state", "running")
                .description("Assessment jobs running, on all replicas").register(registry);
        Gauge.builder("sovereign.assessment.queue.age", oldestQueuedSeconds, AtomicLong::get).baseUnit("seconds")
                .description("Age of the oldest queued assessment job (0 when none)").register(registry);
    }

    /**
     * Whether a request runs as a job: asked for, an inventory above the size assessed in the
     * request (or above what is held whole, whatever that size is set to), or a retry under an Idempotency-Key a job holds (it gets that job's answer).
     */
    public boolean runsAsJob(Caller caller, NewAssessment request, boolean preferAsync) {
        int items = request.inventory().items().size();
        if (preferAsync || items > config.asyncAbove() || items > results.wholeItems()) {
            return true;
        }
        IdempotencyKey key = request.idempotencyKey();
        return key != null && QuarkusTransaction.requiringNew().call(
                () -> jobs.findByIdempotencyKey(caller.tenant(), key.value()).isPresent());
    }

    /** A job queued now, or the one (or the assessment) an earlier request with the same Idempotency-Key made. */
    public record Submitted(JobStatus status, boolean replayed) {
    }

    /**
     * Checks the request as assessing it would (a bad one is refused now, with the API's
     * problem), then queues it. With an Idempotency-Key an earlier request of the tenant used,
     * the same request gets that request's job or assessment, another one a 422.
     */
    public Submitted submit(Caller caller, NewAssessment request) {
        IdempotencyKey key = request.idempotencyKey();
        if (key != null) {
            Optional<Submitted> earlier = QuarkusTransaction.requiringNew().call(() -> replay(caller, key));
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        service.check(request);
        AssessmentJob job = new AssessmentJob();
        job.id = UUID.randomUUID();
        job.tenant = caller.tenant();
        job.issuer = caller.issuer();
        job.organisation = caller.organisation();
        job.createdBy = caller.user();
        job.itemCount = request.inventory().items().size();
        job.request = compressed(request);
        job.state = AssessmentJob.State.QUEUED;
        job.createdAt = Instant.now();
        if (key != null) {
            job.idempotencyKey = key.value();
            job.requestHash = key.requestHash();
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> jobs.persist(job));
        } catch (RuntimeException e) {
            // The same key, sent twice at once: the other request queued first; answer as it did.
            if (key != null && AssessmentService.isUniqueViolation(e)) {
                Optional<Submitted> winner = QuarkusTransaction.requiringNew().call(() -> replay(caller, key));
                if (winner.isPresent()) {
                    return winner.get();
                }
            }
            throw e;
        }
        LOG.infof("assessment job %s queued: %d items", job.id, job.itemCount);
        queued.incrementAndGet();
        wake();
        return new Submitted(JobStatus.of(job), false);
    }

    private Optional<Submitted> replay(Caller caller, IdempotencyKey key) {
        Optional<AssessmentJob> job = jobs.findByIdempotencyKey(caller.tenant(), key.value());
        if (job.isPresent()) {
            sameRequest(job.get().requestHash, key);
            return Optional.of(new Submitted(JobStatus.of(job.get()), true));
        }
        return assessments.findByIdempotencyKey(caller.tenant(), key.value()).map(done -> {
            sameRequest(done.requestHash, key);
            return new Submitted(JobStatus.done(done.id, done.itemCount, done.createdAt), true);
        });
    }

    private static void sameRequest(String hash, IdempotencyKey key) {
        if (!key.requestHash().equals(hash)) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "The Idempotency-Key '" + key.value()
                    + "' was already used for a different request.");
        }
    }

    /** Where a job of the caller's organisation stands; empty for any other id. */
    public Optional<JobStatus> status(Caller caller, UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> jobs.findForTenant(caller.tenant(), id).map(JobStatus::of));
    }

    /**
     * Cancels a job that has not finished, for the user who submitted it or an org-admin of its
     * organisation; a running job stops at its next step and stores nothing. Empty for an id of
     * another organisation.
     */
    public Optional<JobStatus> cancel(Caller caller, UUID id, boolean orgAdmin) {
        return QuarkusTransaction.requiringNew().call(() -> jobs.findForTenant(caller.tenant(), id).map(job -> {
            if (!orgAdmin && !job.createdBy.equals(caller.user())) {
                throw new ProblemException(ProblemType.FORBIDDEN, "Only the user who submitted the assessment, or an org-admin, may "
                        + "cancel it.");
            }
            if (job.state.finished()) {
                throw ProblemException.conflict("The assessment " + id + " has already " + JobStatus.ended(job.state) + ".");
            }
            jobs.cancel(id);
            metrics.ended(AssessmentMetrics.Outcome.CANCELLED, AssessmentMetrics.Mode.ASYNC);
            LOG.infof("assessment job %s cancelled by %s", id, caller.user());
            jobs.getEntityManager().refresh(job);
            return JobStatus.of(job);
        }));
    }

    // ---- the workers ------------------------------------------------------------------------------

    @Scheduled(every = "${assessment.jobs.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    /** Claims queued jobs while this replica has a free worker, and runs each on it. */
    synchronized void wake() {
        while (running.size() < config.workers()) {
            Optional<UUID> claimed;
            try {
                claimed = QuarkusTransaction.requiringNew().call(() -> jobs.claim(worker, config.staleAfter()));
            } catch (RuntimeException e) {
                LOG.warnf("cannot claim an assessment job: %s", e.toString());
                return;
            }
            if (claimed.isEmpty()) {
                return;
            }
            UUID id = claimed.get();
            running.add(id);
            try {
                pool.execute(() -> run(id));
            } catch (RejectedExecutionException e) {
                running.remove(id);
                QuarkusTransaction.requiringNew().run(() -> jobs.finish(id, worker, AssessmentJob.State.QUEUED, null));
                return;
            }
        }
    }

    /** Beats the heartbeat of this replica's jobs, notes the ones it lost, and counts the queue. */
    @Scheduled(every = "${assessment.jobs.heartbeat:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                for (UUID id : List.copyOf(running)) {
                    if (jobs.heartbeat(List.of(id), worker) == 0) {
                        lost.add(id);
                    }
                }
                JobRepository.Backlog waiting = jobs.backlog(AssessmentJob.State.QUEUED);
                queued.set(waiting.jobs());
                runningAnywhere.set(jobs.backlog(AssessmentJob.State.RUNNING).jobs());
                oldestQueuedSeconds.set(waiting.oldest() == null ? 0
                        : Math.max(0, Duration.between(waiting.oldest(), Instant.now()).toSeconds()));
            });
        } catch (RuntimeException e) {
            LOG.warnf("cannot beat the assessment jobs' heartbeat: %s", e.toString());
        }
    }

    /**
     * Runs a job in a trace of its own (the request that queued it has ended): its log lines carry
     * the trace's id, and its calls to the catalog and the database are spans of that trace.
     */
    private void run(UUID id) {
        Span span = tracer.spanBuilder("assessment job").setNoParent()
                .setAttribute("sovereign.assessment.id", id.toString()).startSpan();
        SpanContext trace = span.getSpanContext();
        MDC.put(RequestIds.MDC_KEY, "job-" + id);
        if (trace.isValid()) {
            MDC.put(TRACE_ID, trace.getTraceId());
            MDC.put(SPAN_ID, trace.getSpanId());
        }
        try (Scope ignored = span.makeCurrent()) {
            execute(id);
        } finally {
            span.end();
            MDC.remove(RequestIds.MDC_KEY);
            MDC.remove(TRACE_ID);
            MDC.remove(SPAN_ID);
        }
        wake();
    }

    private void execute(UUID id) {
        try {
            AssessmentJob job = QuarkusTransaction.requiringNew().call(() -> jobs.findById(id));
            if (job.attempts > config.maxAttempts()) {
                fail(job, new ProblemException(ProblemType.INTERNAL, "The assessment was started " + config.maxAttempts()
                        + " times without finishing; it is not tried again."));
                return;
            }
            Caller caller = new Caller(job.issuer, job.organisation, job.createdBy);
            NewAssessment request = QuarkusTransaction.requiringNew().call(() -> read(jobs.findById(id).request));
            LOG.infof("assessment job %s running (attempt %d): %d items", id, job.attempts, job.itemCount);
            service.runJob(caller, request, new AssessmentService.Run(id, true, phase -> progress(id, phase), () -> {
                if (!jobs.finish(id, worker, AssessmentJob.State.DONE, null)) {
                    throw new JobLostException(id);
                }
            }));
            metrics.ended(AssessmentMetrics.Outcome.DONE, AssessmentMetrics.Mode.ASYNC);
            LOG.infof("assessment job %s done", id);
        } catch (JobLostException e) {
            LOG.infof("assessment job %s stopped: it was cancelled or claimed by another worker; nothing was stored", id);
        } catch (ProblemException e) {
            ended(id, e, e.type().status() >= 500);
        } catch (UnreadableRequestException e) {
            LOG.errorf(e, "assessment job %s: its request cannot be read", id);
            ended(id, new ProblemException(ProblemType.INTERNAL, "The queued request cannot be read."), false);
        } catch (RuntimeException e) {
            if (ProblemMappers.databaseUnreachable(e)) {
                ended(id, new ProblemException(ProblemType.UNAVAILABLE, "The database cannot be reached."), true);
            } else {
                String errorId = UUID.randomUUID().toString();
                LOG.errorf(e, "assessment job %s failed: error id %s", id, errorId);
                ended(id, new ProblemException(ProblemType.INTERNAL, "An unexpected error occurred; quote error id " + errorId + "."),
                        false);
            }
        } finally {
            running.remove(id);
            lost.remove(id);
        }
    }

    private void progress(UUID id, String phase) {
        Integer percent = PROGRESS.get(phase);
        if (lost.contains(id) || percent != null
                && !QuarkusTransaction.requiringNew().call(() -> jobs.progress(id, worker, phase, percent))) {
            throw new JobLostException(id);
        }
    }

    /** A transient failure (the catalog or the database away) queues the job again; any other fails it with its problem. */
    private void ended(UUID id, ProblemException problem, boolean transientFailure) {
        try {
            AssessmentJob job = QuarkusTransaction.requiringNew().call(() -> jobs.findById(id));
            if (transientFailure && job.attempts < config.maxAttempts()) {
                LOG.warnf("assessment job %s will be tried again: %s", id, problem.getMessage());
                QuarkusTransaction.requiringNew().run(() -> jobs.finish(id, worker, AssessmentJob.State.QUEUED, null));
                return;
            }
            fail(job, problem);
        } catch (RuntimeException e) {
            LOG.warnf("assessment job %s: its end could not be recorded (%s); it will be claimed again", id, e.toString());
        }
    }

    private void fail(AssessmentJob job, ProblemException problem) {
        Problem body = new Problem(problem.type().uri(), problem.type().title(), problem.type().status(), problem.getMessage(),
                "/api/v1/assessments/" + job.id, problem.errors().isEmpty() ? null : problem.errors());
        QuarkusTransaction.requiringNew().run(() -> jobs.finish(job.id, worker, AssessmentJob.State.FAILED, write(body)));
        metrics.ended(problem.type().status() < 500 ? AssessmentMetrics.Outcome.REFUSED : AssessmentMetrics.Outcome.FAILED,
                AssessmentMetrics.Mode.ASYNC);
        LOG.infof("assessment job %s failed: %s", job.id, problem.getMessage());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    /** The request as gzip-compressed JSON, written as a stream: never the whole JSON text in memory. */
    private byte[] compressed(NewAssessment request) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes, 64 * 1024)) {
            json.writeValue(gzip, request);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the request", e);
        }
        return bytes.toByteArray();
    }

    /** A queued request: gzip-compressed JSON, or JSON as the first jobs were queued with. */
    private NewAssessment read(byte[] request) {
        boolean gzip = request.length > 1 && (request[0] & 0xff) == 0x1f && (request[1] & 0xff) == 0x8b;
        try (InputStream in = gzip ? new GZIPInputStream(new ByteArrayInputStream(request), 64 * 1024) : new ByteArrayInputStream(request)) {
            return requests.readValue(in, NewAssessment.class);
        } catch (IOException e) {
            throw new UnreadableRequestException(e);
        }
    }

    /** A queued request that cannot be read: running it again would not help. */
    private static final class UnreadableRequestException extends RuntimeException {

        UnreadableRequestException(IOException cause) {
            super(cause);
        }
    }

    /** A worker that stopped holding its job (cancelled, or claimed again by another) stops working on it. */
    static final class JobLostException extends RuntimeException {

        JobLostException(UUID id) {
            super("assessment job " + id + " is no longer held by this worker", null, false, false);
        }
    }

    /**
     * A replica that stops hands its running jobs back to the queue (the run does not count as an
     * attempt), so another replica takes them at once instead of after {@code stale-after}; its
     * workers, stopped, can no longer complete them and store nothing.
     */
    void handBack(@Observes ShutdownEvent event) {
        pool.shutdownNow();
        for (UUID id : List.copyOf(running)) {
            try {
                if (QuarkusTransaction.requiringNew().call(() -> jobs.handBack(id, worker))) {
                    LOG.infof("assessment job %s handed back to the queue: this replica stops", id);
                }
            } catch (RuntimeException e) {
                LOG.warnf("assessment job %s could not be handed back (%s); another replica takes it once its heartbeat is stale",
                        id, e.toString());
            }
        }
    }

    private static String workerName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + ":" + ProcessHandle.current().pid() + ":" + UUID.randomUUID().toString().substring(0, 8);
    }
}
