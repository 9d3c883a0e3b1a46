package eu.sovereignstack.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The gateway's rate limits, shared by its replicas in Redis: the gateway names the store ({@code QUARKUS_REDIS_HOSTS},
 * a Service of the overlay) and reads its password from a Secret, the same Secret and key Redis requires
 * ({@code --requirepass $(VAR)}); only gateway pods may reach the store; each replica's fallback share
 * ({@code GATEWAY_RATE_LIMIT_REPLICAS}) counts at least as many replicas as the gateway may run; and the proxies whose
 * X-Forwarded-For it believes ({@code GATEWAY_TRUSTED_PROXIES}) are addresses or CIDRs.
 */
final class SharedRateLimitRules {

    static final String GATEWAY = "gateway";
    static final String HOSTS = "QUARKUS_REDIS_HOSTS";
    static final String PASSWORD = "QUARKUS_REDIS_PASSWORD";
    static final String REPLICAS = "GATEWAY_RATE_LIMIT_REPLICAS";
    static final String TRUSTED_PROXIES = "GATEWAY_TRUSTED_PROXIES";

    private static final Pattern REDIS_URL = Pattern.compile(
            "rediss?://(?:[^@/]*@)?([a-z0-9]([-a-z0-9]*[a-z0-9])?)(?:\\.([a-z0-9]([-a-z0-9]*[a-z0-9])?)\\.svc(?:\\.cluster\\.local)?)?:(\\d+)");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(/(\\d{1,2}))?");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:]*:[0-9a-fA-F:]*(/(\\d{1,3}))?");

    private SharedRateLimitRules() {
    }

    static List<String> all(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        problems.addAll(storeOnlyFromGateway(overlay));
        problems.addAll(password(overlay));
        problems.addAll(replicaShares(overlay));
        problems.addAll(trustedProxies(overlay));
        return problems;
    }

    /** The gateway's pod sets: Deployments named gateway. */
    private static List<PodSets.PodSet> gateways(RenderedOverlay overlay) {
        return PodSets.of(overlay).stream().filter(p -> p.deployment() != null && GATEWAY.equals(p.deployment().getMetadata().getName())).toList();
    }

    private static boolean isGateway(PodSets.PodSet pods) {
        return GATEWAY.equals(pods.labels().get("app.kubernetes.io/name"));
    }

    /** The pods behind the store the gateway names, in the gateway's namespace (or the URL's); empty when there is no such Service. */
    static List<PodSets.PodSet> store(RenderedOverlay overlay, PodSets.PodSet gateway, List<String> problems) {
        List<PodSets.PodSet> store = new ArrayList<>();
        for (Container container : gateway.spec().getContainers()) {
            Optional<String> hosts = ContainerEnv.of(overlay, gateway.namespace(), container).literal(HOSTS);
            if (hosts.isEmpty()) {
                problems.add(gateway.owner() + " container " + container.getName() + ": no " + HOSTS + " (the rate-limit store)");
                continue;
            }
            Matcher url = REDIS_URL.matcher(hosts.get());
            if (!url.find()) {
                problems.add(gateway.owner() + ": " + HOSTS + "=" + hosts.get() + " is not redis://<service>:<port>");
                continue;
            }
            String namespace = url.group(3) != null ? url.group(3) : gateway.namespace();
            Optional<Service> service = overlay.all(Service.class).stream()
                    .filter(s -> PodSets.namespace(s).equals(namespace) && s.getMetadata().getName().equals(url.group(1))).findFirst();
            if (service.isEmpty()) {
                problems.add(gateway.owner() + ": " + HOSTS + "=" + hosts.get() + " names no Service of the overlay");
                continue;
            }
            PodSets.of(overlay).stream().filter(p -> p.namespace().equals(namespace) && p.spec() != null
                    && PodSets.selects(service.get().getSpec().getSelector(), p.labels())).forEach(store::add);
        }
        return store;
    }

    /**
     * Only gateway pods reach the store: some policy restricts its ingress, and every ingress rule of those policies
     * admits only pods of its own namespace, by a podSelector that selects gateway pods only.
     */
    static List<String> storeOnlyFromGateway(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        List<PodSets.PodSet> pods = PodSets.of(overlay);
        List<NetworkPolicy> policies = overlay.all(NetworkPolicy.class);
        for (PodSets.PodSet gateway : gateways(overlay)) {
            for (PodSets.PodSet store : store(overlay, gateway, problems)) {
                List<NetworkPolicy> applying = policies.stream().filter(p -> PodSets.namespace(p).equals(store.namespace())
                        && p.getSpec() != null && PodSets.selects(p.getSpec().getPodSelector(), store.labels())
                        && (p.getSpec().getPolicyTypes() == null || p.getSpec().getPolicyTypes().isEmpty()
                        || p.getSpec().getPolicyTypes().contains("Ingress"))).toList();
                if (applying.isEmpty()) {
                    problems.add(store.owner() + ": no NetworkPolicy restricts its ingress: every pod may reach the rate-limit store");
                }
                for (NetworkPolicy policy : applying) {
                    List<NetworkPolicyIngressRule> rules = policy.getSpec().getIngress() == null ? List.of() : policy.getSpec().getIngress();
                    for (int i = 0; i < rules.size(); i++) {
                        String where = PodSets.describe(policy) + " ingress[" + i + "]";
                        List<NetworkPolicyPeer> from = rules.get(i).getFrom();
                        if (from == null || from.isEmpty()) {
                            problems.add(where + ": admits every peer to " + store.owner() + ", not only the gateway");
                            continue;
                        }
                        for (NetworkPolicyPeer peer : from) {
                            if (peer.getIpBlock() != null || peer.getNamespaceSelector() != null || PodSets.isEmpty(peer.getPodSelector())) {
                                problems.add(where + ": admits " + (peer.getIpBlock() != null ? "addresses " + peer.getIpBlock().getCidr()
                                        : peer.getNamespaceSelector() != null ? "pods of other namespaces" : "every pod of its namespace")
                                        + " to " + store.owner() + ", not only the gateway");
                                continue;
                            }
                            PodSets.selected(pods, store.namespace(), peer.getPodSelector()).stream().filter(p -> !isGateway(p) && !p.equals(store))
                                    .forEach(p -> problems.add(where + ": admits " + p.owner() + " to " + store.owner() + ", not only the gateway"));
                        }
                    }
                }
                List<Integer> ports = store.spec().getContainers().stream()
                        .flatMap(c -> c.getPorts() == null ? Stream.empty() : c.getPorts().stream()).map(p -> p.getContainerPort()).toList();
                pods.stream().filter(p -> !isGateway(p) && !p.equals(store)).forEach(other -> ports.forEach(port -> {
                    Flows.Flow flow = new Flows.Flow(other, store, port, null, "rate-limit store");
                    if (Flows.allowed(policies, flow, false)) {
                        problems.add(flow.route() + ": the store's NetworkPolicies admit it, but only the gateway may reach the rate-limit store");
                    }
                }));
            }
        }
        return problems;
    }

    /**
     * The gateway reads the store's password from a Secret (never a literal), and the store requires the password of
     * that same Secret and key: {@code --requirepass $(VAR)} with VAR read from it.
     */
    static List<String> password(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        for (PodSets.PodSet gateway : gateways(overlay)) {
            List<PodSets.PodSet> stores = store(overlay, gateway, new ArrayList<>());
            for (Container container : gateway.spec().getContainers()) {
                Optional<ContainerEnv.Value> password = ContainerEnv.of(overlay, gateway.namespace(), container).value(PASSWORD);
                if (password.isEmpty() || !password.get().fromSecret()) {
                    problems.add(gateway.owner() + " container " + container.getName() + ": " + PASSWORD
                            + (password.isEmpty() ? " is not set" : " is not read from a Secret (" + password.get().source() + ")"));
                    continue;
                }
                SecretKeySelector secret = password.get().secret();
                for (PodSets.PodSet store : stores) {
                    Optional<SecretKeySelector> required = requiredPassword(store);
                    if (required.isEmpty()) {
                        problems.add(store.owner() + ": requires no password read from a Secret (--requirepass $(VAR), VAR from a secretKeyRef)");
                    } else if (!Objects.equals(required.get().getName(), secret.getName()) || !Objects.equals(required.get().getKey(), secret.getKey())) {
                        problems.add(gateway.owner() + ": " + PASSWORD + " reads Secret " + secret.getName() + " key " + secret.getKey()
                                + ", but " + store.owner() + " requires Secret " + required.get().getName() + " key " + required.get().getKey());
                    }
                }
            }
        }
        return problems;
    }

    /** The Secret key behind a store container's {@code --requirepass $(VAR)}. */
    static Optional<SecretKeySelector> requiredPassword(PodSets.PodSet store) {
        for (Container container : store.spec().getContainers()) {
            List<String> args = new ArrayList<>();
            if (container.getCommand() != null) {
                args.addAll(container.getCommand());
            }
            if (container.getArgs() != null) {
                args.addAll(container.getArgs());
            }
            int flag = args.indexOf("--requirepass");
            if (flag < 0 || flag + 1 >= args.size()) {
                continue;
            }
            Matcher reference = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)").matcher(args.get(flag + 1));
            if (!reference.matches()) {
                continue;
            }
            for (EnvVar env : container.getEnv() == null ? List.<EnvVar>of() : container.getEnv()) {
                if (env.getName().equals(reference.group(1)) && env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                    return Optional.of(env.getValueFrom().getSecretKeyRef());
                }
            }
        }
        return Optional.empty();
    }

    /** The most replicas a Deployment runs: its HPA's maxReplicas, else spec.replicas (default 1). */
    static int maximumReplicas(RenderedOverlay overlay, Deployment deployment) {
        Optional<HorizontalPodAutoscaler> hpa = ProductionRules.autoscalerOf(overlay, deployment);
        if (hpa.isPresent()) {
            return hpa.get().getSpec().getMaxReplicas() == null ? 1 : hpa.get().getSpec().getMaxReplicas();
        }
        Integer replicas = deployment.getSpec() == null ? null : deployment.getSpec().getReplicas();
        return replicas == null ? 1 : replicas;
    }

    /** {@code GATEWAY_RATE_LIMIT_REPLICAS} is a whole number at least the gateway's maximum replica count. */
    static List<String> replicaShares(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        for (PodSets.PodSet gateway : gateways(overlay)) {
            int maximum = maximumReplicas(overlay, gateway.deployment());
            for (Container container : gateway.spec().getContainers()) {
                Optional<String> value = ContainerEnv.of(overlay, gateway.namespace(), container).literal(REPLICAS);
                String where = gateway.owner() + " container " + container.getName();
                if (value.isEmpty()) {
                    problems.add(where + ": no " + REPLICAS + " (it runs up to " + maximum + " replica(s))");
                    continue;
                }
                try {
                    int replicas = Integer.parseInt(value.get().strip());
                    if (replicas < maximum) {
                        problems.add(where + ": " + REPLICAS + "=" + replicas + " but it runs up to " + maximum
                                + " replicas: without Redis they would together allow more than the limits");
                    }
                } catch (NumberFormatException e) {
                    problems.add(where + ": " + REPLICAS + "=" + value.get() + " is not a whole number");
                }
            }
        }
        return problems;
    }

    /** {@code GATEWAY_TRUSTED_PROXIES} is set, a comma-separated list of IP addresses or CIDRs. */
    static List<String> trustedProxies(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        for (PodSets.PodSet gateway : gateways(overlay)) {
            for (Container container : gateway.spec().getContainers()) {
                Optional<String> value = ContainerEnv.of(overlay, gateway.namespace(), container).literal(TRUSTED_PROXIES);
                String where = gateway.owner() + " container " + container.getName();
                if (value.isEmpty() || value.get().isBlank()) {
                    problems.add(where + ": no " + TRUSTED_PROXIES + " (the ingress controller's pod addresses)");
                    continue;
                }
                for (String entry : value.get().split(",")) {
                    if (!isAddressOrCidr(entry.strip())) {
                        problems.add(where + ": " + TRUSTED_PROXIES + " entry '" + entry.strip() + "' is not an IP address or CIDR");
                    }
                }
            }
        }
        return problems;
    }

    static boolean isAddressOrCidr(String entry) {
        Matcher v4 = IPV4.matcher(entry);
        if (v4.matches()) {
            for (int i = 1; i <= 4; i++) {
                if (Integer.parseInt(v4.group(i)) > 255) {
                    return false;
                }
            }
            return v4.group(6) == null || Integer.parseInt(v4.group(6)) <= 32;
        }
        Matcher v6 = IPV6.matcher(entry);
        return v6.matches() && entry.contains("::") || v6.matches() && entry.split(":").length >= 3
                && (v6.group(2) == null || Integer.parseInt(v6.group(2)) <= 128);
    }
}
