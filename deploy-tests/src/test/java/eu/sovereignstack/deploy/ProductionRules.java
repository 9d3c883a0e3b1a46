package eu.sovereignstack.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What production adds: every service Deployment has a PodDisruptionBudget that still lets a node drain and an
 * autoscaling/v2 HorizontalPodAutoscaler, and the one way in is an Ingress with TLS to the gateway's Service (or to
 * the Service the Keycloak Operator makes for a Keycloak, {@code <name>-service}: browsers and clients must reach the
 * issuer to log in and get tokens).
 */
final class ProductionRules {

    private ProductionRules() {
    }

    static List<String> all(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        problems.addAll(disruptionBudgets(overlay));
        problems.addAll(autoscalers(overlay));
        problems.addAll(ingress(overlay));
        problems.addAll(keycloakOwnIngress(overlay));
        problems.addAll(privateEndpoints(overlay));
        return problems;
    }

    /** The services' endpoints that stay inside the cluster: metrics for Prometheus, health for the kubelet. */
    static final List<String> PRIVATE_PATHS = List.of(
            "/q/metrics", "/q/health", "/q/health/live", "/q/health/ready", "/q/health/started");

    /**
     * No Ingress publishes a private endpoint: a default backend publishes every path, a Prefix path every path
     * under it (by path element, as Kubernetes matches), an Exact path itself, an ImplementationSpecific path (taken
     * as a plain prefix, as ingress-nginx reads it) every path starting with it.
     */
    static List<String> privateEndpoints(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        for (Ingress ingress : overlay.all(Ingress.class)) {
            String name = PodSets.describe(ingress);
            if (ingress.getSpec() == null) {
                continue;
            }
            if (ingress.getSpec().getDefaultBackend() != null) {
                problems.add(name + ": a default backend publishes every path, " + PRIVATE_PATHS + " included");
            }
            for (IngressRule rule : ingress.getSpec().getRules() == null ? List.<IngressRule>of() : ingress.getSpec().getRules()) {
                if (rule.getHttp() == null || rule.getHttp().getPaths() == null) {
                    continue;
                }
                for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                    String published = path.getPath() == null ? "/" : path.getPath();
                    for (String hidden : PRIVATE_PATHS) {
                        if (publishes(published, path.getPathType(), hidden)) {
                            problems.add(name + ": path " + published + " (" + path.getPathType() + ") of host " + rule.getHost()
                                    + " publishes " + hidden);
                            break;
                        }
                    }
                }
            }
        }
        return problems;
    }

    static boolean publishes(String path, String pathType, String target) {
        if ("Exact".equals(pathType)) {
            return path.equals(target);
        }
        if (!"Prefix".equals(pathType)) {
            return target.startsWith(path);
        }
        List<String> prefix = List.of(path.split("/")).stream().filter(e -> !e.isEmpty()).toList();
        List<String> elements = List.of(target.split("/")).stream().filter(e -> !e.isEmpty()).toList();
        return prefix.size() <= elements.size() && elements.subList(0, prefix.size()).equals(prefix);
    }

    private static Map<String, String> templateLabels(Deployment deployment) {
        return deployment.getSpec() == null || deployment.getSpec().getTemplate() == null
                || deployment.getSpec().getTemplate().getMetadata() == null
                || deployment.getSpec().getTemplate().getMetadata().getLabels() == null
                ? Map.of() : deployment.getSpec().getTemplate().getMetadata().getLabels();
    }

    static Optional<HorizontalPodAutoscaler> autoscalerOf(RenderedOverlay overlay, Deployment deployment) {
        return overlay.all(HorizontalPodAutoscaler.class).stream()
                .filter(h -> PodSets.namespace(h).equals(PodSets.namespace(deployment))
                        && h.getSpec() != null && h.getSpec().getScaleTargetRef() != null
                        && "Deployment".equals(h.getSpec().getScaleTargetRef().getKind())
                        && "apps/v1".equals(h.getSpec().getScaleTargetRef().getApiVersion())
                        && deployment.getMetadata().getName().equals(h.getSpec().getScaleTargetRef().getName()))
                .findFirst();
    }

    /** The fewest replicas the Deployment runs with: the HPA's minReplicas (default 1), else spec.replicas (default 1). */
    static int minimumReplicas(RenderedOverlay overlay, Deployment deployment) {
        Optional<HorizontalPodAutoscaler> hpa = autoscalerOf(overlay, deployment);
        if (hpa.isPresent()) {
            Integer min = hpa.get().getSpec().getMinReplicas();
            return min == null ? 1 : min;
        }
        Integer replicas = deployment.getSpec() == null ? null : deployment.getSpec().getReplicas();
        return replicas == null ? 1 : replicas;
    }

    /** A PDB selects each Deployment's pods, and allows at least one eviction at the minimum replica count. */
    static List<String> disruptionBudgets(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        List<PodDisruptionBudget> budgets = overlay.all(PodDisruptionBudget.class);
        for (Deployment deployment : overlay.all(Deployment.class)) {
            String name = PodSets.describe(deployment);
            List<PodDisruptionBudget> matching = budgets.stream()
                    .filter(b -> PodSets.namespace(b).equals(PodSets.namespace(deployment))
                            && b.getSpec() != null && !PodSets.isEmpty(b.getSpec().getSelector())
                            && PodSets.selects(b.getSpec().getSelector(), templateLabels(deployment)))
                    .toList();
            if (matching.isEmpty()) {
                problems.add(name + ": no PodDisruptionBudget selects its pods");
                continue;
            }
            if (matching.size() > 1) {
                problems.add(name + ": several PodDisruptionBudgets select its pods (the eviction API refuses to evict then)");
            }
            int replicas = minimumReplicas(overlay, deployment);
            for (PodDisruptionBudget budget : matching) {
                allowedDisruptions(budget, replicas).ifPresent(p -> problems.add(PodSets.describe(budget) + ": " + p
                        + " with " + replicas + " replica(s) of " + name + ": a node drain would block"));
            }
        }
        List<PodSets.PodSet> pods = PodSets.of(overlay);
        for (PodDisruptionBudget budget : budgets) {
            if (budget.getSpec() == null || PodSets.isEmpty(budget.getSpec().getSelector())
                    || PodSets.selected(pods, PodSets.namespace(budget), budget.getSpec().getSelector()).isEmpty()) {
                problems.add(PodSets.describe(budget) + ": its selector selects no pods of the overlay");
            }
        }
        for (var keycloak : overlay.custom(CustomResources.KEYCLOAK)) {
            int instances = keycloak.path("spec").path("instances").asInt(1);
            pods.stream().filter(p -> p.spec() == null && p.owner().equals(Manifests.describe(keycloak))).findFirst().ifPresent(p ->
                    budgets.stream().filter(b -> PodSets.namespace(b).equals(p.namespace()) && b.getSpec() != null
                                    && !PodSets.isEmpty(b.getSpec().getSelector()) && PodSets.selects(b.getSpec().getSelector(), p.labels()))
                            .forEach(b -> allowedDisruptions(b, instances).ifPresent(problem -> problems.add(PodSets.describe(b) + ": "
                                    + problem + " with " + instances + " instance(s) of " + p.owner() + ": a node drain would block"))));
        }
        return problems;
    }

    private static Optional<String> allowedDisruptions(PodDisruptionBudget budget, int replicas) {
        IntOrString minAvailable = budget.getSpec().getMinAvailable();
        IntOrString maxUnavailable = budget.getSpec().getMaxUnavailable();
        if (minAvailable == null && maxUnavailable == null) {
            return Optional.of("neither minAvailable nor maxUnavailable");
        }
        if (minAvailable != null) {
            int min = resolve(minAvailable, replicas, true);
            return replicas - min >= 1 ? Optional.empty() : Optional.of("minAvailable " + WorkloadRules.portText(minAvailable));
        }
        int max = resolve(maxUnavailable, replicas, true);
        return max >= 1 ? Optional.empty() : Optional.of("maxUnavailable " + WorkloadRules.portText(maxUnavailable));
    }

    /** An absolute or percentage value against a replica count, rounded up as Kubernetes does. */
    private static int resolve(IntOrString value, int replicas, boolean roundUp) {
        if (value.getStrVal() == null) {
            return value.getIntVal();
        }
        String text = value.getStrVal().trim();
        if (!text.endsWith("%")) {
            return Integer.parseInt(text);
        }
        double percent = Double.parseDouble(text.substring(0, text.length() - 1));
        double raw = replicas * percent / 100.0;
        return (int) (roundUp ? Math.ceil(raw) : Math.floor(raw));
    }

    /** An autoscaling/v2 HPA targets each Deployment, with sane bounds and a resource metric. */
    static List<String> autoscalers(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        for (Deployment deployment : overlay.all(Deployment.class)) {
            String name = PodSets.describe(deployment);
            Optional<HorizontalPodAutoscaler> found = autoscalerOf(overlay, deployment);
            if (found.isEmpty()) {
                problems.add(name + ": no autoscaling/v2 HorizontalPodAutoscaler targets it (scaleTargetRef apps/v1 Deployment "
                        + deployment.getMetadata().getName() + ")");
                continue;
            }
            HorizontalPodAutoscaler hpa = found.get();
            int min = hpa.getSpec().getMinReplicas() == null ? 1 : hpa.getSpec().getMinReplicas();
            Integer max = hpa.getSpec().getMaxReplicas();
            if (max == null || max < min) {
                problems.add(PodSets.describe(hpa) + ": maxReplicas " + max + " below minReplicas " + min);
            }
            List<MetricSpec> metrics = hpa.getSpec().getMetrics() == null ? List.of() : hpa.getSpec().getMetrics();
            if (metrics.isEmpty()) {
                problems.add(PodSets.describe(hpa) + ": no metrics");
            }
        }
        for (HorizontalPodAutoscaler hpa : overlay.all(HorizontalPodAutoscaler.class)) {
            boolean targetsSomething = overlay.all(Deployment.class).stream()
                    .anyMatch(d -> autoscalerOf(overlay, d).filter(h -> h == hpa).isPresent());
            if (!targetsSomething) {
                problems.add(PodSets.describe(hpa) + ": scaleTargetRef " + (hpa.getSpec() == null ? null : hpa.getSpec().getScaleTargetRef())
                        + " is no Deployment of the overlay");
            }
        }
        return problems;
    }

    /** The Services an Ingress may send traffic to: the gateway's, and the Keycloak Operator's {@code <keycloak>-service}. */
    static boolean allowedBackend(RenderedOverlay overlay, String namespace, String service) {
        boolean keycloak = overlay.custom(CustomResources.KEYCLOAK).stream()
                .anyMatch(k -> PodSets.namespace(k).equals(namespace)
                        && (k.path("metadata").path("name").asText() + "-service").equals(service));
        if (keycloak) {
            return true;
        }
        return findService(overlay, namespace, service)
                .map(s -> overlay.all(Deployment.class).stream()
                        .anyMatch(d -> d.getMetadata().getName().contains("gateway")
                                && PodSets.namespace(d).equals(namespace)
                                && PodSets.selects(s.getSpec().getSelector(), templateLabels(d))))
                .orElse(false);
    }

    private static Optional<Service> findService(RenderedOverlay overlay, String namespace, String name) {
        return overlay.all(Service.class).stream()
                .filter(s -> PodSets.namespace(s).equals(namespace) && s.getMetadata().getName().equals(name))
                .findFirst();
    }

    /** At least one Ingress; each has TLS for all its hosts and sends traffic only to allowed, existing Service ports. */
    static List<String> ingress(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        List<Ingress> ingresses = overlay.all(Ingress.class);
        if (ingresses.isEmpty()) {
            problems.add(overlay.name() + ": no Ingress");
        }
        for (Ingress ingress : ingresses) {
            String name = PodSets.describe(ingress);
            String namespace = PodSets.namespace(ingress);
            List<IngressTLS> tls = ingress.getSpec() == null || ingress.getSpec().getTls() == null ? List.of() : ingress.getSpec().getTls();
            if (tls.isEmpty()) {
                problems.add(name + ": no spec.tls");
            }
            for (IngressTLS entry : tls) {
                if (entry.getSecretName() == null || entry.getSecretName().isBlank()) {
                    problems.add(name + ": a spec.tls entry has no secretName");
                }
            }
            List<IngressBackend> backends = new ArrayList<>();
            if (ingress.getSpec() != null && ingress.getSpec().getDefaultBackend() != null) {
                backends.add(ingress.getSpec().getDefaultBackend());
            }
            List<IngressRule> rules = ingress.getSpec() == null || ingress.getSpec().getRules() == null ? List.of() : ingress.getSpec().getRules();
            if (rules.isEmpty() && backends.isEmpty()) {
                problems.add(name + ": no rules and no default backend");
            }
            for (IngressRule rule : rules) {
                if (rule.getHost() == null || rule.getHost().isBlank()) {
                    problems.add(name + ": a rule has no host (TLS cannot cover it)");
                } else if (tls.stream().noneMatch(t -> t.getHosts() != null && t.getHosts().contains(rule.getHost()))) {
                    problems.add(name + ": host " + rule.getHost() + " is in no spec.tls hosts");
                }
                if (rule.getHttp() != null && rule.getHttp().getPaths() != null) {
                    for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                        backends.add(path.getBackend());
                    }
                }
            }
            for (IngressBackend backend : backends) {
                IngressServiceBackend service = backend == null ? null : backend.getService();
                if (service == null) {
                    problems.add(name + ": a backend is not a Service");
                    continue;
                }
                if (!allowedBackend(overlay, namespace, service.getName())) {
                    problems.add(name + ": backend Service " + service.getName() + " is neither the gateway's Service nor Keycloak's");
                    continue;
                }
                findService(overlay, namespace, service.getName()).ifPresent(s -> {
                    List<ServicePort> ports = s.getSpec().getPorts() == null ? List.of() : s.getSpec().getPorts();
                    boolean portExists = service.getPort() != null && ports.stream().anyMatch(p ->
                            service.getPort().getName() != null ? service.getPort().getName().equals(p.getName())
                                    : Objects.equals(service.getPort().getNumber(), p.getPort()));
                    if (!portExists) {
                        problems.add(name + ": backend port " + service.getPort() + " is not a port of Service " + service.getName());
                    }
                });
            }
        }
        return problems;
    }

    /**
     * The Keycloak Operator makes its own Ingress unless {@code spec.ingress.enabled} is false: in production the
     * way in must be the reviewed Ingress only.
     */
    static List<String> keycloakOwnIngress(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode keycloak : overlay.custom(CustomResources.KEYCLOAK)) {
            if (!keycloak.path("spec").path("ingress").path("enabled").isBoolean()
                    || keycloak.path("spec").path("ingress").path("enabled").asBoolean()) {
                problems.add(Manifests.describe(keycloak) + ": spec.ingress.enabled is not false: the operator would make its own Ingress");
            }
        }
        return problems;
    }
}
