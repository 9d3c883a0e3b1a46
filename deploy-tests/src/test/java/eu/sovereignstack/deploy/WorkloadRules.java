package eu.sovereignstack.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The rules every workload (Deployment, StatefulSet) and every Service of every overlay keeps. Each method returns the
 * problems it finds, each naming the object, the container where it applies, and the rule. The Deployments are the
 * Quarkus services (SmallRye Health probes); a StatefulSet runs something else (Redis) and needs readiness and
 * liveness probes of any kind.
 */
final class WorkloadRules {

    static final Map<String, String> PROBE_PATHS = Map.of(
            "readinessProbe", "/q/health/ready",
            "livenessProbe", "/q/health/live",
            "startupProbe", "/q/health/started");

    private WorkloadRules() {
    }

    static List<String> all(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        problems.addAll(probes(overlay));
        problems.addAll(resources(overlay));
        problems.addAll(securityContext(overlay));
        problems.addAll(serviceAccountTokens(overlay));
        problems.addAll(images(overlay));
        problems.addAll(suiteImages(overlay));
        problems.addAll(deploymentSelectors(overlay));
        problems.addAll(services(overlay));
        problems.addAll(configMapReferences(overlay));
        problems.addAll(operatorWorkloads(overlay));
        return problems;
    }

    private static List<Container> containers(PodSpec spec) {
        return spec == null || spec.getContainers() == null ? List.of() : spec.getContainers();
    }

    private static List<Container> allContainers(PodSpec spec) {
        if (spec == null) {
            return List.of();
        }
        return Stream.concat(
                spec.getInitContainers() == null ? Stream.empty() : spec.getInitContainers().stream(),
                containers(spec).stream()).toList();
    }

    private static String where(HasMetadata workload, Container container) {
        return PodSets.describe(workload) + " container " + container.getName();
    }

    /**
     * Deployments: readiness, liveness and startup probes, HTTP GETs of the SmallRye Health endpoints on a declared
     * port. StatefulSets: readiness and liveness probes.
     */
    static List<String> probes(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        for (StatefulSet statefulSet : overlay.all(StatefulSet.class)) {
            PodSpec spec = PodSets.podSpec(statefulSet);
            if (containers(spec).isEmpty()) {
                problems.add(PodSets.describe(statefulSet) + ": no containers");
            }
            for (Container container : containers(spec)) {
                if (container.getReadinessProbe() == null) {
                    problems.add(where(statefulSet, container) + ": no readinessProbe");
                }
                if (container.getLivenessProbe() == null) {
                    problems.add(where(statefulSet, container) + ": no livenessProbe");
                }
            }
        }
        for (Deployment deployment : overlay.all(Deployment.class)) {
            PodSpec spec = PodSets.podSpec(deployment);
            if (containers(spec).isEmpty()) {
                problems.add(PodSets.describe(deployment) + ": no containers");
            }
            for (Container container : containers(spec)) {
                Map<String, Probe> probes = new LinkedHashMap<>();
                probes.put("readinessProbe", container.getReadinessProbe());
                probes.put("livenessProbe", container.getLivenessProbe());
                probes.put("startupProbe", container.getStartupProbe());
                probes.forEach((kind, probe) -> {
                    String expected = PROBE_PATHS.get(kind);
                    if (probe == null) {
                        problems.add(where(deployment, container) + ": no " + kind + " (expected httpGet " + expected + ")");
                        return;
                    }
                    HTTPGetAction get = probe.getHttpGet();
                    if (get == null) {
                        problems.add(where(deployment, container) + ": " + kind + " is not an httpGet of " + expected);
                        return;
                    }
                    if (!expected.equals(get.getPath())) {
                        problems.add(where(deployment, container) + ": " + kind + " path is " + get.getPath() + ", expected " + expected);
                    }
                    if (!portDeclared(container, get.getPort())) {
                        problems.add(where(deployment, container) + ": " + kind + " port " + portText(get.getPort())
                                + " is not one of the container's ports " + portsText(container));
                    }
                });
            }
        }
        return problems;
    }

    static boolean portDeclared(Container container, IntOrString port) {
        if (port == null) {
            return false;
        }
        List<ContainerPort> ports = container.getPorts() == null ? List.of() : container.getPorts();
        if (port.getStrVal() != null) {
            return ports.stream().anyMatch(p -> port.getStrVal().equals(p.getName()));
        }
        return ports.stream().anyMatch(p -> Objects.equals(port.getIntVal(), p.getContainerPort()));
    }

    static String portText(IntOrString port) {
        return port == null ? "(none)" : port.getStrVal() != null ? port.getStrVal() : String.valueOf(port.getIntVal());
    }

    private static String portsText(Container container) {
        return container.getPorts() == null ? "[]" : container.getPorts().stream()
                .map(p -> (p.getName() == null ? "" : p.getName() + "=") + p.getContainerPort()).toList().toString();
    }

    /** Requests and limits for cpu and memory on every container (init containers too), requests not above limits. */
    static List<String> resources(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        for (HasMetadata deployment : PodSets.workloads(overlay)) {
            for (Container container : allContainers(PodSets.podSpec(deployment))) {
                ResourceRequirements resources = container.getResources();
                Map<String, Quantity> requests = resources == null || resources.getRequests() == null ? Map.of() : resources.getRequests();
                Map<String, Quantity> limits = resources == null || resources.getLimits() == null ? Map.of() : resources.getLimits();
                for (String resource : List.of("cpu", "memory")) {
                    Quantity request = requests.get(resource);
                    Quantity limit = limits.get(resource);
                    if (request == null) {
                        problems.add(where(deployment, container) + ": no resources.requests." + resource);
                    }
                    if (limit == null) {
                        problems.add(where(deployment, container) + ": no resources.limits." + resource);
                    }
                    if (request != null && limit != null) {
                        Optional<BigDecimal> requested = amount(request);
                        Optional<BigDecimal> limited = amount(limit);
                        if (requested.isEmpty() || limited.isEmpty()) {
                            problems.add(where(deployment, container) + ": " + resource + " quantity not understood: "
                                    + request + " / " + limit);
                        } else if (requested.get().compareTo(limited.get()) > 0) {
                            problems.add(where(deployment, container) + ": resources.requests." + resource + " " + request
                                    + " is above the limit " + limit);
                        }
                    }
                }
            }
        }
        return problems;
    }

    private static Optional<BigDecimal> amount(Quantity quantity) {
        try {
            return Optional.of(quantity.getNumericalAmount());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Non-root, read-only root file system, no privilege escalation, all capabilities dropped, not privileged; and
     * with a read-only root, a writable volume at /tmp (Quarkus and Vert.x write their caches and uploads there).
     */
    static List<String> securityContext(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        for (HasMetadata deployment : PodSets.workloads(overlay)) {
            PodSpec spec = PodSets.podSpec(deployment);
            PodSecurityContext pod = spec == null ? null : spec.getSecurityContext();
            for (Container container : allContainers(spec)) {
                SecurityContext context = container.getSecurityContext();
                String where = where(deployment, container);
                Boolean runAsNonRoot = context != null && context.getRunAsNonRoot() != null ? context.getRunAsNonRoot()
                        : pod == null ? null : pod.getRunAsNonRoot();
                if (!Boolean.TRUE.equals(runAsNonRoot)) {
                    problems.add(where + ": runAsNonRoot is not true (pod or container securityContext)");
                }
                Long runAsUser = context != null && context.getRunAsUser() != null ? context.getRunAsUser()
                        : pod == null ? null : pod.getRunAsUser();
                if (runAsUser != null && runAsUser == 0L) {
                    problems.add(where + ": runAsUser is 0 (root)");
                }
                if (context == null) {
                    problems.add(where + ": no securityContext (readOnlyRootFilesystem, allowPrivilegeEscalation, capabilities)");
                    continue;
                }
                if (!Boolean.TRUE.equals(context.getReadOnlyRootFilesystem())) {
                    problems.add(where + ": securityContext.readOnlyRootFilesystem is not true");
                } else if (!writableTmp(spec, container)) {
                    problems.add(where + ": read-only root file system but no writable volume (emptyDir) mounted at /tmp");
                }
                if (!Boolean.FALSE.equals(context.getAllowPrivilegeEscalation())) {
                    problems.add(where + ": securityContext.allowPrivilegeEscalation is not false");
                }
                if (Boolean.TRUE.equals(context.getPrivileged())) {
                    problems.add(where + ": securityContext.privileged is true");
                }
                String seccomp = context.getSeccompProfile() != null ? context.getSeccompProfile().getType()
                        : pod == null || pod.getSeccompProfile() == null ? null : pod.getSeccompProfile().getType();
                if (!"RuntimeDefault".equals(seccomp) && !"Localhost".equals(seccomp)) {
                    problems.add(where + ": seccompProfile is not RuntimeDefault or Localhost (Pod Security Standard restricted)");
                }
                Capabilities capabilities = context.getCapabilities();
                if (capabilities == null || capabilities.getDrop() == null || !capabilities.getDrop().contains("ALL")) {
                    problems.add(where + ": securityContext.capabilities.drop does not contain ALL");
                }
                if (capabilities != null && capabilities.getAdd() != null && !capabilities.getAdd().isEmpty()) {
                    problems.add(where + ": securityContext.capabilities.add " + capabilities.getAdd());
                }
            }
        }
        return problems;
    }

    private static boolean writableTmp(PodSpec spec, Container container) {
        List<VolumeMount> mounts = container.getVolumeMounts() == null ? List.of() : container.getVolumeMounts();
        List<Volume> volumes = spec.getVolumes() == null ? List.of() : spec.getVolumes();
        return mounts.stream()
                .filter(m -> "/tmp".equals(m.getMountPath()) && !Boolean.TRUE.equals(m.getReadOnly()))
                .anyMatch(m -> volumes.stream().anyMatch(v -> v.getName().equals(m.getName())
                        && (v.getEmptyDir() != null || v.getEphemeral() != null)));
    }

    /** No service account token in the pods: automountServiceAccountToken false on the pod, or on its ServiceAccount. */
    static List<String> serviceAccountTokens(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        List<ServiceAccount> accounts = overlay.all(ServiceAccount.class);
        for (HasMetadata deployment : PodSets.workloads(overlay)) {
            PodSpec spec = PodSets.podSpec(deployment);
            if (spec == null) {
                continue;
            }
            if (Boolean.FALSE.equals(spec.getAutomountServiceAccountToken())) {
                continue;
            }
            if (Boolean.TRUE.equals(spec.getAutomountServiceAccountToken())) {
                problems.add(PodSets.describe(deployment) + ": automountServiceAccountToken is true");
                continue;
            }
            String accountName = spec.getServiceAccountName() == null ? "default" : spec.getServiceAccountName();
            boolean accountOff = accounts.stream().anyMatch(a -> a.getMetadata().getName().equals(accountName)
                    && PodSets.namespace(a).equals(PodSets.namespace(deployment))
                    && Boolean.FALSE.equals(a.getAutomountServiceAccountToken()));
            if (!accountOff) {
                problems.add(PodSets.describe(deployment) + ": automountServiceAccountToken is not false (neither on the pod nor on ServiceAccount "
                        + accountName + ")");
            }
        }
        return problems;
    }

    /** Every image has a tag (or digest) after kustomize's images rewriting, and the tag is not latest. */
    static List<String> images(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        for (HasMetadata deployment : PodSets.workloads(overlay)) {
            for (Container container : allContainers(PodSets.podSpec(deployment))) {
                imageProblem(container.getImage()).ifPresent(p -> problems.add(where(deployment, container) + ": " + p));
            }
        }
        return problems;
    }

    /** What is wrong with an image reference, if anything. */
    static Optional<String> imageProblem(String image) {
        if (image == null || image.isBlank()) {
            return Optional.of("no image");
        }
        if (image.contains("@sha256:")) {
            return Optional.empty();
        }
        String lastPart = image.substring(image.lastIndexOf('/') + 1);
        int colon = lastPart.indexOf(':');
        if (colon < 0) {
            return Optional.of("image " + image + " has no tag (would pull latest)");
        }
        String tag = lastPart.substring(colon + 1);
        if (tag.isEmpty() || tag.equals("latest")) {
            return Optional.of("image " + image + " is tagged latest");
        }
        return Optional.empty();
    }

    /** The suite's own images, as the Deployments name them: {@code [<registry>/]sovereign-stack/<service>[:<tag>]}. */
    private static final Pattern SUITE_IMAGE = Pattern.compile("(?:(.+)/)?sovereign-stack/([a-z0-9]+(?:-[a-z0-9]+)*)(?::([^@/]+))?(?:@.+)?");

    /**
     * Each Deployment of the suite runs its own image ({@code sovereign-stack/<its name>}), and all of them come from
     * one registry with one tag: an overlay's {@code images} block names every service, so one left out keeps base's
     * registry-less name (or another tag) and is reported here.
     */
    static List<String> suiteImages(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> sources = new TreeMap<>();
        for (Deployment deployment : overlay.all(Deployment.class)) {
            for (Container container : allContainers(PodSets.podSpec(deployment))) {
                Matcher image = SUITE_IMAGE.matcher(container.getImage() == null ? "" : container.getImage());
                if (!image.matches()) {
                    continue;
                }
                if (!image.group(2).equals(deployment.getMetadata().getName())) {
                    problems.add(where(deployment, container) + ": runs " + container.getImage() + ", the image of " + image.group(2)
                            + ", not of " + deployment.getMetadata().getName());
                }
                String source = (image.group(1) == null ? "no registry" : "registry " + image.group(1))
                        + ", tag " + (image.group(3) == null ? "none" : image.group(3));
                sources.computeIfAbsent(source, k -> new ArrayList<>()).add(PodSets.describe(deployment));
            }
        }
        if (sources.size() > 1) {
            problems.add(overlay.name() + ": the suite's images come from more than one registry or tag (the overlay's images block"
                    + " names one service differently, or not at all): " + sources);
        }
        return problems;
    }

    /** A Deployment's (or StatefulSet's) selector selects its own pod template (the API server rejects it otherwise). */
    static List<String> deploymentSelectors(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        for (HasMetadata deployment : PodSets.workloads(overlay)) {
            Map<String, String> labels = PodSets.of(overlay).stream().filter(p -> p.workload() == deployment)
                    .findFirst().map(PodSets.PodSet::labels).orElse(Map.of());
            if (PodSets.isEmpty(PodSets.selector(deployment))) {
                problems.add(PodSets.describe(deployment) + ": no spec.selector");
            } else if (!PodSets.selects(PodSets.selector(deployment), labels)) {
                problems.add(PodSets.describe(deployment) + ": spec.selector does not select its pod template labels " + labels);
            }
        }
        return problems;
    }

    /**
     * Each Service selects the pods of some Deployment (or operator-managed pods) in its namespace, and each of its
     * target ports is a port of the Deployment's containers.
     */
    static List<String> services(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        List<PodSets.PodSet> pods = PodSets.of(overlay);
        for (Service service : overlay.all(Service.class)) {
            String name = PodSets.describe(service);
            Map<String, String> selector = service.getSpec() == null ? null : service.getSpec().getSelector();
            if (selector == null || selector.isEmpty()) {
                problems.add(name + ": no selector (selects no pods of this overlay)");
                continue;
            }
            List<PodSets.PodSet> selected = pods.stream()
                    .filter(p -> p.namespace().equals(PodSets.namespace(service)) && PodSets.selects(selector, p.labels()))
                    .toList();
            if (selected.isEmpty()) {
                problems.add(name + ": selector " + selector + " selects no Deployment's pods in namespace '" + PodSets.namespace(service) + "'");
                continue;
            }
            List<ServicePort> ports = service.getSpec().getPorts() == null ? List.of() : service.getSpec().getPorts();
            if (ports.isEmpty()) {
                problems.add(name + ": no ports");
            }
            for (PodSets.PodSet podSet : selected) {
                if (podSet.spec() == null) {
                    continue;
                }
                for (ServicePort port : ports) {
                    IntOrString target = port.getTargetPort() != null ? port.getTargetPort() : new IntOrString(port.getPort());
                    boolean found = containers(podSet.spec()).stream().anyMatch(c -> portDeclared(c, target));
                    if (!found) {
                        problems.add(name + ": port " + port.getName() + " targets " + portText(target)
                                + ", which no container of " + podSet.owner() + " declares");
                    }
                }
            }
        }
        return problems;
    }

    /** ConfigMaps the pods read (env, envFrom, volumes) exist in the overlay, with the keys read, unless optional. */
    static List<String> configMapReferences(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        List<ConfigMap> configMaps = overlay.all(ConfigMap.class);
        for (HasMetadata deployment : PodSets.workloads(overlay)) {
            String namespace = PodSets.namespace(deployment);
            PodSpec spec = PodSets.podSpec(deployment);
            for (Container container : allContainers(spec)) {
                for (EnvVar env : container.getEnv() == null ? List.<EnvVar>of() : container.getEnv()) {
                    ConfigMapKeySelector ref = env.getValueFrom() == null ? null : env.getValueFrom().getConfigMapKeyRef();
                    if (ref != null && !Boolean.TRUE.equals(ref.getOptional())) {
                        Optional<ConfigMap> configMap = find(configMaps, namespace, ref.getName());
                        if (configMap.isEmpty()) {
                            problems.add(where(deployment, container) + ": env " + env.getName() + " reads ConfigMap " + ref.getName() + ", which the overlay does not have");
                        } else if (configMap.get().getData() == null || !configMap.get().getData().containsKey(ref.getKey())) {
                            problems.add(where(deployment, container) + ": env " + env.getName() + " reads key " + ref.getKey()
                                    + " that ConfigMap " + ref.getName() + " does not have");
                        }
                    }
                }
                for (EnvFromSource from : container.getEnvFrom() == null ? List.<EnvFromSource>of() : container.getEnvFrom()) {
                    if (from.getConfigMapRef() != null && !Boolean.TRUE.equals(from.getConfigMapRef().getOptional())
                            && find(configMaps, namespace, from.getConfigMapRef().getName()).isEmpty()) {
                        problems.add(where(deployment, container) + ": envFrom ConfigMap " + from.getConfigMapRef().getName() + ", which the overlay does not have");
                    }
                }
            }
            for (Volume volume : spec == null || spec.getVolumes() == null ? List.<Volume>of() : spec.getVolumes()) {
                if (volume.getConfigMap() != null && !Boolean.TRUE.equals(volume.getConfigMap().getOptional())
                        && find(configMaps, namespace, volume.getConfigMap().getName()).isEmpty()) {
                    problems.add(PodSets.describe(deployment) + ": volume " + volume.getName() + " mounts ConfigMap "
                            + volume.getConfigMap().getName() + ", which the overlay does not have");
                }
            }
        }
        return problems;
    }

    /**
     * The operators' workloads: a Keycloak has cpu and memory requests and limits and a pod template that keeps the
     * restricted Pod Security Standard (non-root, no privilege escalation, all capabilities dropped, a seccomp
     * profile; a read-only root file system is not required: Keycloak writes to its home); a CloudNativePG Cluster
     * has cpu and memory requests and limits (its pods are restricted-compliant by the operator).
     */
    static List<String> operatorWorkloads(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        for (var keycloak : overlay.custom(CustomResources.KEYCLOAK)) {
            String name = Manifests.describe(keycloak);
            problems.addAll(resourceProblems(name + ": spec.resources", keycloak.path("spec").path("resources")));
            var podSpec = keycloak.path("spec").path("unsupported").path("podTemplate").path("spec");
            var pod = podSpec.path("securityContext");
            var container = podSpec.path("containers").path(0).path("securityContext");
            if (!container.path("runAsNonRoot").asBoolean(pod.path("runAsNonRoot").asBoolean(false))) {
                problems.add(name + ": the pod template does not set runAsNonRoot true (spec.unsupported.podTemplate)");
            }
            if (!container.path("allowPrivilegeEscalation").isBoolean() || container.path("allowPrivilegeEscalation").asBoolean()) {
                problems.add(name + ": the pod template's container does not set allowPrivilegeEscalation false");
            }
            boolean dropsAll = false;
            for (var capability : container.path("capabilities").path("drop")) {
                dropsAll |= capability.asText().equals("ALL");
            }
            if (!dropsAll) {
                problems.add(name + ": the pod template's container does not drop ALL capabilities");
            }
            String seccomp = container.path("seccompProfile").path("type").asText(pod.path("seccompProfile").path("type").asText(""));
            if (!seccomp.equals("RuntimeDefault") && !seccomp.equals("Localhost")) {
                problems.add(name + ": the pod template sets no RuntimeDefault or Localhost seccompProfile");
            }
        }
        for (var cluster : overlay.custom(CustomResources.CNPG_CLUSTER)) {
            problems.addAll(resourceProblems(Manifests.describe(cluster) + ": spec.resources", cluster.path("spec").path("resources")));
        }
        return problems;
    }

    private static List<String> resourceProblems(String where, JsonNode resources) {
        List<String> problems = new ArrayList<>();
        for (String kind : List.of("requests", "limits")) {
            for (String resource : List.of("cpu", "memory")) {
                if (resources.path(kind).path(resource).isMissingNode() || resources.path(kind).path(resource).isNull()) {
                    problems.add(where + " has no " + kind + "." + resource);
                }
            }
        }
        return problems;
    }

    private static Optional<ConfigMap> find(List<ConfigMap> configMaps, String namespace, String name) {
        return configMaps.stream()
                .filter(c -> PodSets.namespace(c).equals(namespace) && c.getMetadata().getName().equals(name))
                .findFirst();
    }
}
