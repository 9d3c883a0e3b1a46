package eu.sovereignstack.deploy;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * NetworkPolicies select real pods (their own podSelector and the pod selectors of their peers), every namespace
 * with workloads has a default-deny policy for ingress and egress, pods behind a default-deny egress can still
 * resolve names (port 53), and every pod a Service sends traffic to is allowed some ingress.
 */
final class NetworkPolicyRules {

    /** The policy types a default-deny policy must cover. */
    static final Set<String> DEFAULT_DENY_TYPES = Set.of("Ingress", "Egress");

    private static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

    private NetworkPolicyRules() {
    }

    static List<String> all(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        problems.addAll(selectors(overlay));
        problems.addAll(defaultDeny(overlay));
        problems.addAll(dns(overlay));
        problems.addAll(servedPodsReachable(overlay));
        return problems;
    }

    private static List<String> policyTypes(NetworkPolicy policy) {
        if (policy.getSpec().getPolicyTypes() != null && !policy.getSpec().getPolicyTypes().isEmpty()) {
            return policy.getSpec().getPolicyTypes();
        }
        // Kubernetes' default: Ingress, plus Egress when there are egress rules.
        List<String> types = new ArrayList<>(List.of("Ingress"));
        if (policy.getSpec().getEgress() != null && !policy.getSpec().getEgress().isEmpty()) {
            types.add("Egress");
        }
        return types;
    }

    private static List<NetworkPolicyIngressRule> ingressRules(NetworkPolicy policy) {
        return policy.getSpec().getIngress() == null ? List.of() : policy.getSpec().getIngress();
    }

    private static List<NetworkPolicyEgressRule> egressRules(NetworkPolicy policy) {
        return policy.getSpec().getEgress() == null ? List.of() : policy.getSpec().getEgress();
    }

    /** A policy's podSelector, and each peer's podSelector, selects pods (of a namespace the overlay has). */
    static List<String> selectors(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        List<PodSets.PodSet> pods = PodSets.of(overlay);
        Set<String> namespaces = new LinkedHashSet<>();
        pods.forEach(p -> namespaces.add(p.namespace()));
        for (NetworkPolicy policy : overlay.all(NetworkPolicy.class)) {
            String name = PodSets.describe(policy);
            String namespace = PodSets.namespace(policy);
            if (policy.getSpec() == null) {
                problems.add(name + ": no spec");
                continue;
            }
            LabelSelector selector = policy.getSpec().getPodSelector();
            if (selector == null) {
                problems.add(name + ": no spec.podSelector (required; {} selects every pod)");
            }
            List<PodSets.PodSet> selected = PodSets.selected(pods, namespace, selector);
            if (!PodSets.isEmpty(selector) && selected.isEmpty()) {
                problems.add(name + ": podSelector " + text(selector) + " selects no pods in namespace '" + namespace + "'");
            }
            int index = 0;
            for (NetworkPolicyIngressRule rule : ingressRules(policy)) {
                problems.addAll(peers(name + " ingress[" + index + "].from", rule.getFrom(), namespace, pods, namespaces));
                problems.addAll(ports(name + " ingress[" + index + "]", rule.getPorts(), selected));
                index++;
            }
            index = 0;
            for (NetworkPolicyEgressRule rule : egressRules(policy)) {
                List<NetworkPolicyPeer> to = rule.getTo() == null ? List.of() : rule.getTo();
                problems.addAll(peers(name + " egress[" + index + "].to", to, namespace, pods, namespaces));
                List<PodSets.PodSet> destinations = new ArrayList<>();
                for (NetworkPolicyPeer peer : to) {
                    destinations.addAll(peerPods(peer, namespace, pods));
                }
                if (!destinations.isEmpty() && to.stream().allMatch(p -> p.getIpBlock() == null)) {
                    problems.addAll(ports(name + " egress[" + index + "]", rule.getPorts(), destinations));
                }
                index++;
            }
        }
        return problems;
    }

    /**
     * The namespaces a peer's namespaceSelector names by kubernetes.io/metadata.name (a matchLabels entry, or a
     * matchExpressions "In" list), or null when it selects namespaces by other labels.
     */
    private static List<String> namedNamespaces(NetworkPolicyPeer peer) {
        LabelSelector namespaceSelector = peer.getNamespaceSelector();
        if (namespaceSelector == null) {
            return null;
        }
        if (namespaceSelector.getMatchLabels() != null && namespaceSelector.getMatchLabels().containsKey(NAMESPACE_NAME_LABEL)) {
            return List.of(namespaceSelector.getMatchLabels().get(NAMESPACE_NAME_LABEL));
        }
        if (namespaceSelector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement requirement : namespaceSelector.getMatchExpressions()) {
                if (NAMESPACE_NAME_LABEL.equals(requirement.getKey()) && "In".equals(requirement.getOperator()) && requirement.getValues() != null) {
                    return requirement.getValues();
                }
            }
        }
        return null;
    }

    private static List<PodSets.PodSet> peerPods(NetworkPolicyPeer peer, String policyNamespace, List<PodSets.PodSet> pods) {
        if (peer.getPodSelector() == null || peer.getIpBlock() != null) {
            return List.of();
        }
        if (peer.getNamespaceSelector() == null) {
            return PodSets.selected(pods, policyNamespace, peer.getPodSelector());
        }
        List<String> named = namedNamespaces(peer);
        return named == null ? List.of() : named.stream().flatMap(n -> PodSets.selected(pods, n, peer.getPodSelector()).stream()).toList();
    }

    private static List<String> peers(String where, List<NetworkPolicyPeer> peers, String namespace,
            List<PodSets.PodSet> pods, Set<String> namespaces) {
        List<String> problems = new ArrayList<>();
        if (peers == null) {
            return problems;
        }
        for (NetworkPolicyPeer peer : peers) {
            if (peer.getPodSelector() == null || PodSets.isEmpty(peer.getPodSelector())) {
                continue;
            }
            if (peer.getNamespaceSelector() == null) {
                if (PodSets.selected(pods, namespace, peer.getPodSelector()).isEmpty()) {
                    problems.add(where + ": podSelector " + text(peer.getPodSelector()) + " selects no pods in namespace '" + namespace + "'");
                }
                continue;
            }
            List<String> named = namedNamespaces(peer);
            for (String name : named == null ? List.<String>of() : named) {
                if (namespaces.contains(name) && PodSets.selected(pods, name, peer.getPodSelector()).isEmpty()) {
                    problems.add(where + ": podSelector " + text(peer.getPodSelector()) + " selects no pods in namespace '" + name + "'");
                }
            }
        }
        return problems;
    }

    /** Each port of a rule is a container port of some of the pods it is about (Deployments only: operators' pods are not known). */
    private static List<String> ports(String where, List<NetworkPolicyPort> ports, List<PodSets.PodSet> pods) {
        List<String> problems = new ArrayList<>();
        List<PodSets.PodSet> known = pods.stream().filter(p -> p.spec() != null).toList();
        if (ports == null || known.isEmpty() || known.size() < pods.size()) {
            return problems;
        }
        for (NetworkPolicyPort port : ports) {
            IntOrString value = port.getPort();
            if (value == null || port.getEndPort() != null) {
                continue;
            }
            boolean declared = known.stream().anyMatch(p -> p.spec().getContainers() != null
                    && p.spec().getContainers().stream().anyMatch(c -> WorkloadRules.portDeclared(c, value)));
            if (!declared) {
                problems.add(where + ": port " + WorkloadRules.portText(value) + " is a port of none of "
                        + known.stream().map(PodSets.PodSet::owner).toList());
            }
        }
        return problems;
    }

    private static boolean isDefaultDeny(NetworkPolicy policy) {
        return policy.getSpec() != null && PodSets.isEmpty(policy.getSpec().getPodSelector())
                && policyTypes(policy).containsAll(DEFAULT_DENY_TYPES)
                && ingressRules(policy).isEmpty() && egressRules(policy).isEmpty();
    }

    /** Each namespace with workloads has a policy selecting every pod and allowing nothing, for ingress and egress. */
    static List<String> defaultDeny(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        Set<String> namespaces = new LinkedHashSet<>();
        PodSets.of(overlay).forEach(p -> namespaces.add(p.namespace()));
        for (String namespace : namespaces) {
            boolean present = overlay.all(NetworkPolicy.class).stream()
                    .anyMatch(p -> PodSets.namespace(p).equals(namespace) && isDefaultDeny(p));
            if (!present) {
                problems.add("namespace '" + namespace + "' has workloads but no default-deny NetworkPolicy "
                        + "(podSelector {}, policyTypes " + DEFAULT_DENY_TYPES + ", no rules)");
            }
        }
        return problems;
    }

    private static boolean appliesTo(NetworkPolicy policy, PodSets.PodSet pods) {
        return PodSets.namespace(policy).equals(pods.namespace()) && policy.getSpec() != null
                && PodSets.selects(policy.getSpec().getPodSelector(), pods.labels());
    }

    /** Pods whose egress is restricted may still send DNS queries (an egress rule allowing port 53, or all ports). */
    static List<String> dns(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        List<NetworkPolicy> policies = overlay.all(NetworkPolicy.class);
        for (PodSets.PodSet pods : PodSets.of(overlay)) {
            if (pods.spec() == null) {
                continue;
            }
            List<NetworkPolicy> applying = policies.stream()
                    .filter(p -> appliesTo(p, pods) && policyTypes(p).contains("Egress")).toList();
            if (applying.isEmpty()) {
                continue;
            }
            boolean dnsAllowed = applying.stream().flatMap(p -> egressRules(p).stream()).anyMatch(rule ->
                    rule.getPorts() == null || rule.getPorts().isEmpty()
                            || rule.getPorts().stream().anyMatch(port -> port.getPort() != null
                            && Objects.equals(port.getPort().getIntVal(), 53)));
            if (!dnsAllowed) {
                problems.add(pods.owner() + ": egress is restricted and no NetworkPolicy allows DNS (port 53)");
            }
        }
        return problems;
    }

    /** The pods a Service sends traffic to are allowed some ingress when a policy restricts their ingress. */
    static List<String> servedPodsReachable(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        List<NetworkPolicy> policies = overlay.all(NetworkPolicy.class);
        for (PodSets.PodSet pods : PodSets.of(overlay)) {
            if (pods.spec() == null) {
                continue;
            }
            boolean served = overlay.all(Service.class).stream().anyMatch(s -> PodSets.namespace(s).equals(pods.namespace())
                    && s.getSpec() != null && PodSets.selects(s.getSpec().getSelector(), pods.labels()));
            List<NetworkPolicy> applying = policies.stream()
                    .filter(p -> appliesTo(p, pods) && policyTypes(p).contains("Ingress")).toList();
            if (!served || applying.isEmpty()) {
                continue;
            }
            boolean someIngress = applying.stream().anyMatch(p -> !ingressRules(p).isEmpty());
            if (!someIngress) {
                problems.add(pods.owner() + ": a Service sends traffic to its pods but no NetworkPolicy allows any ingress to them");
            }
        }
        return problems;
    }

    static String text(LabelSelector selector) {
        if (selector == null) {
            return "(none)";
        }
        List<String> parts = new ArrayList<>();
        if (selector.getMatchLabels() != null) {
            selector.getMatchLabels().forEach((k, v) -> parts.add(k + "=" + v));
        }
        if (selector.getMatchExpressions() != null) {
            selector.getMatchExpressions().forEach(e -> parts.add(e.getKey() + " " + e.getOperator() + " " + e.getValues()));
        }
        return parts.toString();
    }
}
