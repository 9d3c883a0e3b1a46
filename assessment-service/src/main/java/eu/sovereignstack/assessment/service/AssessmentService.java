package eu.sovereignstack.assessment.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

import eu.sovereignstack.assessment.client.CatalogResolver;
import eu.sovereignstack.assessment.client.CatalogUnavailableException;
import eu.sovereignstack.assessment.config.ResultsConfig;
import eu.sovereignstack.assessment.domain.Assessment;
import eu.sovereignstack.assessment.domain.AssessmentHead;
import eu.sovereignstack.assessment.domain.AssessmentSummaryRow;
import eu.sovereignstack.assessment.domain.Inventory;
import eu.sovereignstack.assessment.domain.InventoryItem;
import eu.sovereignstack.assessment.engine.AssessmentEngine;
import eu.sovereignstack.assessment.engine.Comparisons;
import eu.sovereignstack.assessment.engine.DependencyCycleException;
import eu.sovereignstack.assessment.engine.licence.LicenceCheck;
import eu.sovereignstack.assessment.engine.model.AssessmentResult;
import eu.sovereignstack.assessment.engine.model.AssessmentResult.ItemResult;
import eu.sovereignstack.assessment.engine.model.Comparison;
import eu.sovereignstack.assessment.engine.model.Policy;
import eu.sovereignstack.assessment.engine.model.RerunChanges;
import eu.sovereignstack.assessment.engine.model.ScoringProfile;
import eu.sovereignstack.assessment.engine.rules.DispositionRule;
import eu.sovereignstack.assessment.inventory.ItemFields;
import eu.sovereignstack.assessment.observability.AssessmentMetrics;
import eu.sovereignstack.assessment.repository.AssessmentRepository;
import eu.sovereignstack.catalog.contract.ResolveRequest;
import eu.sovereignstack.catalog.contract.ResolveResult;
import eu.sovereignstack.common.jurisdiction.Countries;
import eu.sovereignstack.common.licence.InvalidLicenceException;
import eu.sovereignstack.common.licence.SpdxLicences;
import eu.sovereignstack.common.problem.Problem.FieldError;
import eu.sovereignstack.common.problem.ProblemException;
import eu.sovereignstack.common.problem.ProblemType;

/**
 * The assessment use cases. Creating one resolves the inventory against the catalog outside
 * any transaction, computes the result, and only then stores it in one transaction: the
 * assessment's row and a row per item. A failure at any step stores nothing. A result of up to
 * {@code assessment.results.whole-items} items is held whole in memory; a larger one (a job's)
 * is computed again item by item while its rows are written, and read back a page or a stream
 * at a time, never whole.
 */
@ApplicationScoped
public class AssessmentService {

    private static final Logger LOG = Logger.getLogger(AssessmentService.class);
    /** The seconds a transaction over an assessment's items may take, plus a second per 500 items. */
    private static final int STORE_TIMEOUT_SECONDS = 60;
    private static final String COMPARED = "compared";
    /** A problem lists at most this many field errors. */
    private static final int MAX_FIELD_ERRORS = 100;

    private final AssessmentRepository assessments;
    private final ScoringProfiles profiles;
    private final CatalogResolver catalog;
    private final AssessmentEngine engine;
    private final SpdxLicences licences;
    private final ObjectMapper json;
    private final Today today;
    private final AssessmentMetrics metrics;
    private final ResultsConfig results;

    AssessmentService(AssessmentRepository assessments, ScoringProfiles profiles, CatalogResolver catalog,
            SpdxLicences licences, LicenceCheck licenceCheck, ObjectMapper json, Today today, AssessmentMetrics metrics,
            ResultsConfig results) {
        this.assessments = assessments;
        this.profiles = profiles;
        this.catalog = catalog;
        this.engine = new AssessmentEngine(licences, licenceCheck);
        this.licences = licences;
        this.json = json;
        this.today = today;
        this.metrics = metrics;
        this.results = results;
    }

    /**
     * Assesses and stores. With an idempotency key that an earlier request of the tenant used,
     * nothing is computed: the same request gets that request's assessment ({@link Created#replayed()}),
     * another request a 422.
     */
    public Created create(Caller caller, NewAssessment request) {
        return create(caller, request, (side, result) -> null);
    }

    /**
     * Assesses and stores, with what {@code changes} says of the result (a rerun's changes, given
     * the new assessment as a comparison's side) stored alongside.
     */
    private Created create(Caller caller, NewAssessment request, BiFunction<Comparison.Side, AssessmentResult, RerunChanges> changes) {
        return counted(() -> assess(caller, request, changes, Run.inRequest()), AssessmentMetrics.Mode.SYNC);
    }

    /**
     * Runs an assessment a job holds, as {@code run} says (its id, its progress, the step that
     * completes the job in the transaction that stores the assessment). The catalog is asked with
     * the service's own token: the job's request has ended.
     */
    public Created runJob(Caller caller, NewAssessment request, Run run) {
        return assess(caller, request, (side, result) -> null, run);
    }

    /** Counts how an assessment ended (a replayed one is not counted again). */
    private Created counted(Supplier<Created> assessment, AssessmentMetrics.Mode mode) {
        try {
            Created created = assessment.get();
            if (!created.replayed()) {
                metrics.ended(AssessmentMetrics.Outcome.DONE, mode);
            }
            return created;
        } catch (ProblemException e) {
            metrics.ended(e.type().status() < 500 ? AssessmentMetrics.Outcome.REFUSED : AssessmentMetrics.Outcome.FAILED, mode);
            throw e;
        } catch (RuntimeException e) {
            metrics.ended(AssessmentMetrics.Outcome.FAILED, mode);
            throw e;
        }
    }

    /**
     * How one assessment runs: in the request (a new id, the caller's token, nothing to report),
     * or as a job (the job's id, the service's token, progress told as each phase ends, and a
     * step run in the storing transaction: completing the job, which fails if the job was lost).
     */
    public record Run(UUID id, boolean asService, AssessmentEngine.Phases phases, Runnable inStoringTransaction) {

        static Run inRequest() {
            return new Run(UUID.randomUUID(), false, phase -> { }, () -> { });
        }
    }

    /**
     * Checks a request as assessing it would, before it is queued as a job: the inventory's
     * values, its dependency graph and the profile. A bad request is refused at once, not after
     * it has waited in the queue.
     */
    public void check(NewAssessment request) {
        checkValues(request.inventory());
        checkGraph(request.inventory());
        profile(request);
    }

    private ScoringProfile profile(NewAssessment request) {
        return request.profile() == null ? profiles.defaultProfile()
                : profiles.find(request.profile()).orElseThrow(() -> ProblemException.invalid("profile",
                        "unknown scoring profile '" + request.profile() + "'; see GET /api/v1/scoring-profiles"));
    }

    private Created assess(Caller caller, NewAssessment request, BiFunction<Comparison.Side, AssessmentResult, RerunChanges> changes,
            Run run) {
        IdempotencyKey key = request.idempotencyKey();
        if (key != null && !run.asService()) {
            Optional<StoredAssessment> earlier = QuarkusTransaction.requiringNew().call(() -> replay(caller, key));
            if (earlier.isPresent()) {
                return new Created(earlier.get(), true);
            }
        }
        Inventory inventory = request.inventory();
        checkValues(inventory);
        checkGraph(inventory);
        ScoringProfile profile = profile(request);
        double threshold = request.threshold() == null ? DispositionRule.DEFAULT_THRESHOLD : request.threshold();
        Policy policy = request.policy() == null ? Policy.none() : request.policy();

        long started = System.nanoTime();
        ResolveResult resolved = resolve(inventory, run.asService());
        long resolvedAt = System.nanoTime();
        metrics.phase("resolve", resolvedAt - started);
        run.phases().ended("resolve");
        long[] phaseStart = {resolvedAt};
        AssessmentEngine.Computed computed = engine.compute(inventory, profile, policy, threshold, resolved, today.date(),
                caller.issuer(), phase -> {
                    long now = System.nanoTime();
                    metrics.phase(phase, now - phaseStart[0]);
                    phaseStart[0] = now;
                    run.phases().ended(phase);
                }, results.wholeItems());
        AssessmentResult summary = computed.summary();
        // Held whole, the result is answered and compared; a larger one (only ever a job's) is stored item by item.
        AssessmentResult whole = computed.itemCount() <= results.wholeItems() ? computed.whole() : summary;

        Assessment assessment = new Assessment();
        assessment.id = run.id();
        assessment.tenant = caller.tenant();
        assessment.name = request.name() == null || request.name().isBlank()
                ? inventory.organisation().name() : request.name().trim();
        assessment.createdBy = caller.user();
        assessment.createdAt = Instant.now();
        RerunChanges rerunChanges = changes.apply(new Comparison.Side(assessment.id, assessment.name, assessment.createdAt,
                summary.organisation().score(), summary.organisation().seal()), whole);
        long assessedAt = System.nanoTime();
        assessment.profileId = profile.id();
        assessment.threshold = BigDecimal.valueOf(threshold);
        assessment.policy = write(policy);
        assessment.inputFormat = request.inputFormat();
        assessment.inventory = write(inventory);
        assessment.source = request.source();
        assessment.result = write(summary);
        assessment.catalogFacts = write(resolved);
        assessment.rerunOf = request.rerunOf();
        assessment.rerunChanges = rerunChanges == null ? null : write(rerunChanges);
        assessment.score = BigDecimal.valueOf(summary.organisation().score());
        assessment.seal = summary.organisation().seal();
        assessment.itemCount = computed.itemCount();
        if (key != null) {
            assessment.idempotencyKey = key.value();
            assessment.requestHash = key.requestHash();
        }
        try {
            // Storing 100,000 items (computing them again, for an inventory not kept whole) takes a while.
            QuarkusTransaction.requiringNew().timeout(timeoutSeconds(computed.itemCount())).run(() -> {
                run.inStoringTransaction().run();
                assessments.persist(assessment);
                assessments.flush();
                assessments.insertItems(assessment.id, sink -> computed.items().forEach(item -> sink.accept(item.id(), write(item))));
            });
        } catch (RuntimeException e) {
            // The same key, sent twice at once: the other request stored first; answer as it did.
            if (key != null && !run.asService() && isUniqueViolation(e)) {
                Optional<StoredAssessment> winner = QuarkusTransaction.requiringNew().call(() -> replay(caller, key));
                if (winner.isPresent()) {
                    return new Created(winner.get(), true);
                }
            }
            throw e;
        }
        long storedAt = System.nanoTime();
        metrics.phase("store", storedAt - assessedAt);
        metrics.assessed(assessment.itemCount);
        LOG.infof("assessment %s: %d items; resolve %d ms, assess %d ms, store %d ms", assessment.id, assessment.itemCount,
                millis(started, resolvedAt), millis(resolvedAt, assessedAt), millis(assessedAt, storedAt));
        return new Created(stored(assessment, whole), false);
    }


    /** An assessment stored now, or the one an earlier request with the same idempotency key stored. */
    public record Created(StoredAssessment assessment, boolean replayed) {
    }

    private Optional<StoredAssessment> replay(Caller caller, IdempotencyKey key) {
        return assessments.findByIdempotencyKey(caller.tenant(), key.value()).map(earlier -> {
            if (!earlier.requestHash.equals(key.requestHash())) {
                throw new ProblemException(ProblemType.UNPROCESSABLE,
                        "Idempotency-Key '" + key.value() + "' was used for another request; use a new key for a new request.",
                        List.of(new FieldError(IdempotencyKey.HEADER, "was used for another request")), Map.of());
            }
            return stored(earlier, whole(earlier));
        });
    }

    static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** One page of the tenant's assessments, newest first, and how many there are in all. */
    @Transactional
    public Listing list(Caller caller, int page, int size) {
        return new Listing(assessments.page(caller.tenant(), page, size), assessments.countForTenant(caller.tenant()));
    }

    public record Listing(List<AssessmentSummaryRow> items, long total) {
    }

    /**
     * An assessment with its whole result, for what needs it whole in memory (a comparison, a
     * report, the work items); one of more than {@link ResultsConfig#wholeItems()} items is
     * refused with a problem that says what to read instead ({@code use}).
     */
    @Transactional
    public Optional<StoredAssessment> find(Caller caller, UUID id, String use) {
        return assessments.headForTenant(caller.tenant(), id).map(head -> {
            requireKept(head.id(), head.itemCount(), use);
            return stored(head, whole(head.result(), head.id(), head.itemCount()));
        });
    }

    /** An assessment with its result without items (an empty list), and how many items it has: nothing large is read. */
    @Transactional
    public Optional<Head> head(Caller caller, UUID id) {
        return assessments.headForTenant(caller.tenant(), id)
                .map(head -> new Head(stored(head, read(head.result(), AssessmentResult.class)), head.itemCount()));
    }

    /** An assessment with its result's items left out (an empty list), and how many there are. */
    public record Head(StoredAssessment assessment, int itemCount) {
    }

    /** Up to {@code count} of an assessment's item results from {@code from} on, in the result's order. */
    @Transactional
    public List<ItemResult> items(UUID id, int from, int count) {
        return assessments.items(id, from, count).stream().map(item -> read(item, ItemResult.class)).toList();
    }

    /** The item result of an assessment for the inventory item (or SBOM component) with this id; one row is read. */
    @Transactional
    public Optional<ItemResult> item(UUID id, String itemId) {
        return assessments.item(id, itemId).map(item -> read(item, ItemResult.class));
    }

    /**
     * Every item result of an assessment as the JSON it was stored as, in order, a few hundred
     * rows in memory at a time; in a transaction of its own, which may outlast a request's.
     */
    public void forEachItem(UUID id, int itemCount, Consumer<String> sink) {
        QuarkusTransaction.requiringNew().timeout(timeoutSeconds(itemCount)).run(() -> assessments.forEachItem(id, sink));
    }

    /** {@link #forEachItem}, each item read as a result. */
    public void forEachItemResult(UUID id, int itemCount, Consumer<ItemResult> sink) {
        forEachItem(id, itemCount, item -> sink.accept(read(item, ItemResult.class)));
    }

    /** What a transaction over an assessment's items may take: a minute, plus a second per 500 items. */
    private static int timeoutSeconds(int itemCount) {
        return STORE_TIMEOUT_SECONDS + itemCount / 500;
    }

    private void requireKept(UUID id, int itemCount, String use) {
        if (itemCount > results.wholeItems()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "The assessment " + id + " has " + itemCount + " items; "
                    + "more than " + results.wholeItems() + " cannot be " + use + ". Read its summary, its items page by page, "
                    + "or its items.csv export.", List.of(), Map.of());
        }
    }

    /** An assessment of the caller's organisation without its result (nothing large is read). */
    @Transactional
    public Optional<AssessmentSummaryRow> summary(Caller caller, UUID id) {
        return assessments.summaryForTenant(caller.tenant(), id);
    }

    /** The catalog facts the assessment was computed from, as the catalog answered then. */
    @Transactional
    public Optional<ResolveResult> catalogFacts(Caller caller, UUID id) {
        return assessments.findForTenant(caller.tenant(), id).map(a -> read(a.catalogFacts, ResolveResult.class));
    }

    @Transactional
    public boolean delete(Caller caller, UUID id) {
        return assessments.deleteForTenant(caller.tenant(), id);
    }

    /**
     * Assesses the same inventory, profile and policy again, against today's catalog and rules, as
     * a new assessment that says which of its differences come from the rules and which from the
     * facts ({@link RerunChanges}).
     */
    public Optional<StoredAssessment> rerun(Caller caller, UUID id) {
        Optional<Assessment> original = QuarkusTransaction.requiringNew().call(() -> {
            assessments.summaryForTenant(caller.tenant(), id).ifPresent(row -> requireKept(id, row.itemCount(), "re-run"));
            return assessments.findForTenant(caller.tenant(), id);
        });
        return original.map(a -> {
            Inventory inventory = read(a.inventory, Inventory.class);
            Policy policy = read(a.policy, Policy.class);
            return create(caller, new NewAssessment(a.name, inventory, a.profileId, a.threshold.doubleValue(), policy, a.inputFormat,
                    a.source, a.id, null), (side, rerun) -> changes(a, inventory, policy, side, rerun)).assessment();
        });
    }

    /**
     * The first assessment's inventory and catalog facts, assessed again on the day it judged its
     * facts on, with the rerun's rules: between the first result and that, the rules changed; between that and the
     * rerun, the facts did.
     */
    private RerunChanges changes(Assessment original, Inventory inventory, Policy policy, Comparison.Side again,
            AssessmentResult rerun) {
        AssessmentResult before = QuarkusTransaction.requiringNew().call(() -> whole(original));
        ScoringProfile profile = profiles.find(original.profileId).orElseThrow();
        AssessmentResult oldFactsNewRules = engine.assess(inventory, profile, policy, original.threshold.doubleValue(),
                read(original.catalogFacts, ResolveResult.class),
                before.judgedOn() != null ? before.judgedOn() : original.createdAt.atZone(ZoneOffset.UTC).toLocalDate(),
                memberOf(original));
        Comparison.Side first = new Comparison.Side(original.id, original.name, original.createdAt,
                before.organisation().score(), before.organisation().seal());
        Comparison.Side recomputed = new Comparison.Side(original.id, original.name + " (its facts, today's rules)",
                original.createdAt, oldFactsNewRules.organisation().score(), oldFactsNewRules.organisation().seal());
        return new RerunChanges(before.rulesVersion(), rerun.rulesVersion(),
                Comparisons.compare(first, before, recomputed, oldFactsNewRules),
                Comparisons.compare(recomputed, oldFactsNewRules, again, rerun));
    }

    /** The federation member (issuer) whose organisation the assessment belongs to: the first part of its tenant. */
    private static String memberOf(Assessment assessment) {
        int bar = assessment.tenant.lastIndexOf('|');
        return bar < 0 ? assessment.tenant : assessment.tenant.substring(0, bar);
    }

    /** The comparison of two of the tenant's assessments; a problem names the one it cannot find. */
    @Transactional
    public Comparison compare(Caller caller, UUID fromId, UUID toId) {
        StoredAssessment from = find(caller, fromId, COMPARED).orElseThrow(() -> ProblemException.notFound("assessment", fromId.toString()));
        StoredAssessment to = find(caller, toId, COMPARED).orElseThrow(() -> ProblemException.notFound("assessment", toId.toString()));
        return Comparisons.compare(side(from), from.result(), side(to), to.result());
    }

    private static Comparison.Side side(StoredAssessment assessment) {
        return new Comparison.Side(assessment.id(), assessment.name(), assessment.createdAt(),
                assessment.result().organisation().score(), assessment.result().organisation().seal());
    }

    /**
     * What bean validation cannot check, for every format alike: countries are assigned ISO
     * 3166-1 codes, purls are package URLs and licences SPDX expressions. The parsers check what
     * they can where the file says it (a CSV line, an SBOM path); this names the item.
     */
    void checkValues(Inventory inventory) {
        List<FieldError> errors = new ArrayList<>();
        String country = inventory.organisation().country();
        if (country != null && !ItemFields.isCountry(country)) {
            errors.add(new FieldError("organisation.country", Countries.notAssigned(country)));
        }
        List<InventoryItem> items = inventory.items();
        for (int i = 0; i < items.size() && errors.size() < MAX_FIELD_ERRORS; i++) {
            InventoryItem item = items.get(i);
            String at = "items[" + i + "]";
            String purlProblem = ItemFields.purlProblem(item.purl());
            if (purlProblem != null) {
                errors.add(new FieldError(at + ".purl", purlProblem));
            }
            if (item.licence() != null && !item.licence().isBlank()) {
                try {
                    licences.analyse(item.licence());
                } catch (InvalidLicenceException e) {
                    errors.add(new FieldError(at + ".licence", e.getMessage()));
                }
            }
            String provider = item.deployment().providerCountry();
            if (provider != null && !ItemFields.isCountry(provider)) {
                errors.add(new FieldError(at + ".deployment.providerCountry", Countries.notAssigned(provider)));
            }
            List<String> locations = item.deployment().dataLocations();
            for (int j = 0; j < locations.size(); j++) {
                if (!ItemFields.isCountry(locations.get(j))) {
                    errors.add(new FieldError(at + ".deployment.dataLocations[" + j + "]", Countries.notAssigned(locations.get(j))));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors.size() > MAX_FIELD_ERRORS ? errors.subList(0, MAX_FIELD_ERRORS) : errors);
        }
    }


    /** Ids unique, dependsOn naming existing items, and an order to migrate in (no cycle). */
    static void checkGraph(Inventory inventory) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        List<InventoryItem> items = inventory.items();
        for (int i = 0; i < items.size(); i++) {
            Integer earlier = index.putIfAbsent(items.get(i).id(), i);
            if (earlier != null) {
                errors.add(new FieldError("items[" + i + "].id", "duplicates items[" + earlier + "].id '" + items.get(i).id() + "'"));
            }
        }
        for (int i = 0; i < items.size(); i++) {
            for (String dependency : items.get(i).dependsOn()) {
                if (!index.containsKey(dependency)) {
                    errors.add(new FieldError("items[" + i + "].dependsOn", "names no item of this inventory: '" + dependency + "'"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors.size() > MAX_FIELD_ERRORS ? errors.subList(0, MAX_FIELD_ERRORS) : errors);
        }
        try {
            AssessmentEngine.checkOrder(inventory);
        } catch (DependencyCycleException e) {
            Set<String> inCycle = new HashSet<>(e.cycle());
            List<FieldError> cycleErrors = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                if (inCycle.contains(items.get(i).id())) {
                    cycleErrors.add(new FieldError("items[" + i + "].dependsOn", "is part of the cycle " + String.join(" -> ", e.cycle())));
                }
            }
            throw new ProblemException(ProblemType.UNPROCESSABLE,
                    "The items depend on each other in a cycle, so no migration order exists: " + String.join(" -> ", e.cycle()) + ".",
                    cycleErrors, Map.of());
        }
    }

    private ResolveResult resolve(Inventory inventory, boolean asService) {
        // A library is matched by slug or purl only: by name it would be taken for the product it talks to.
        List<ResolveRequest.Item> entries = inventory.items().stream()
                .filter(item -> !item.library() || blankToNull(item.slug()) != null || blankToNull(item.purl()) != null)
                .map(item -> new ResolveRequest.Item(item.id(), blankToNull(item.slug()), blankToNull(item.purl()),
                        item.library() ? null : item.name()))
                .toList();
        try {
            return catalog.resolve(entries, asService);
        } catch (CatalogResolver.CatalogRefusedException e) {
            throw new ProblemException(ProblemType.BAD_GATEWAY, "The catalog-service refused the request (status " + e.status()
                    + "); nothing was stored.");
        } catch (ProcessingException | TimeoutException | CircuitBreakerOpenException | WebApplicationException e) {
            CatalogUnavailableException unavailable = CatalogResolver.unavailable(e);
            throw new ProblemException(unavailable.timeout() ? ProblemType.TIMEOUT : ProblemType.UNAVAILABLE,
                    unavailable.getMessage() + " Nothing was stored; try again shortly.", List.of(), Map.of("Retry-After", "10"));
        }
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** A stored assessment's result with its items (read whole: callers check its size first). */
    private AssessmentResult whole(Assessment assessment) {
        return whole(assessment.result, assessment.id, assessment.itemCount);
    }

    /** A stored result document (its items left out) with its item rows read back in. */
    private AssessmentResult whole(String result, UUID id, int itemCount) {
        return read(result, AssessmentResult.class).withItems(items(id, 0, itemCount));
    }

    private StoredAssessment stored(AssessmentHead a, AssessmentResult result) {
        return new StoredAssessment(a.id(), a.name(), a.createdBy(), a.createdAt(), a.profileId(), a.inputFormat(), a.rerunOf(), result,
                a.rerunChanges() == null ? null : read(a.rerunChanges(), RerunChanges.class));
    }

    private StoredAssessment stored(Assessment a, AssessmentResult result) {
        return new StoredAssessment(a.id, a.name, a.createdBy, a.createdAt, a.profileId, a.inputFormat, a.rerunOf, result,
                a.rerunChanges == null ? null : read(a.rerunChanges, RerunChanges.class));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    private <T> T read(String value, Class<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " is unreadable", e);
        }
    }
}
