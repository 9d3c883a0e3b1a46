package eu.sovereignstack.assessment.observability;

import java.time.Duration;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The assessment-service's own series, next to Quarkus' HTTP, client, pool and JVM ones:
 * <ul>
 * <li>{@code sovereign_assessments_total{outcome,mode}}: assessments by how they ended
 * ({@code done}, {@code refused} for bad input, {@code failed}, {@code cancelled}) and how they
 * ran ({@code sync} in the request, {@code async} as a job);</li>
 * <li>{@code sovereign_assessment_items_total}: inventory items assessed;</li>
 * <li>{@code sovereign_assessment_phase_seconds{phase}}: time per phase ({@code resolve} against
 * the catalog, {@code score} every item, {@code plan} waves, licences and gate, {@code store});</li>
 * <li>{@code sovereign_catalog_resolve_seconds{outcome}}: each batch call to the catalog.</li>
 * </ul>
 */
@ApplicationScoped
public class AssessmentMetrics {

    public enum Mode {
        SYNC, ASYNC
    }

    public enum Outcome {
        DONE, REFUSED, FAILED, CANCELLED
    }

    private final MeterRegistry registry;

    AssessmentMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void ended(Outcome outcome, Mode mode) {
        Counter.builder("sovereign.assessments")
                .description("Assessments, by how they ended and how they ran")
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .tag("mode", mode.name().toLowerCase(Locale.ROOT))
                .register(registry)
                .increment();
    }

    public void assessed(int items) {
        Counter.builder("sovereign.assessment.items")
                .description("Inventory items assessed")
                .register(registry)
                .increment(items);
    }

    public void phase(String phase, long nanos) {
        Timer.builder("sovereign.assessment.phase")
                .description("Time an assessment spent in each phase")
                .tag("phase", phase)
                .register(registry)
                .record(Duration.ofNanos(nanos));
    }

    public void catalogResolve(boolean answered, long nanos) {
        Timer.builder("sovereign.catalog.resolve")
                .description("Batch calls to the catalog-service's resolve")
                .tag("outcome", answered ? "answered" : "failed")
                .register(registry)
                .record(Duration.ofNanos(nanos));
    }
}
