package eu.sovereignstack.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Metrics, alerts, dashboard and traces: every ServiceMonitor selects an existing Service with a port of the name it
 * scrapes, which Prometheus may reach, and every service is scraped where the Prometheus Operator runs (production,
 * federation; never dev); every alert and dashboard query is plausible PromQL of series the services publish, and one
 * that lists the services lists every one; every alert has a severity, a summary, a description and a runbook; every service exports traces to a collector its
 * egress reaches, with a sampler ratio between 0 and 1.
 */
class ObservabilityTest {

    static Stream<String> overlays() {
        return Problems.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void serviceMonitorsSelectServicesWithTheNamedPort(String overlay) {
        Problems.assertNone(overlay, ObservabilityRules.serviceMonitors(RenderedOverlay.forChecks(overlay)));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceIsScrapedWhereThePrometheusOperatorRuns(String overlay) {
        Problems.assertNone(overlay, ObservabilityRules.everyServiceScraped(RenderedOverlay.forChecks(overlay)));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void prometheusMayReachWhatItScrapes(String overlay) {
        Problems.assertNone(overlay, ObservabilityRules.scrapesAllowed(RenderedOverlay.forChecks(overlay)));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void alertsQueryPublishedSeriesAndSayWhatToDo(String overlay) {
        Problems.assertNone(overlay, ObservabilityRules.alerts(RenderedOverlay.forChecks(overlay)));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void dashboardsParseAndQueryPublishedSeries(String overlay) {
        Problems.assertNone(overlay, ObservabilityRules.dashboards(RenderedOverlay.forChecks(overlay)));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void queriesThatListTheServicesListEveryOne(String overlay) {
        Problems.assertNone(overlay, ObservabilityRules.serviceLists(RenderedOverlay.forChecks(overlay)));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void tracesReachTheCollector(String overlay) {
        Problems.assertNone(overlay, ObservabilityRules.tracing(RenderedOverlay.forChecks(overlay)));
    }

    @Test
    void productionAndTheFederationAreMonitored() {
        for (String overlay : List.of(Repo.PRODUCTION, Repo.FEDERATION)) {
            RenderedOverlay rendered = RenderedOverlay.forChecks(overlay);
            assertFalse(rendered.custom(CustomResources.SERVICE_MONITOR).isEmpty(), overlay + " has no ServiceMonitor");
            assertFalse(rendered.custom(CustomResources.PROMETHEUS_RULE).isEmpty(), overlay + " has no PrometheusRule");
        }
    }

    // ---- the checks themselves

    /** The gateway of NetworkPolicyTest's good manifest, scraped, alerted on, on a dashboard, tracing. */
    static final String GOOD = NetworkPolicyTest.GOOD.replace("name: web", "name: gateway")
            .replace("{name: settings, namespace: demo}\ndata: {A: b}",
                    "{name: settings, namespace: demo}\ndata: {QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT: \"http://otel-collector.observability.svc:4317\", "
                            + "QUARKUS_OTEL_TRACES_SAMPLER_ARG: \"0.1\"}")
            .replace("metadata: {name: gateway, namespace: demo}\nspec:\n  selector: {app: web}",
                    "metadata: {name: gateway, namespace: demo, labels: {app: web}}\nspec:\n  selector: {app: web}") + """
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: observability, namespace: demo}
            spec:
              podSelector: {matchLabels: {app: web}}
              policyTypes: [Ingress, Egress]
              ingress:
                - from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring}}, podSelector: {matchLabels: {app.kubernetes.io/name: prometheus}}}]
                  ports: [{port: http}]
              egress:
                - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: observability}}}]
                  ports: [{port: 4317}]
            ---
            apiVersion: monitoring.coreos.com/v1
            kind: ServiceMonitor
            metadata: {name: gateway, namespace: demo}
            spec:
              selector: {matchLabels: {app: web}}
              endpoints: [{port: http, path: /q/metrics, interval: 30s}]
            ---
            apiVersion: monitoring.coreos.com/v1
            kind: PrometheusRule
            metadata: {name: alerts, namespace: demo}
            spec:
              groups:
                - name: demo
                  rules:
                    - alert: BreakerOpen
                      expr: max by (backend) (sovereign_gateway_breaker_open{namespace="demo"}) == 1
                      for: 1m
                      labels: {severity: critical}
                      annotations: {summary: open, description: "{{ $labels.backend }} is open", runbook: check the backend}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: dashboard, namespace: demo, labels: {grafana_dashboard: "1"}}
            data:
              demo.json: |
                {"uid": "demo", "title": "Demo", "panels": [
                  {"id": 1, "type": "row", "title": "Gateway", "panels": []},
                  {"id": 2, "type": "timeseries", "title": "Refusals",
                   "targets": [{"refId": "A", "expr": "sum by (caller) (rate(sovereign_gateway_rate_limit_refusals_total{namespace=\\"$namespace\\"}[$__rate_interval]))"}]}]}
            """;

    private static RenderedOverlay good(String from, String to) {
        if (!GOOD.contains(from)) {
            throw new IllegalArgumentException("not in the good manifest: " + from);
        }
        return RenderedOverlay.fromYaml(Repo.PRODUCTION, GOOD.replace(from, to));
    }

    @Test
    void theGoodManifestKeepsEveryRule() {
        assertEquals(List.of(), ObservabilityRules.all(RenderedOverlay.fromYaml(Repo.PRODUCTION, GOOD)));
    }

    @Test
    void serviceMonitorsAreChecked() {
        Problems.assertReported(ObservabilityRules.serviceMonitors(good("selector: {matchLabels: {app: web}}\n  endpoints",
                "selector: {matchLabels: {app: api}}\n  endpoints")), "ServiceMonitor demo/gateway", "selects no Service");
        Problems.assertReported(ObservabilityRules.serviceMonitors(good("endpoints: [{port: http,", "endpoints: [{port: metrics,")),
                "endpoint port metrics is not a port name of Service demo/gateway");
        Problems.assertReported(ObservabilityRules.everyServiceScraped(good("path: /q/metrics", "path: /metrics")),
                "Service demo/gateway", "no ServiceMonitor scrapes it at /q/metrics");
        Problems.assertReported(ObservabilityRules.scrapesAllowed(good("kubernetes.io/metadata.name: monitoring", "kubernetes.io/metadata.name: prometheus")),
                "Prometheus (namespace monitoring) -> Deployment demo/gateway port 8080", "admits Prometheus");
        Problems.assertReported(ObservabilityRules.everyServiceScraped(RenderedOverlay.fromYaml(Repo.DEV, GOOD)),
                "ServiceMonitor demo/gateway", "the dev overlay has no Prometheus Operator");
    }

    @Test
    void alertsAreChecked() {
        Problems.assertReported(ObservabilityRules.alerts(good("sovereign_gateway_breaker_open{", "sovereign_gateway_breaker_opened{")),
                "PrometheusRule demo/alerts alert BreakerOpen", "queries [sovereign_gateway_breaker_opened], which no service publishes");
        Problems.assertReported(ObservabilityRules.alerts(good("max by (backend) (", "max by (backend) ((")),
                "alert BreakerOpen", "unclosed '('");
        Problems.assertReported(ObservabilityRules.alerts(good("labels: {severity: critical}", "labels: {team: gateway}")),
                "label severity is ''");
        Problems.assertReported(ObservabilityRules.alerts(good(", runbook: check the backend}", "}")), "no runbook");
        Problems.assertReported(ObservabilityRules.alerts(good("summary: open, ", "")), "no summary annotation");
        Problems.assertReported(ObservabilityRules.alerts(good("for: 1m", "for: a minute")), "is not a duration");
    }

    @Test
    void dashboardsAreChecked() {
        Problems.assertReported(ObservabilityRules.dashboards(good("sovereign_gateway_rate_limit_refusals_total", "gateway_refusals_total")),
                "ConfigMap demo/dashboard demo.json panel 'Refusals'", "queries [gateway_refusals_total]");
        Problems.assertReported(ObservabilityRules.dashboards(good("[$__rate_interval]))", "[$__rate_interval])")), "panel 'Refusals'", "unclosed '('");
        Problems.assertReported(ObservabilityRules.dashboards(good("\"title\": \"Demo\", \"panels\": [", "\"title\": \"Demo\", \"panels\": [,")),
                "ConfigMap demo/dashboard demo.json", "not JSON");
        Problems.assertReported(ObservabilityRules.dashboards(good("\"id\": 2", "\"id\": 1")), "id 1 is taken by another panel");
        Problems.assertReported(ObservabilityRules.dashboards(good("labels: {grafana_dashboard: \"1\"}", "labels: {app: dashboard}")),
                "ServiceMonitors but no dashboard");
    }

    @Test
    void serviceListsAreChecked() {
        // Two alerts that list the suite's services: the gateway (the Service GOOD's ServiceMonitor scrapes) and one more.
        String listed = """
                        - alert: Errors
                          expr: sum by (service) (rate(http_server_requests_seconds_count{service=~"gateway|catalog-service", status=~"5.."}[5m])) > 1
                          labels: {severity: warning}
                          annotations: {summary: errors, description: errors, runbook: read the logs}
                        - alert: Flapping
                          expr: changes(kube_pod_status_ready{pod=~"(gateway|catalog-service)-[a-z0-9]+-[a-z0-9]+"}[15m]) > 4
                          labels: {severity: warning}
                          annotations: {summary: flapping, description: flapping, runbook: describe the pod}
                """;
        String breaker = "        - alert: BreakerOpen\n";
        if (!GOOD.contains(breaker)) {
            throw new IllegalArgumentException("not in the good manifest: " + breaker);
        }
        String withList = GOOD.replace(breaker, listed + breaker);
        assertEquals(List.of(), ObservabilityRules.serviceLists(RenderedOverlay.fromYaml(Repo.PRODUCTION, withList)));
        assertEquals(List.of(), ObservabilityRules.alerts(RenderedOverlay.fromYaml(Repo.PRODUCTION, withList)));
        // Lists that leave out the gateway: its Service, which the ServiceMonitor scrapes, and its Deployment's pods.
        String renamed = withList.replace("{service=~\"gateway|", "{service=~\"front|").replace("(gateway|", "(front|");
        Problems.assertReported(ObservabilityRules.serviceLists(RenderedOverlay.fromYaml(Repo.PRODUCTION, renamed)),
                "PrometheusRule demo/alerts alert Errors: lists the services [front, catalog-service] but not gateway, which a ServiceMonitor scrapes");
        Problems.assertReported(ObservabilityRules.serviceLists(RenderedOverlay.fromYaml(Repo.PRODUCTION, renamed)),
                "PrometheusRule demo/alerts alert Flapping: pod=~\"(front|catalog-service)-[a-z0-9]+-[a-z0-9]+\" matches no pod of gateway");
        // Left out on purpose: the MCP server's request times are no latency.
        String slow = renamed.replace("alert: Errors", "alert: SovereignStackSlowRequests");
        Problems.assertReported(ObservabilityRules.serviceLists(RenderedOverlay.fromYaml(Repo.PRODUCTION, slow.replace("name: gateway", "name: mcp-server"))),
                "alert Flapping", "matches no pod of mcp-server");
        assertEquals(List.of(), ObservabilityRules.serviceLists(RenderedOverlay.fromYaml(Repo.PRODUCTION, slow.replace("name: gateway", "name: mcp-server")))
                .stream().filter(p -> p.contains("SovereignStackSlowRequests")).toList());
    }

    @Test
    void tracingIsChecked() {
        Problems.assertReported(ObservabilityRules.tracing(good("[{port: 4317}]", "[{port: 4318}]")),
                "Deployment demo/gateway -> collector otel-collector.observability port 4317", "no NetworkPolicy of the source allows this egress");
        Problems.assertReported(ObservabilityRules.tracing(good("\"http://otel-collector.observability.svc:4317\"", "\"http://otel-collector:4317\"")),
                "is not http://<service>.<namespace>.svc:<port>");
        Problems.assertReported(ObservabilityRules.tracing(good("SAMPLER_ARG: \"0.1\"", "SAMPLER_ARG: \"10\"")), "is not between 0 and 1");
        Problems.assertReported(ObservabilityRules.tracing(good("SAMPLER_ARG: \"0.1\"", "SAMPLER_ARG: \"0\"")), "is 0 in production");
        assertEquals(List.of(), ObservabilityRules.tracing(RenderedOverlay.fromYaml(Repo.DEV, GOOD.replace("SAMPLER_ARG: \"0.1\"", "SAMPLER_ARG: \"0\""))));
    }
}
