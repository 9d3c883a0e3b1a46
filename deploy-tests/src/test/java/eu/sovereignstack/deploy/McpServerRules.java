package eu.sovereignstack.deploy;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The MCP server (the Deployment mcp-server: Model Context Protocol over Streamable HTTP for AI assistants), published
 * only as the gateway's {@code /mcp}. It checks the caller's token itself and calls the catalog-service and the
 * assessment-service with it. Read as it reads its environment ({@link ContainerEnv}):
 * <ul>
 *   <li>{@code QUARKUS_HTTP_PORT}, the port it listens on;</li>
 *   <li>its OIDC tenants, as every service's ({@link FederationRules#tenants});</li>
 *   <li>{@code QUARKUS_REST_CLIENT_CATALOG_URL} and {@code QUARKUS_REST_CLIENT_ASSESSMENT_URL}, the services it calls;</li>
 *   <li>{@code MCP_PUBLIC_URL}, the suite's public URL as clients call it (scheme and host, no path, no trailing
 *       slash): the MCP endpoint's resource identifier (RFC 9728) is {@code <MCP_PUBLIC_URL>/mcp}.</li>
 * </ul>
 * The gateway of its namespace forwards {@code /mcp} and {@code /.well-known/oauth-protected-resource/mcp} to
 * {@code GATEWAY_BACKENDS_MCP_URL} and states the same public URL as {@code GATEWAY_PUBLIC_URL}.
 */
final class McpServerRules {

    static final String SERVER = "mcp-server";
    static final String GATEWAY = "gateway";
    static final String HTTP_PORT = "QUARKUS_HTTP_PORT";
    static final String PUBLIC_URL = "MCP_PUBLIC_URL";
    static final String GATEWAY_PUBLIC_URL = "GATEWAY_PUBLIC_URL";
    static final String GATEWAY_BACKEND = "GATEWAY_BACKENDS_MCP_URL";

    /** A service the MCP server calls with the caller's token: the variable naming it, and its Deployment. */
    record Call(String variable, String deployment) {
    }

    static final List<Call> CALLS = List.of(
            new Call("QUARKUS_REST_CLIENT_CATALOG_URL", "catalog-service"),
            new Call("QUARKUS_REST_CLIENT_ASSESSMENT_URL", "assessment-service"));

    /** What MCP clients call at the public URL: the endpoint, and its protected-resource metadata (RFC 9728). */
    static final List<String> PUBLIC_PATHS = List.of("/mcp", "/.well-known/oauth-protected-resource/mcp");

    private static final String NAME_LABEL = "app.kubernetes.io/name";
    private static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";
    private static final String INGRESS_NAMESPACE = "ingress-nginx";
    private static final Pattern ORIGIN = Pattern.compile("(https?)://([a-z0-9]([-a-z0-9.]*[a-z0-9])?)(:\\d+)?");
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1");

    private McpServerRules() {
    }

    static List<String> all(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        problems.addAll(present(overlay));
        problems.addAll(onlyFromGateway(overlay));
        problems.addAll(gatewayForwards(overlay));
        problems.addAll(calls(overlay));
        problems.addAll(listens(overlay));
        problems.addAll(publicUrl(overlay));
        problems.addAll(published(overlay));
        return problems;
    }

    static List<FederationRules.Workload> servers(RenderedOverlay overlay) {
        return named(overlay, SERVER);
    }

    private static List<FederationRules.Workload> named(RenderedOverlay overlay, String deployment) {
        return FederationRules.workloads(overlay).stream().filter(w -> w.deployment().getMetadata().getName().equals(deployment)).toList();
    }

    private static boolean isServer(PodSets.PodSet pods) {
        return pods.deployment() != null && SERVER.equals(pods.deployment().getMetadata().getName());
    }

    private static boolean isGateway(PodSets.PodSet pods) {
        return GATEWAY.equals(pods.labels().get(NAME_LABEL));
    }

    /** Every namespace with a gateway runs an MCP server beside it: the gateway's /mcp leads to it. */
    static List<String> present(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        Set<String> served = new LinkedHashSet<>();
        servers(overlay).forEach(s -> served.add(s.namespace()));
        for (FederationRules.Workload gateway : named(overlay, GATEWAY)) {
            if (!served.contains(gateway.namespace())) {
                problems.add("namespace '" + gateway.namespace() + "' runs a gateway but no " + SERVER + ": its /mcp would lead nowhere");
            }
        }
        return problems;
    }

    /**
     * Only the gateway of its namespace, and Prometheus scraping its metrics, reach the MCP server: some policy
     * restricts its ingress, every ingress rule of those policies admits only gateway pods of its namespace or
     * Prometheus (pods {@code app.kubernetes.io/name: prometheus} of the namespace monitoring, named as such), and
     * no other pod of the overlay, nor the ingress controller (namespace ingress-nginx), is admitted.
     */
    static List<String> onlyFromGateway(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        List<PodSets.PodSet> pods = PodSets.of(overlay);
        List<NetworkPolicy> policies = overlay.all(NetworkPolicy.class);
        for (PodSets.PodSet server : pods.stream().filter(McpServerRules::isServer).toList()) {
            List<NetworkPolicy> applying = policies.stream().filter(p -> PodSets.namespace(p).equals(server.namespace())
                    && p.getSpec() != null && PodSets.selects(p.getSpec().getPodSelector(), server.labels())
                    && (p.getSpec().getPolicyTypes() == null || p.getSpec().getPolicyTypes().isEmpty()
                    || p.getSpec().getPolicyTypes().contains("Ingress"))).toList();
            if (applying.isEmpty()) {
                problems.add(server.owner() + ": no NetworkPolicy restricts its ingress: every pod may call the MCP server, not only the gateway");
            }
            for (NetworkPolicy policy : applying) {
                List<NetworkPolicyIngressRule> rules = policy.getSpec().getIngress() == null ? List.of() : policy.getSpec().getIngress();
                for (int i = 0; i < rules.size(); i++) {
                    String where = PodSets.describe(policy) + " ingress[" + i + "]";
                    List<NetworkPolicyPeer> from = rules.get(i).getFrom();
                    if (from == null || from.isEmpty()) {
                        problems.add(where + ": admits every peer to " + server.owner() + ", not only the gateway");
                        continue;
                    }
                    for (NetworkPolicyPeer peer : from) {
                        if (peer.getIpBlock() != null) {
                            problems.add(where + ": admits addresses " + peer.getIpBlock().getCidr() + " to " + server.owner() + ", not only the gateway");
                        } else if (peer.getNamespaceSelector() != null) {
                            if (!isPrometheus(peer)) {
                                problems.add(where + ": admits pods of other namespaces (namespaceSelector "
                                        + NetworkPolicyRules.text(peer.getNamespaceSelector()) + ", podSelector "
                                        + NetworkPolicyRules.text(peer.getPodSelector()) + ") to " + server.owner()
                                        + ", not only the gateway and Prometheus");
                            }
                        } else if (PodSets.isEmpty(peer.getPodSelector())) {
                            problems.add(where + ": admits every pod of its namespace to " + server.owner() + ", not only the gateway");
                        } else {
                            PodSets.selected(pods, server.namespace(), peer.getPodSelector()).stream().filter(p -> !isGateway(p))
                                    .forEach(p -> problems.add(where + ": admits " + p.owner() + " to " + server.owner() + ", not only the gateway"));
                        }
                    }
                }
            }
            List<PodSets.PodSet> others = new ArrayList<>(pods.stream()
                    .filter(p -> !(isGateway(p) && p.namespace().equals(server.namespace()))).toList());
            // The ingress controller, where the manifests assume it (base/gateway's policy), with ingress-nginx's labels.
            others.add(new PodSets.PodSet(INGRESS_NAMESPACE, "ingress controller (namespace " + INGRESS_NAMESPACE + ")",
                    Map.of(NAME_LABEL, INGRESS_NAMESPACE), null, null));
            for (ContainerPort port : containerPorts(server)) {
                for (PodSets.PodSet other : others) {
                    Flows.Flow flow = new Flows.Flow(other, server, port.getContainerPort(), port.getName(), "MCP server");
                    if (Flows.allowed(policies, flow, false)) {
                        problems.add(flow.route() + ": the MCP server's NetworkPolicies admit it, but only the gateway may call the MCP server");
                    }
                }
            }
        }
        return problems;
    }

    /** Prometheus as a peer: the namespace monitoring by name only, and pods labelled as Prometheus's. */
    private static boolean isPrometheus(NetworkPolicyPeer peer) {
        LabelSelector namespaces = peer.getNamespaceSelector();
        Map<String, String> namespaceLabels = namespaces.getMatchLabels() == null ? Map.of() : namespaces.getMatchLabels();
        List<LabelSelectorRequirement> expressions = namespaces.getMatchExpressions() == null ? List.of() : namespaces.getMatchExpressions();
        boolean byLabel = namespaceLabels.equals(Map.of(NAMESPACE_NAME_LABEL, ObservabilityRules.PROMETHEUS_NAMESPACE)) && expressions.isEmpty();
        boolean byExpression = namespaceLabels.isEmpty() && expressions.size() == 1
                && NAMESPACE_NAME_LABEL.equals(expressions.get(0).getKey()) && "In".equals(expressions.get(0).getOperator())
                && List.of(ObservabilityRules.PROMETHEUS_NAMESPACE).equals(expressions.get(0).getValues());
        LabelSelector pods = peer.getPodSelector();
        boolean prometheusPods = pods != null && pods.getMatchLabels() != null
                && pods.getMatchLabels().entrySet().containsAll(ObservabilityRules.PROMETHEUS_LABELS.entrySet())
                && PodSets.selects(pods, ObservabilityRules.PROMETHEUS_LABELS);
        return (byLabel || byExpression) && prometheusPods;
    }

    private static List<ContainerPort> containerPorts(PodSets.PodSet pods) {
        return pods.spec() == null || pods.spec().getContainers() == null ? List.of() : pods.spec().getContainers().stream()
                .flatMap(c -> c.getPorts() == null ? Stream.<ContainerPort>empty() : c.getPorts().stream()).toList();
    }

    /** The connections a variable of a workload's pods names ({@link Flows#implied}). */
    private static List<Flows.Flow> flows(List<Flows.Flow> implied, FederationRules.Workload from, String variable) {
        return implied.stream().filter(f -> f.from().owner().equals(from.owner()) && f.why().startsWith(variable + "=")).toList();
    }

    /**
     * The gateway of each MCP server's namespace forwards to it: its {@code GATEWAY_BACKENDS_MCP_URL} names a Service
     * of the MCP server's pods, and the NetworkPolicies let the gateway's egress and the server's ingress through.
     */
    static List<String> gatewayForwards(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        List<Flows.Flow> implied = Flows.implied(overlay, new ArrayList<>());
        List<NetworkPolicy> policies = overlay.all(NetworkPolicy.class);
        for (FederationRules.Workload server : servers(overlay)) {
            List<FederationRules.Workload> gateways = named(overlay, GATEWAY).stream().filter(g -> g.namespace().equals(server.namespace())).toList();
            if (gateways.isEmpty()) {
                problems.add(server.owner() + ": no gateway in its namespace, which alone may publish it");
            }
            for (FederationRules.Workload gateway : gateways) {
                Optional<String> url = gateway.get(GATEWAY_BACKEND);
                if (url.isEmpty()) {
                    problems.add(gateway.owner() + ": no " + GATEWAY_BACKEND + ": its /mcp leads nowhere");
                    continue;
                }
                List<Flows.Flow> forwards = flows(implied, gateway, GATEWAY_BACKEND);
                if (forwards.isEmpty() || forwards.stream().anyMatch(f -> !f.to().owner().equals(server.owner()))) {
                    problems.add(gateway.owner() + ": " + GATEWAY_BACKEND + "=" + url.get() + " names "
                            + (forwards.isEmpty() ? "no Service of the overlay" : forwards.stream().map(f -> f.to().owner()).distinct().toList())
                            + ", not " + server.owner());
                    continue;
                }
                for (Flows.Flow flow : forwards) {
                    if (!Flows.allowed(policies, flow, true)) {
                        problems.add(flow + ": the gateway's NetworkPolicies do not let it reach the MCP server");
                    }
                    if (!Flows.allowed(policies, flow, false)) {
                        problems.add(flow + ": the MCP server's NetworkPolicies do not admit the gateway");
                    }
                }
            }
        }
        return problems;
    }

    /**
     * The MCP server calls the catalog-service and the assessment-service of its namespace (each variable names a
     * Service of that Deployment, and the NetworkPolicies let the call through), and passes the caller's token on: its
     * own realm (the default tenant) is theirs, and every issuer it accepts they accept too, or a caller it admits
     * would be refused one step further.
     */
    static List<String> calls(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        List<Flows.Flow> implied = Flows.implied(overlay, new ArrayList<>());
        List<NetworkPolicy> policies = overlay.all(NetworkPolicy.class);
        List<FederationRules.Workload> workloads = FederationRules.workloads(overlay);
        for (FederationRules.Workload server : servers(overlay)) {
            List<FederationRules.Tenant> tenants = FederationRules.tenants(server);
            if (tenants.isEmpty()) {
                problems.add(server.owner() + ": no SOVEREIGN_OIDC_URL: it would check tokens against the application's default realm, no realm of the overlay");
            }
            for (Call call : CALLS) {
                Optional<String> url = server.get(call.variable());
                if (url.isEmpty()) {
                    problems.add(server.owner() + ": no " + call.variable() + " (the " + call.deployment() + " it calls)");
                    continue;
                }
                List<Flows.Flow> flows = flows(implied, server, call.variable());
                String expected = "Deployment " + (server.namespace().isEmpty() ? "" : server.namespace() + "/") + call.deployment();
                if (flows.isEmpty() || flows.stream().anyMatch(f -> !f.to().owner().equals(expected))) {
                    problems.add(server.owner() + ": " + call.variable() + "=" + url.get() + " names "
                            + (flows.isEmpty() ? "no Service of the overlay" : flows.stream().map(f -> f.to().owner()).distinct().toList())
                            + ", not " + expected);
                    continue;
                }
                for (Flows.Flow flow : flows) {
                    if (!Flows.allowed(policies, flow, true) || !Flows.allowed(policies, flow, false)) {
                        problems.add(flow + ": the NetworkPolicies do not let the MCP server call " + call.deployment());
                    }
                }
                Optional<FederationRules.Workload> called = workloads.stream().filter(w -> w.owner().equals(expected)).findFirst();
                if (called.isEmpty() || tenants.isEmpty()) {
                    continue;
                }
                Set<String> accepted = new LinkedHashSet<>();
                FederationRules.tenants(called.get()).forEach(t -> accepted.add(FederationRules.acceptedIssuer(overlay, called.get(), t)));
                String own = FederationRules.acceptedIssuer(overlay, server, tenants.get(0));
                String theirs = FederationRules.tenants(called.get()).stream().findFirst()
                        .map(t -> FederationRules.acceptedIssuer(overlay, called.get(), t)).orElse(null);
                if (!Objects.equals(own, theirs)) {
                    problems.add(server.owner() + ": its own realm's issuer is " + own + ", but " + called.get().owner()
                            + "'s is " + theirs + ": it does not serve the member's users");
                }
                for (FederationRules.Tenant tenant : tenants) {
                    String issuer = FederationRules.acceptedIssuer(overlay, server, tenant);
                    if (!accepted.contains(issuer)) {
                        problems.add(server.owner() + " tenant " + tenant.name() + ": accepts tokens of " + issuer + ", which "
                                + called.get().owner() + " does not accept (it accepts " + accepted + "): it passes the caller's token on");
                    }
                }
            }
        }
        return problems;
    }

    /** {@code QUARKUS_HTTP_PORT} is the container port named http, the one its Service and probes use. */
    static List<String> listens(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        for (FederationRules.Workload server : servers(overlay)) {
            Optional<ContainerPort> http = server.container().getPorts() == null ? Optional.empty()
                    : server.container().getPorts().stream().filter(p -> "http".equals(p.getName())).findFirst();
            Optional<String> port = server.get(HTTP_PORT);
            if (http.isEmpty()) {
                problems.add(server.owner() + ": no container port named http");
            } else if (port.isEmpty()) {
                problems.add(server.owner() + ": no " + HTTP_PORT + " (its container port http is " + http.get().getContainerPort() + ")");
            } else if (!port.get().strip().equals(String.valueOf(http.get().getContainerPort()))) {
                problems.add(server.owner() + ": " + HTTP_PORT + "=" + port.get() + ", but its container port http is "
                        + http.get().getContainerPort() + ": the Service and the probes would find nothing there");
            }
        }
        return problems;
    }

    /**
     * {@code MCP_PUBLIC_URL} is a scheme and host (and port) without path or trailing slash, https unless on this
     * machine (dev's port-forward), and the {@code GATEWAY_PUBLIC_URL} of its namespace's gateway: the resource the
     * server names is the one the gateway publishes.
     */
    static List<String> publicUrl(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        for (FederationRules.Workload server : servers(overlay)) {
            Optional<String> url = server.get(PUBLIC_URL);
            if (url.isEmpty()) {
                problems.add(server.owner() + ": no " + PUBLIC_URL + " (the suite's public URL; the MCP resource is <it>/mcp)");
                continue;
            }
            Matcher origin = ORIGIN.matcher(url.get());
            if (!origin.matches()) {
                problems.add(server.owner() + ": " + PUBLIC_URL + "=" + url.get() + " is not <scheme>://<host>[:<port>] (no path, no trailing slash)");
            } else if (origin.group(1).equals("http") && !LOOPBACK.contains(origin.group(2))) {
                problems.add(server.owner() + ": " + PUBLIC_URL + "=" + url.get() + " is plain http: clients would send their tokens unencrypted");
            }
            for (FederationRules.Workload gateway : named(overlay, GATEWAY)) {
                if (!gateway.namespace().equals(server.namespace())) {
                    continue;
                }
                Optional<String> gatewayUrl = gateway.get(GATEWAY_PUBLIC_URL);
                if (gatewayUrl.isEmpty()) {
                    problems.add(gateway.owner() + ": no " + GATEWAY_PUBLIC_URL + " (the MCP server's " + PUBLIC_URL + ")");
                } else if (!gatewayUrl.get().equals(url.get())) {
                    problems.add(server.owner() + ": " + PUBLIC_URL + "=" + url.get() + " is not " + gateway.owner() + "'s "
                            + GATEWAY_PUBLIC_URL + "=" + gatewayUrl.get());
                }
            }
        }
        return problems;
    }

    /**
     * Where its namespace has Ingresses, clients reach {@code <MCP_PUBLIC_URL>/mcp} and its metadata through them: a
     * rule of the URL's host routes each of {@link #PUBLIC_PATHS} (by the path that wins, as the controller picks it:
     * Exact before Prefix, the longest first) to the gateway's Service, with TLS for that host when the URL is https.
     */
    static List<String> published(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        for (FederationRules.Workload server : servers(overlay)) {
            List<Ingress> ingresses = overlay.all(Ingress.class).stream().filter(i -> PodSets.namespace(i).equals(server.namespace())).toList();
            Optional<String> url = server.get(PUBLIC_URL);
            Matcher origin = ORIGIN.matcher(url.orElse(""));
            if (ingresses.isEmpty() || !origin.matches()) {
                continue;
            }
            String host = origin.group(2);
            Set<String> gatewayServices = gatewayServices(overlay, server.namespace());
            record Route(Ingress ingress, HTTPIngressPath path) {
            }
            List<Route> routes = new ArrayList<>();
            for (Ingress ingress : ingresses) {
                for (IngressRule rule : ingress.getSpec() == null || ingress.getSpec().getRules() == null ? List.<IngressRule>of() : ingress.getSpec().getRules()) {
                    if (host.equals(rule.getHost()) && rule.getHttp() != null && rule.getHttp().getPaths() != null) {
                        rule.getHttp().getPaths().forEach(p -> routes.add(new Route(ingress, p)));
                    }
                }
            }
            if (routes.isEmpty()) {
                problems.add(server.owner() + ": no Ingress rule of the host " + host + " (" + PUBLIC_URL + "=" + url.get() + ")");
                continue;
            }
            for (String target : PUBLIC_PATHS) {
                Optional<Route> winner = routes.stream()
                        .filter(r -> ProductionRules.publishes(pathOf(r.path()), r.path().getPathType(), target))
                        .min(Comparator.comparing((Route r) -> "Exact".equals(r.path().getPathType()) ? 0 : 1)
                                .thenComparing(r -> -pathOf(r.path()).length()));
                if (winner.isEmpty()) {
                    problems.add(server.owner() + ": no Ingress rule of the host " + host + " publishes " + target);
                    continue;
                }
                var backend = winner.get().path().getBackend() == null ? null : winner.get().path().getBackend().getService();
                String where = PodSets.describe(winner.get().ingress()) + " path " + pathOf(winner.get().path());
                if (backend == null || !gatewayServices.contains(backend.getName())) {
                    problems.add(where + " routes " + url.get() + target + " to " + (backend == null ? "no Service" : "Service " + backend.getName())
                            + ", not the gateway's " + gatewayServices);
                }
                if (origin.group(1).equals("https")) {
                    List<IngressTLS> tls = winner.get().ingress().getSpec().getTls() == null ? List.of() : winner.get().ingress().getSpec().getTls();
                    if (tls.stream().noneMatch(t -> t.getHosts() != null && t.getHosts().contains(host))) {
                        problems.add(where + ": the host " + host + " is in none of its spec.tls hosts, but " + PUBLIC_URL + " is https");
                    }
                }
            }
        }
        return problems;
    }

    private static String pathOf(HTTPIngressPath path) {
        return path.getPath() == null ? "/" : path.getPath();
    }

    /** The names of the Services in front of the gateway's pods of a namespace. */
    private static Set<String> gatewayServices(RenderedOverlay overlay, String namespace) {
        List<PodSets.PodSet> gateways = PodSets.of(overlay).stream()
                .filter(p -> p.namespace().equals(namespace) && p.deployment() != null && GATEWAY.equals(p.deployment().getMetadata().getName())).toList();
        Set<String> names = new LinkedHashSet<>();
        for (Service service : overlay.all(Service.class)) {
            if (PodSets.namespace(service).equals(namespace) && service.getSpec() != null
                    && gateways.stream().anyMatch(g -> PodSets.selects(service.getSpec().getSelector(), g.labels()))) {
                names.add(service.getMetadata().getName());
            }
        }
        return names;
    }
}
