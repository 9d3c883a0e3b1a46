package eu.sovereignstack.deploy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The series the services publish at {@code /q/metrics}, by their Prometheus names: what alerts and dashboards may
 * query. A query of a name that is not here shows nothing, or never fires, without any error; so a series renamed in a
 * service is renamed here, and the checks then point at every rule and panel still using the old name.
 */
final class PublishedMetrics {

    /** Histograms (Micrometer timers with buckets): {@code _bucket}, {@code _count}, {@code _sum}. */
    static final List<String> HISTOGRAMS = List.of(
            "http_server_requests_seconds",
            "sovereign_gateway_backend_requests_seconds",
            "sovereign_assessment_phase_seconds");

    /** Timers whose buckets may be off: {@code _bucket}, {@code _count}, {@code _sum}, {@code _max}. */
    static final List<String> TIMERS = List.of(
            "http_client_requests_seconds",
            "jvm_gc_pause_seconds",
            "sovereign_catalog_resolve_seconds");

    /** Counters and gauges, as published. */
    static final List<String> SERIES = List.of(
            "jvm_memory_used_bytes",
            "process_cpu_usage",
            "agroal_active_count",
            "agroal_awaiting_count",
            "agroal_available_count",
            "sovereign_gateway_breaker_open",
            "sovereign_gateway_backend_retries_total",
            "sovereign_gateway_rate_limit_refusals_total",
            "sovereign_gateway_rate_limit_shared",
            "sovereign_assessments_total",
            "sovereign_assessment_items_total",
            "sovereign_assessment_jobs",
            "sovereign_assessment_queue_age_seconds");

    /** kube-state-metrics' series an alert may use besides the services' own. */
    static final List<String> KUBE_STATE_METRICS = List.of("kube_pod_status_ready");

    /** Every name the services publish. */
    static final Set<String> SERVICES = services();

    /** What an alert may query: the services' series and the listed kube-state-metrics ones. */
    static final Set<String> FOR_ALERTS = forAlerts();

    private PublishedMetrics() {
    }

    private static Set<String> services() {
        Set<String> names = new LinkedHashSet<>();
        for (String histogram : HISTOGRAMS) {
            for (String suffix : List.of("_bucket", "_count", "_sum")) {
                names.add(histogram + suffix);
            }
        }
        for (String timer : TIMERS) {
            for (String suffix : List.of("_bucket", "_count", "_sum", "_max")) {
                names.add(timer + suffix);
            }
        }
        names.addAll(SERIES);
        return Set.copyOf(names);
    }

    private static Set<String> forAlerts() {
        Set<String> names = new LinkedHashSet<>(services());
        names.addAll(KUBE_STATE_METRICS);
        return Set.copyOf(names);
    }
}
