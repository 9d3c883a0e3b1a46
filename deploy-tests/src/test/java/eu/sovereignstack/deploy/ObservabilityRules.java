package eu.sovereignstack.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

/**
 * How the suite is watched: ServiceMonitors that scrape every service's {@code /q/metrics} through a named port of an
 * existing Service, and that Prometheus may reach; alerts and dashboard panels that query only series the services
 * publish ({@link PublishedMetrics}) with plausible PromQL ({@link PromQl}) and, where they list the services, list
 * every one; alerts with a severity, a summary, a description and a runbook; and traces exported to a collector the
 * services' egress reaches. The Prometheus Operator's kinds only where it runs (production, federation), never in dev.
 */
final class ObservabilityRules {

    /** Where Prometheus runs (kube-prometheus-stack): its namespace and its pods' labels. */
    static final String PROMETHEUS_NAMESPACE = "monitoring";
    static final Map<String, String> PROMETHEUS_LABELS = Map.of("app.kubernetes.io/name", "prometheus");

    static final String METRICS_PATH = "/q/metrics";
    static final Set<String> SEVERITIES = Set.of("critical", "warning", "info");
    static final String DASHBOARD_LABEL = "grafana_dashboard";

    static final String OTLP_ENDPOINT = "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT";
    static final String SAMPLER_RATIO = "QUARKUS_OTEL_TRACES_SAMPLER_ARG";

    /**
     * Services a query that lists the suite's services leaves out on purpose, by alert name (or panel title), with why:
     * an MCP server's response may be an event stream held open for as long as its client listens, so its request
     * times say nothing about its speed.
     */
    static final Map<String, Set<String>> NOT_LISTED = Map.of("SovereignStackSlowRequests", Set.of("mcp-server"));

    private static final Pattern SERVICE_LIST = Pattern.compile("service=~\"([a-z0-9-]+(?:\\|[a-z0-9-]+)+)\"");
    private static final Pattern POD_PATTERN = Pattern.compile("pod=~\"([^\"]+)\"");

    private static final Pattern DURATION = Pattern.compile("(\\d+(ms|s|m|h|d|w|y))+");
    private static final Pattern COLLECTOR = Pattern.compile(
            "https?://([a-z0-9]([-a-z0-9]*[a-z0-9])?)\\.([a-z0-9]([-a-z0-9]*[a-z0-9])?)(\\.svc(\\.cluster\\.local)?)?:(\\d+)/?");

    private ObservabilityRules() {
    }

    static List<String> all(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        problems.addAll(serviceMonitors(overlay));
        problems.addAll(everyServiceScraped(overlay));
        problems.addAll(scrapesAllowed(overlay));
        problems.addAll(alerts(overlay));
        problems.addAll(dashboards(overlay));
        problems.addAll(serviceLists(overlay));
        problems.addAll(tracing(overlay));
        return problems;
    }

    /** The Services a ServiceMonitor selects: by their own labels, in its namespace or those it names. */
    static List<Service> selectedServices(RenderedOverlay overlay, ObjectNode monitor) {
        JsonNode selectorNode = monitor.path("spec").path("selector");
        LabelSelector selector = selectorNode.isObject() ? Manifests.STRICT.convertValue(selectorNode, LabelSelector.class) : null;
        JsonNode namespaceSelector = monitor.path("spec").path("namespaceSelector");
        Set<String> namespaces = new HashSet<>();
        namespaceSelector.path("matchNames").forEach(n -> namespaces.add(n.asText()));
        if (namespaces.isEmpty()) {
            namespaces.add(PodSets.namespace(monitor));
        }
        boolean any = namespaceSelector.path("any").asBoolean(false);
        if (PodSets.isEmpty(selector)) {
            return List.of();
        }
        return overlay.all(Service.class).stream()
                .filter(s -> (any || namespaces.contains(PodSets.namespace(s)))
                        && PodSets.selects(selector, s.getMetadata().getLabels() == null ? Map.of() : s.getMetadata().getLabels()))
                .toList();
    }

    /** Each ServiceMonitor selects a Service, and each endpoint names a port of every Service selected, with a path and an interval. */
    static List<String> serviceMonitors(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode monitor : overlay.custom(CustomResources.SERVICE_MONITOR)) {
            String name = Manifests.describe(monitor);
            List<Service> services = selectedServices(overlay, monitor);
            if (services.isEmpty()) {
                problems.add(name + ": its selector " + monitor.path("spec").path("selector") + " selects no Service of the overlay (by the Services' labels)");
            }
            for (JsonNode endpoint : monitor.path("spec").path("endpoints")) {
                String port = endpoint.path("port").asText(null);
                if (port == null) {
                    problems.add(name + ": an endpoint names no port (by name)");
                    continue;
                }
                for (Service service : services) {
                    List<ServicePort> ports = service.getSpec() == null || service.getSpec().getPorts() == null ? List.of() : service.getSpec().getPorts();
                    if (ports.stream().noneMatch(p -> port.equals(p.getName()))) {
                        problems.add(name + ": endpoint port " + port + " is not a port name of " + PodSets.describe(service));
                    }
                }
                if (!endpoint.path("path").isTextual()) {
                    problems.add(name + ": endpoint " + port + " has no path");
                }
                String interval = endpoint.path("interval").asText("");
                if (!DURATION.matcher(interval).matches()) {
                    problems.add(name + ": endpoint " + port + " has no interval (a duration such as 30s)");
                }
            }
        }
        return problems;
    }

    /**
     * Where the Prometheus Operator runs (the overlay has ServiceMonitors), every Service in front of a Deployment is
     * scraped at /q/metrics; where it does not (dev) there is none of its kinds at all, which would not apply.
     */
    static List<String> everyServiceScraped(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        List<ObjectNode> monitors = overlay.custom(CustomResources.SERVICE_MONITOR);
        if (overlay.isDev()) {
            for (ObjectNode object : overlay.objects()) {
                if (TypedModels.typeKey(object).startsWith("monitoring.coreos.com/")) {
                    problems.add(Manifests.describe(object) + ": the dev overlay has no Prometheus Operator (its CRDs would not be there)");
                }
            }
            return problems;
        }
        if (monitors.isEmpty()) {
            return problems;
        }
        List<PodSets.PodSet> pods = PodSets.of(overlay);
        for (Service service : overlay.all(Service.class)) {
            boolean frontsService = pods.stream().anyMatch(p -> p.deployment() != null && p.namespace().equals(PodSets.namespace(service))
                    && service.getSpec() != null && PodSets.selects(service.getSpec().getSelector(), p.labels()));
            if (!frontsService) {
                continue;
            }
            boolean scraped = monitors.stream().anyMatch(m -> selectedServices(overlay, m).contains(service)
                    && streamOf(m.path("spec").path("endpoints")).anyMatch(e -> METRICS_PATH.equals(e.path("path").asText())));
            if (!scraped) {
                problems.add(PodSets.describe(service) + ": no ServiceMonitor scrapes it at " + METRICS_PATH);
            }
        }
        return problems;
    }

    /** Prometheus, in its own namespace, may reach the port each ServiceMonitor scrapes (the pods' NetworkPolicies admit it). */
    static List<String> scrapesAllowed(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        List<PodSets.PodSet> pods = PodSets.of(overlay);
        List<NetworkPolicy> policies = overlay.all(NetworkPolicy.class);
        PodSets.PodSet prometheus = new PodSets.PodSet(PROMETHEUS_NAMESPACE, "Prometheus (namespace " + PROMETHEUS_NAMESPACE + ")",
                PROMETHEUS_LABELS, null, null);
        for (ObjectNode monitor : overlay.custom(CustomResources.SERVICE_MONITOR)) {
            for (Service service : selectedServices(overlay, monitor)) {
                for (JsonNode endpoint : monitor.path("spec").path("endpoints")) {
                    String portName = endpoint.path("port").asText("");
                    Optional<ServicePort> port = service.getSpec().getPorts().stream().filter(p -> portName.equals(p.getName())).findFirst();
                    if (port.isEmpty()) {
                        continue;
                    }
                    for (PodSets.PodSet target : pods) {
                        if (target.spec() == null || !target.namespace().equals(PodSets.namespace(service))
                                || !PodSets.selects(service.getSpec().getSelector(), target.labels())) {
                            continue;
                        }
                        containerPort(target, port.get()).ifPresent(containerPort -> {
                            Flows.Flow flow = new Flows.Flow(prometheus, target, containerPort.getContainerPort(), containerPort.getName(),
                                    Manifests.describe(monitor));
                            if (!Flows.allowed(policies, flow, false)) {
                                problems.add(flow + ": no NetworkPolicy of the destination admits Prometheus");
                            }
                        });
                    }
                }
            }
        }
        return problems;
    }

    private static Optional<ContainerPort> containerPort(PodSets.PodSet pods, ServicePort port) {
        var target = port.getTargetPort() != null ? port.getTargetPort() : new IntOrString(port.getPort());
        return pods.spec().getContainers().stream()
                .flatMap(c -> c.getPorts() == null ? Stream.<ContainerPort>empty() : c.getPorts().stream())
                .filter(p -> target.getStrVal() != null ? target.getStrVal().equals(p.getName()) : Objects.equals(target.getIntVal(), p.getContainerPort()))
                .findFirst();
    }

    /**
     * Every alert: a plausible query of published series only, a duration in {@code for}, a severity label, and
     * summary, description and runbook (or runbook_url) annotations; no alert name twice in a namespace.
     */
    static List<String> alerts(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ObjectNode rule : overlay.custom(CustomResources.PROMETHEUS_RULE)) {
            String name = Manifests.describe(rule);
            for (JsonNode group : rule.path("spec").path("groups")) {
                for (JsonNode entry : group.path("rules")) {
                    String alert = entry.path("alert").asText(null);
                    String record = entry.path("record").asText(null);
                    String where = name + " " + (alert != null ? "alert " + alert : "record " + record);
                    problems.addAll(query(where, entry.path("expr").asText(""), PublishedMetrics.FOR_ALERTS));
                    if (alert == null) {
                        continue;
                    }
                    if (!seen.add(PodSets.namespace(rule) + "/" + alert)) {
                        problems.add(where + ": defined twice in its namespace");
                    }
                    if (entry.has("for") && !DURATION.matcher(entry.path("for").asText("")).matches()) {
                        problems.add(where + ": for " + entry.path("for") + " is not a duration");
                    }
                    String severity = entry.path("labels").path("severity").asText("");
                    if (!SEVERITIES.contains(severity)) {
                        problems.add(where + ": label severity is '" + severity + "', not one of " + SEVERITIES);
                    }
                    JsonNode annotations = entry.path("annotations");
                    for (String annotation : List.of("summary", "description")) {
                        if (annotations.path(annotation).asText("").isBlank()) {
                            problems.add(where + ": no " + annotation + " annotation");
                        }
                    }
                    if (annotations.path("runbook").asText("").isBlank() && annotations.path("runbook_url").asText("").isBlank()) {
                        problems.add(where + ": no runbook (or runbook_url) annotation");
                    }
                }
            }
        }
        return problems;
    }

    /**
     * Every ConfigMap labelled {@code grafana_dashboard} holds dashboards (JSON objects with a uid, a title and panels);
     * every panel has a title, and every query of a panel is plausible and uses only published series. Where the
     * Prometheus Operator runs, there is a dashboard.
     */
    static List<String> dashboards(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        List<ConfigMap> dashboards = overlay.all(ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getLabels() != null && c.getMetadata().getLabels().containsKey(DASHBOARD_LABEL)).toList();
        if (dashboards.isEmpty() && !overlay.custom(CustomResources.SERVICE_MONITOR).isEmpty()) {
            problems.add(overlay.name() + ": ServiceMonitors but no dashboard (a ConfigMap labelled " + DASHBOARD_LABEL + ")");
        }
        for (ConfigMap configMap : dashboards) {
            String name = PodSets.describe(configMap);
            if (configMap.getData() == null || configMap.getData().isEmpty()) {
                problems.add(name + ": no dashboard in its data");
                continue;
            }
            configMap.getData().forEach((key, json) -> problems.addAll(dashboard(name + " " + key, json)));
        }
        return problems;
    }

    /** One dashboard's problems. */
    static List<String> dashboard(String where, String json) {
        List<String> problems = new ArrayList<>();
        JsonNode dashboard;
        try {
            dashboard = Manifests.STRICT.readTree(json);
        } catch (IOException e) {
            problems.add(where + ": not JSON: " + Manifests.firstLine(e.getMessage()));
            return problems;
        }
        if (dashboard == null || !dashboard.isObject()) {
            problems.add(where + ": not a JSON object");
            return problems;
        }
        for (String field : List.of("uid", "title")) {
            if (dashboard.path(field).asText("").isBlank()) {
                problems.add(where + ": no " + field);
            }
        }
        List<JsonNode> panels = new ArrayList<>();
        collectPanels(dashboard.path("panels"), panels);
        if (panels.isEmpty()) {
            problems.add(where + ": no panels");
        }
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : panels) {
            String title = panel.path("title").asText("");
            String at = where + " panel '" + title + "'";
            if (title.isBlank()) {
                problems.add(where + ": a panel (id " + panel.path("id") + ") has no title");
            }
            if (panel.has("id") && !ids.add(panel.path("id").asInt())) {
                problems.add(at + ": id " + panel.path("id") + " is taken by another panel");
            }
            if ("row".equals(panel.path("type").asText())) {
                continue;
            }
            if (!panel.path("targets").isArray() || panel.path("targets").isEmpty()) {
                problems.add(at + ": no queries (targets)");
            }
            for (JsonNode target : panel.path("targets")) {
                problems.addAll(query(at, target.path("expr").asText(""), PublishedMetrics.SERVICES));
            }
        }
        return problems;
    }

    private static void collectPanels(JsonNode panels, List<JsonNode> into) {
        for (JsonNode panel : panels) {
            into.add(panel);
            collectPanels(panel.path("panels"), into);
        }
    }

    /** A query of an alert (named by the alert) or a dashboard panel (named by its title), and where it is. */
    record Query(String name, String where, String expr) {
    }

    /** Every query of the overlay's alerts and dashboards. */
    static List<Query> queries(RenderedOverlay overlay) {
        List<Query> queries = new ArrayList<>();
        for (ObjectNode rule : overlay.custom(CustomResources.PROMETHEUS_RULE)) {
            for (JsonNode group : rule.path("spec").path("groups")) {
                for (JsonNode entry : group.path("rules")) {
                    String alert = entry.path("alert").asText(null);
                    String name = alert != null ? alert : entry.path("record").asText("");
                    queries.add(new Query(name, Manifests.describe(rule) + " " + (alert != null ? "alert " : "record ") + name,
                            entry.path("expr").asText("")));
                }
            }
        }
        for (ConfigMap configMap : overlay.all(ConfigMap.class)) {
            if (configMap.getMetadata().getLabels() == null || !configMap.getMetadata().getLabels().containsKey(DASHBOARD_LABEL)
                    || configMap.getData() == null) {
                continue;
            }
            configMap.getData().forEach((key, json) -> {
                List<JsonNode> panels = new ArrayList<>();
                try {
                    collectPanels(Manifests.STRICT.readTree(json).path("panels"), panels);
                } catch (IOException e) {
                    return; // dashboards() reports it
                }
                for (JsonNode panel : panels) {
                    String title = panel.path("title").asText("");
                    for (JsonNode target : panel.path("targets")) {
                        queries.add(new Query(title, PodSets.describe(configMap) + " " + key + " panel '" + title + "'", target.path("expr").asText("")));
                    }
                }
            });
        }
        return queries;
    }

    /**
     * Alerts and dashboard panels that list the suite's services name every one: a {@code service=~"a|b|c"} matcher
     * lists each Service a ServiceMonitor scrapes (the {@code service} label is the Service's name), and a
     * {@code pod=~"..."} matcher matches the pods of every Deployment ({@code <name>-<hash>-<suffix>}) and StatefulSet
     * ({@code <name>-0}); save those {@link #NOT_LISTED} on purpose. A service added to the suite and left out of a
     * list would go unwatched without any error.
     */
    static List<String> serviceLists(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        Set<String> scraped = new TreeSet<>();
        for (ObjectNode monitor : overlay.custom(CustomResources.SERVICE_MONITOR)) {
            selectedServices(overlay, monitor).forEach(s -> scraped.add(s.getMetadata().getName()));
        }
        Map<String, String> podNames = new TreeMap<>();
        for (HasMetadata workload : PodSets.workloads(overlay)) {
            String name = workload.getMetadata().getName();
            podNames.put(name, name + (workload instanceof StatefulSet ? "-0" : "-5c9d8f7b6d-x2x7q"));
        }
        for (Query query : queries(overlay)) {
            Set<String> excepted = NOT_LISTED.getOrDefault(query.name(), Set.of());
            Matcher services = SERVICE_LIST.matcher(query.expr());
            while (services.find()) {
                List<String> listed = List.of(services.group(1).split("\\|"));
                scraped.stream().filter(s -> !listed.contains(s) && !excepted.contains(s)).forEach(s ->
                        problems.add(query.where() + ": lists the services " + listed + " but not " + s + ", which a ServiceMonitor scrapes"));
            }
            Matcher pods = POD_PATTERN.matcher(query.expr());
            while (pods.find()) {
                Pattern pattern;
                try {
                    pattern = Pattern.compile(pods.group(1));
                } catch (PatternSyntaxException e) {
                    problems.add(query.where() + ": pod=~\"" + pods.group(1) + "\" is no regular expression");
                    continue;
                }
                podNames.forEach((workload, pod) -> {
                    if (!excepted.contains(workload) && !pattern.matcher(pod).matches()) {
                        problems.add(query.where() + ": pod=~\"" + pods.group(1) + "\" matches no pod of " + workload + " (such as " + pod + ")");
                    }
                });
            }
        }
        return problems;
    }

    /** A query's problems: implausible, or naming series the services do not publish. */
    static List<String> query(String where, String expr, Set<String> known) {
        List<String> problems = new ArrayList<>();
        List<String> syntax = PromQl.problems(expr);
        if (!syntax.isEmpty()) {
            problems.add(where + ": query " + syntax + ": " + expr.strip());
            return problems;
        }
        Set<String> unknown = new LinkedHashSet<>(PromQl.metricNames(expr));
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            problems.add(where + ": queries " + unknown + ", which no service publishes (PublishedMetrics)");
        }
        if (PromQl.metricNames(expr).isEmpty()) {
            problems.add(where + ": queries no series: " + expr.strip());
        }
        return problems;
    }

    /**
     * Every Deployment exports traces to a collector named as {@code http://<service>.<namespace>.svc:<port>}, with a
     * sampler ratio between 0 and 1 (above 0 in production), and its egress policies let it reach that namespace on
     * that port.
     */
    static List<String> tracing(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        List<NetworkPolicy> policies = overlay.all(NetworkPolicy.class);
        for (PodSets.PodSet pods : PodSets.of(overlay)) {
            if (pods.deployment() == null) {
                continue;
            }
            for (Container container : pods.spec().getContainers()) {
                String where = pods.owner() + " container " + container.getName();
                ContainerEnv env = ContainerEnv.of(overlay, pods.namespace(), container);
                Optional<String> endpoint = env.literal(OTLP_ENDPOINT);
                if (endpoint.isEmpty()) {
                    problems.add(where + ": no " + OTLP_ENDPOINT);
                    continue;
                }
                Matcher collector = COLLECTOR.matcher(endpoint.get());
                if (!collector.matches()) {
                    problems.add(where + ": " + OTLP_ENDPOINT + "=" + endpoint.get() + " is not http://<service>.<namespace>.svc:<port>");
                    continue;
                }
                PodSets.PodSet target = new PodSets.PodSet(collector.group(3), "collector " + collector.group(1) + "." + collector.group(3),
                        Map.of(), null, null);
                Flows.Flow flow = new Flows.Flow(pods, target, Integer.parseInt(collector.group(7)), null, OTLP_ENDPOINT);
                if (!Flows.allowed(policies, flow, true)) {
                    problems.add(flow + ": no NetworkPolicy of the source allows this egress");
                }
                Optional<String> ratio = env.literal(SAMPLER_RATIO);
                double value;
                try {
                    value = Double.parseDouble(ratio.orElse(""));
                } catch (NumberFormatException e) {
                    problems.add(where + ": " + SAMPLER_RATIO + " is " + ratio.orElse("not set") + ", not a ratio between 0 and 1");
                    continue;
                }
                if (value < 0 || value > 1) {
                    problems.add(where + ": " + SAMPLER_RATIO + "=" + ratio.get() + " is not between 0 and 1");
                } else if (overlay.isProduction() && value == 0) {
                    problems.add(where + ": " + SAMPLER_RATIO + " is 0 in production: no trace would be exported");
                }
            }
        }
        return problems;
    }

    private static Stream<JsonNode> streamOf(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list.stream();
    }
}
