package eu.sovereignstack.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The connections the configuration implies, and whether the NetworkPolicies let them through. A connection is
 * read from the manifests themselves, never listed by hand:
 * <ul>
 *   <li>a URL {@code http://<service>[.<namespace>.svc[.cluster.local]]:<port>} in a variable whose name ends in
 *       {@code _URL}, or in a list of {@code name=URL} whose name ends in {@code _PEERS} or {@code _MEMBERS} (a catalog
 *       node's peers, {@code CATALOG_FEDERATION_PEERS}; further members' realms, {@code SOVEREIGN_FEDERATION_MEMBERS}),
 *       or a {@code redis://} URL in a variable whose name ends in {@code _HOSTS} ({@code QUARKUS_REDIS_HOSTS}),
 *       from a ConfigMap a workload reads (envFrom or configMapKeyRef) or a container's env value:
 *       the workload's pods connect to the pods of that Service (or, for {@code <keycloak>-service}, to the
 *       Keycloak Operator's pods of that Keycloak). Other variables (an issuer, CORS origins) are names, not
 *       connections; localhost is the pod itself;</li>
 *   <li>a Deployment reading the CloudNativePG Secret {@code <cluster>-app}: its pods connect to that Cluster's
 *       instances on 5432;</li>
 *   <li>a Keycloak whose spec.db.host is {@code <cluster>-rw|ro|r}: its pods, and the pods of its realm import
 *       Jobs, connect to that Cluster on 5432;</li>
 *   <li>an Ingress backend: the ingress controller, in a namespace of its own, connects to the backend's pods
 *       (allowed when some ingress rule admits a peer with a namespaceSelector naming another namespace, or any
 *       namespace, on the backend port).</li>
 * </ul>
 * A connection passes when the source's egress and the destination's ingress are each unrestricted (no policy of
 * that direction selects the pods) or allowed by some rule of a policy that selects them, for the destination's
 * container port (by number or name, TCP).
 */
final class Flows {

    private static final Pattern URL = Pattern.compile(
            "(?:https?|rediss?)://([a-z0-9]([-a-z0-9]*[a-z0-9])?)(\\.([a-z0-9]([-a-z0-9]*[a-z0-9])?)\\.svc(\\.cluster\\.local)?)?:(\\d+)");

    private static final int POSTGRES_PORT = 5432;

    private Flows() {
    }

    /** One connection: from some pods to others, on a container port (number, and name where known). */
    record Flow(PodSets.PodSet from, PodSets.PodSet to, int port, String portName, String why) {
        @Override
        public String toString() {
            return from.owner() + " -> " + to.owner() + " port " + port + (portName == null ? "" : " (" + portName + ")") + " [" + why + "]";
        }

        /** "owner -> owner port N": the connection without its reason. */
        String route() {
            return from.owner() + " -> " + to.owner() + " port " + port;
        }

        boolean crossesNamespaces() {
            return !from.namespace().equals(to.namespace());
        }
    }

    /**
     * A variable whose value holds connections: a URL ({@code *_URL}), a list of name=URL ({@code *_PEERS},
     * {@code *_MEMBERS}) or of server URLs ({@code *_HOSTS}).
     */
    static boolean isConnection(String variable) {
        String name = variable.toUpperCase(Locale.ROOT);
        return name.endsWith("_URL") || name.endsWith("_PEERS") || name.endsWith("_MEMBERS") || name.endsWith("_HOSTS");
    }

    static List<Flow> implied(RenderedOverlay overlay, List<String> problems) {
        List<PodSets.PodSet> pods = PodSets.of(overlay);
        List<Flow> flows = new ArrayList<>();
        for (PodSets.PodSet source : pods) {
            if (source.spec() == null || source.spec().getContainers() == null) {
                continue;
            }
            for (Container container : source.spec().getContainers()) {
                for (Map.Entry<String, String> variable : configValues(overlay, source.namespace(), container)) {
                    if (!isConnection(variable.getKey())) {
                        continue;
                    }
                    String value = variable.getValue();
                    Matcher url = URL.matcher(value);
                    while (url.find()) {
                        String host = url.group(1);
                        if (host.equals("localhost")) {
                            continue;
                        }
                        String namespace = url.group(4) != null ? url.group(4) : source.namespace();
                        int port = Integer.parseInt(url.group(7));
                        String why = variable.getKey() + "=" + value;
                        resolveService(overlay, pods, namespace, host, port).ifPresentOrElse(
                                targets -> targets.forEach(t -> flows.add(new Flow(source, t.pods(), t.port(), t.portName(), why))),
                                () -> problems.add(source.owner() + ": " + why + " names no Service (port " + port + ") of the overlay"));
                    }
                }
                for (EnvVar env : container.getEnv() == null ? List.<EnvVar>of() : container.getEnv()) {
                    if (env.getValueFrom() == null || env.getValueFrom().getSecretKeyRef() == null) {
                        continue;
                    }
                    String secret = env.getValueFrom().getSecretKeyRef().getName();
                    if (secret != null && secret.endsWith("-app")) {
                        String cluster = secret.substring(0, secret.length() - "-app".length());
                        clusterPods(pods, source.namespace(), cluster).forEach(t ->
                                flows.add(new Flow(source, t, POSTGRES_PORT, null, "Secret " + secret)));
                    }
                }
            }
        }
        for (ObjectNode keycloak : overlay.custom(CustomResources.KEYCLOAK)) {
            String host = keycloak.path("spec").path("db").path("host").asText("");
            Matcher clusterHost = Pattern.compile("(.+)-(rw|ro|r)").matcher(host);
            if (!clusterHost.matches()) {
                continue;
            }
            String namespace = PodSets.namespace(keycloak);
            String name = keycloak.path("metadata").path("name").asText();
            // Keycloak's pods and the realm import Jobs' pods (same database settings).
            pods.stream().filter(p -> p.namespace().equals(namespace) && name.equals(p.labels().get("app.kubernetes.io/instance"))
                            && "keycloak-operator".equals(p.labels().get("app.kubernetes.io/managed-by")))
                    .forEach(source -> clusterPods(pods, namespace, clusterHost.group(1)).forEach(t ->
                            flows.add(new Flow(source, t, POSTGRES_PORT, null, "spec.db.host " + host))));
        }
        return flows;
    }

    private static List<PodSets.PodSet> clusterPods(List<PodSets.PodSet> pods, String namespace, String cluster) {
        return pods.stream().filter(p -> p.namespace().equals(namespace) && cluster.equals(p.labels().get("cnpg.io/cluster"))).toList();
    }

    /** The variables a container sees from ConfigMaps and literal env values, by name (the last source of a name wins). */
    private static List<Map.Entry<String, String>> configValues(RenderedOverlay overlay, String namespace, Container container) {
        List<Map.Entry<String, String>> values = new ArrayList<>();
        ContainerEnv.of(overlay, namespace, container).all().forEach((name, value) -> {
            if (value.literal() != null) {
                values.add(Map.entry(name, value.literal()));
            }
        });
        return values;
    }

    private record Target(PodSets.PodSet pods, int port, String portName) {
    }

    /** The pods and container port behind {@code host:port} in {@code namespace}; empty when there is no such Service. */
    private static Optional<List<Target>> resolveService(RenderedOverlay overlay, List<PodSets.PodSet> pods, String namespace, String host, int port) {
        for (ObjectNode keycloak : overlay.custom(CustomResources.KEYCLOAK)) {
            String name = keycloak.path("metadata").path("name").asText();
            if (PodSets.namespace(keycloak).equals(namespace) && host.equals(name + "-service")) {
                return Optional.of(pods.stream().filter(p -> p.namespace().equals(namespace) && p.spec() == null
                                && name.equals(p.labels().get("app.kubernetes.io/instance")) && "keycloak".equals(p.labels().get("app")))
                        .map(p -> new Target(p, port, null)).toList());
            }
        }
        Matcher clusterHost = Pattern.compile("(.+)-(rw|ro|r)").matcher(host);
        if (clusterHost.matches() && !clusterPods(pods, namespace, clusterHost.group(1)).isEmpty()) {
            return Optional.of(clusterPods(pods, namespace, clusterHost.group(1)).stream().map(p -> new Target(p, port, null)).toList());
        }
        Optional<Service> service = overlay.all(Service.class).stream()
                .filter(s -> PodSets.namespace(s).equals(namespace) && s.getMetadata().getName().equals(host)).findFirst();
        if (service.isEmpty() || service.get().getSpec() == null) {
            return Optional.empty();
        }
        Optional<ServicePort> servicePort = service.get().getSpec().getPorts() == null ? Optional.empty()
                : service.get().getSpec().getPorts().stream().filter(p -> Objects.equals(p.getPort(), port)).findFirst();
        if (servicePort.isEmpty()) {
            return Optional.empty();
        }
        IntOrString target = servicePort.get().getTargetPort() != null ? servicePort.get().getTargetPort() : new IntOrString(port);
        List<Target> targets = new ArrayList<>();
        for (PodSets.PodSet p : pods) {
            if (!p.namespace().equals(namespace) || !PodSets.selects(service.get().getSpec().getSelector(), p.labels())) {
                continue;
            }
            ContainerPort declared = p.spec() == null || p.spec().getContainers() == null ? null : p.spec().getContainers().stream()
                    .flatMap(c -> c.getPorts() == null ? Stream.<ContainerPort>empty() : c.getPorts().stream())
                    .filter(cp -> target.getStrVal() != null ? target.getStrVal().equals(cp.getName()) : Objects.equals(target.getIntVal(), cp.getContainerPort()))
                    .findFirst().orElse(null);
            if (declared != null) {
                targets.add(new Target(p, declared.getContainerPort(), declared.getName()));
            } else if (target.getIntVal() != null) {
                targets.add(new Target(p, target.getIntVal(), null));
            }
        }
        return Optional.of(targets);
    }

    /** The Ingress backends: pods and container port (where the Service and pods are in the overlay). */
    static List<Flow> ingressBackends(RenderedOverlay overlay) {
        List<PodSets.PodSet> pods = PodSets.of(overlay);
        List<Flow> flows = new ArrayList<>();
        for (var ingress : overlay.all(Ingress.class)) {
            String namespace = PodSets.namespace(ingress);
            List<IngressBackend> backends = new ArrayList<>();
            if (ingress.getSpec() == null) {
                continue;
            }
            if (ingress.getSpec().getDefaultBackend() != null) {
                backends.add(ingress.getSpec().getDefaultBackend());
            }
            for (var rule : ingress.getSpec().getRules() == null ? List.<IngressRule>of() : ingress.getSpec().getRules()) {
                if (rule.getHttp() != null && rule.getHttp().getPaths() != null) {
                    rule.getHttp().getPaths().forEach(path -> backends.add(path.getBackend()));
                }
            }
            PodSets.PodSet controller = new PodSets.PodSet("(ingress controller)", "ingress controller", Map.of(), null, null);
            for (var backend : backends) {
                if (backend == null || backend.getService() == null || backend.getService().getPort() == null) {
                    continue;
                }
                var service = backend.getService();
                Integer number = service.getPort().getNumber();
                if (number == null) {
                    number = overlay.all(Service.class).stream()
                            .filter(s -> PodSets.namespace(s).equals(namespace) && s.getMetadata().getName().equals(service.getName()))
                            .flatMap(s -> s.getSpec().getPorts().stream())
                            .filter(p -> service.getPort().getName().equals(p.getName()))
                            .map(ServicePort::getPort).findFirst().orElse(null);
                }
                if (number == null) {
                    continue;
                }
                String why = PodSets.describe(ingress) + " backend " + service.getName();
                resolveService(overlay, pods, namespace, service.getName(), number).ifPresent(targets ->
                        targets.forEach(t -> flows.add(new Flow(controller, t.pods(), t.port(), t.portName(), why))));
            }
        }
        return flows;
    }

    /** Every implied connection that the policies block, and every URL that names no Service. */
    static List<String> blocked(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        for (Flow flow : ingressBackends(overlay)) {
            if (!allowed(overlay.all(NetworkPolicy.class), flow, false)) {
                problems.add(flow + ": no NetworkPolicy of the destination admits the ingress controller (a peer in another namespace)");
            }
        }
        List<NetworkPolicy> policies = overlay.all(NetworkPolicy.class);
        Set<String> seen = new LinkedHashSet<>();
        for (Flow flow : implied(overlay, problems)) {
            if (!seen.add(flow.from().owner() + flow.to().owner() + flow.port())) {
                continue;
            }
            if (!allowed(policies, flow, true)) {
                problems.add(flow + ": no NetworkPolicy of the source allows this egress");
            }
            if (!allowed(policies, flow, false)) {
                problems.add(flow + ": no NetworkPolicy of the destination allows this ingress");
            }
        }
        return problems;
    }

    /**
     * The connections the NetworkPolicies allow between pods of two different namespaces of the overlay (the source's
     * egress and the destination's ingress both allow it). Peers outside the overlay (ingress controller, DNS,
     * operators, the API server) are not among them.
     */
    static List<Flow> allowedAcrossNamespaces(RenderedOverlay overlay) {
        List<NetworkPolicy> policies = overlay.all(NetworkPolicy.class);
        return candidatesAcrossNamespaces(overlay).stream()
                .filter(flow -> allowed(policies, flow, true) && allowed(policies, flow, false)).toList();
    }

    /**
     * Every connection between pods of two different namespaces of the overlay, on each port the destination may
     * listen on: the container ports of a Deployment's pods; for the operators' pods, whose ports are not in the
     * overlay, every port a NetworkPolicy rule names.
     */
    private static List<Flow> candidatesAcrossNamespaces(RenderedOverlay overlay) {
        List<PodSets.PodSet> pods = PodSets.of(overlay);
        Set<Integer> policyPorts = new TreeSet<>();
        for (NetworkPolicy policy : overlay.all(NetworkPolicy.class)) {
            if (policy.getSpec() == null) {
                continue;
            }
            Stream.concat(
                            policy.getSpec().getIngress() == null ? Stream.empty() : policy.getSpec().getIngress().stream().map(NetworkPolicyIngressRule::getPorts),
                            policy.getSpec().getEgress() == null ? Stream.empty() : policy.getSpec().getEgress().stream().map(NetworkPolicyEgressRule::getPorts))
                    .filter(Objects::nonNull).flatMap(List::stream)
                    .filter(p -> p.getPort() != null && p.getPort().getIntVal() != null)
                    .forEach(p -> policyPorts.add(p.getPort().getIntVal()));
        }
        List<Flow> flows = new ArrayList<>();
        for (PodSets.PodSet from : pods) {
            for (PodSets.PodSet to : pods) {
                if (from.namespace().equals(to.namespace())) {
                    continue;
                }
                List<ContainerPort> ports = new ArrayList<>();
                if (to.spec() != null) {
                    to.spec().getContainers().stream()
                            .flatMap(c -> c.getPorts() == null ? Stream.<ContainerPort>empty() : c.getPorts().stream())
                            .forEach(ports::add);
                } else {
                    policyPorts.forEach(p -> ports.add(new ContainerPort(p, null, null, null, "TCP")));
                }
                for (ContainerPort port : ports) {
                    flows.add(new Flow(from, to, port.getContainerPort(), port.getName(), "NetworkPolicies"));
                }
            }
        }
        return flows;
    }

    /** The connections between namespaces that the configuration implies (the URLs its variables name). */
    static List<Flow> impliedAcrossNamespaces(RenderedOverlay overlay) {
        Set<String> seen = new LinkedHashSet<>();
        return implied(overlay, new ArrayList<>()).stream().filter(Flow::crossesNamespaces).filter(f -> seen.add(f.route())).toList();
    }

    /**
     * Openings between namespaces that no configuration uses: a connection between pods of two namespaces that the
     * source's egress or the destination's ingress allows (each end on its own, so that neither relies on the other
     * to stay closed) must be one the configuration implies.
     */
    static List<String> unusedAcrossNamespaces(RenderedOverlay overlay) {
        Set<String> used = new LinkedHashSet<>();
        impliedAcrossNamespaces(overlay).forEach(f -> used.add(f.route()));
        List<NetworkPolicy> policies = overlay.all(NetworkPolicy.class);
        List<String> problems = new ArrayList<>();
        for (Flow flow : candidatesAcrossNamespaces(overlay)) {
            if (used.contains(flow.route())) {
                continue;
            }
            boolean egress = allowed(policies, flow, true);
            boolean ingress = allowed(policies, flow, false);
            if (egress || ingress) {
                problems.add(flow.route() + ": " + (egress && ingress ? "the NetworkPolicies of both ends allow"
                        : egress ? "the source's egress allows" : "the destination's ingress allows")
                        + " it across namespaces, but no configuration uses it");
            }
        }
        return problems;
    }

    private static boolean selects(NetworkPolicy policy, PodSets.PodSet pods) {
        return policy.getSpec() != null && PodSets.namespace(policy).equals(pods.namespace())
                && PodSets.selects(policy.getSpec().getPodSelector(), pods.labels());
    }

    private static List<String> types(NetworkPolicy policy) {
        if (policy.getSpec().getPolicyTypes() != null && !policy.getSpec().getPolicyTypes().isEmpty()) {
            return policy.getSpec().getPolicyTypes();
        }
        List<String> types = new ArrayList<>(List.of("Ingress"));
        if (policy.getSpec().getEgress() != null && !policy.getSpec().getEgress().isEmpty()) {
            types.add("Egress");
        }
        return types;
    }

    /** Egress (of flow.from) or ingress (of flow.to): unrestricted, or some rule of a selecting policy matches. */
    static boolean allowed(List<NetworkPolicy> policies, Flow flow, boolean egress) {
        PodSets.PodSet subject = egress ? flow.from() : flow.to();
        PodSets.PodSet peer = egress ? flow.to() : flow.from();
        String type = egress ? "Egress" : "Ingress";
        List<NetworkPolicy> applying = policies.stream().filter(p -> selects(p, subject) && types(p).contains(type)).toList();
        if (applying.isEmpty()) {
            return true;
        }
        for (NetworkPolicy policy : applying) {
            if (egress) {
                for (var rule : policy.getSpec().getEgress() == null ? List.<NetworkPolicyEgressRule>of() : policy.getSpec().getEgress()) {
                    if (peersMatch(rule.getTo(), PodSets.namespace(policy), peer) && portsMatch(rule.getPorts(), flow)) {
                        return true;
                    }
                }
            } else {
                for (var rule : policy.getSpec().getIngress() == null ? List.<NetworkPolicyIngressRule>of() : policy.getSpec().getIngress()) {
                    if (peersMatch(rule.getFrom(), PodSets.namespace(policy), peer) && portsMatch(rule.getPorts(), flow)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean peersMatch(List<NetworkPolicyPeer> peers, String policyNamespace, PodSets.PodSet pods) {
        if (peers == null || peers.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPeer peer : peers) {
            if (peer.getIpBlock() != null) {
                continue;
            }
            boolean namespaceMatches;
            LabelSelector namespaceSelector = peer.getNamespaceSelector();
            if (pods.namespace().equals("(ingress controller)")) {
                // The controller's namespace is not in the overlay: any namespaceSelector that may pick a namespace
                // other than the policy's own admits it (its pods' labels are unknown, so any podSelector is taken as matching).
                if (namespaceSelector != null && !PodSets.selects(namespaceSelector, Map.of("kubernetes.io/metadata.name", policyNamespace))
                        || namespaceSelector != null && PodSets.isEmpty(namespaceSelector)) {
                    return true;
                }
                continue;
            }
            if (namespaceSelector == null) {
                namespaceMatches = pods.namespace().equals(policyNamespace);
            } else {
                // Namespaces carry kubernetes.io/metadata.name = their name; other namespace labels are unknown here.
                namespaceMatches = PodSets.selects(namespaceSelector, Map.of("kubernetes.io/metadata.name", pods.namespace()));
            }
            if (namespaceMatches && PodSets.selects(peer.getPodSelector(), pods.labels())) {
                return true;
            }
        }
        return false;
    }

    private static boolean portsMatch(List<NetworkPolicyPort> ports, Flow flow) {
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPort port : ports) {
            if (port.getProtocol() != null && !"TCP".equals(port.getProtocol())) {
                continue;
            }
            IntOrString value = port.getPort();
            if (value == null) {
                return true;
            }
            if (value.getStrVal() != null ? value.getStrVal().equals(flow.portName())
                    : port.getEndPort() != null ? value.getIntVal() <= flow.port() && flow.port() <= port.getEndPort()
                    : Objects.equals(value.getIntVal(), flow.port())) {
                return true;
            }
        }
        return false;
    }
}
