package eu.sovereignstack.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The pods an overlay will run, by namespace and labels: those of its Deployments and StatefulSets (from the pod
 * template) and those the operators create for its custom resources, with the labels the operators put on them:
 * <ul>
 *   <li>CloudNativePG {@code Cluster} N: {@code cnpg.io/cluster=N}, {@code cnpg.io/podRole=instance},
 *       {@code cnpg.io/instanceRole} and {@code role} = primary or replica;</li>
 *   <li>Keycloak Operator {@code Keycloak} N: {@code app=keycloak}, {@code app.kubernetes.io/managed-by=keycloak-operator},
 *       {@code app.kubernetes.io/instance=N} (the operator's {@code Constants.DEFAULT_LABELS} and instance label);</li>
 *   <li>the Job the Keycloak Operator runs for a {@code KeycloakRealmImport} of Keycloak N: the Keycloak pod template's
 *       labels with {@code app=keycloak-realm-import} ({@code KeycloakRealmImportJobDependentResource}).</li>
 * </ul>
 */
final class PodSets {

    /**
     * Pods of one owner. {@code spec} is the pod spec and {@code workload} the Deployment or StatefulSet for pods of
     * the overlay's own workloads; both are null for operator-managed pods.
     */
    record PodSet(String namespace, String owner, Map<String, String> labels, PodSpec spec, HasMetadata workload) {

        /** The Deployment these pods belong to; null for a StatefulSet's pods and operator-managed pods. */
        Deployment deployment() {
            return workload instanceof Deployment deployment ? deployment : null;
        }
    }

    private PodSets() {
    }

    static List<PodSet> of(RenderedOverlay overlay) {
        List<PodSet> pods = new ArrayList<>();
        for (HasMetadata workload : workloads(overlay)) {
            PodTemplateSpec template = template(workload);
            Map<String, String> labels = template == null || template.getMetadata() == null
                    || template.getMetadata().getLabels() == null ? Map.of() : template.getMetadata().getLabels();
            pods.add(new PodSet(namespace(workload), describe(workload), labels, template == null ? null : template.getSpec(), workload));
        }
        for (ObjectNode cluster : overlay.custom(CustomResources.CNPG_CLUSTER)) {
            String name = cluster.path("metadata").path("name").asText();
            for (String role : List.of("primary", "replica")) {
                pods.add(new PodSet(namespace(cluster), Manifests.describe(cluster) + " (" + role + ")", Map.of(
                        "cnpg.io/cluster", name,
                        "cnpg.io/podRole", "instance",
                        "cnpg.io/instanceRole", role,
                        "role", role), null, null));
            }
        }
        for (ObjectNode keycloak : overlay.custom(CustomResources.KEYCLOAK)) {
            String name = keycloak.path("metadata").path("name").asText();
            pods.add(new PodSet(namespace(keycloak), Manifests.describe(keycloak), Map.of(
                    "app", "keycloak",
                    "app.kubernetes.io/managed-by", "keycloak-operator",
                    "app.kubernetes.io/instance", name), null, null));
        }
        for (ObjectNode realmImport : overlay.custom(CustomResources.KEYCLOAK_REALM_IMPORT)) {
            String keycloak = realmImport.path("spec").path("keycloakCRName").asText("");
            pods.add(new PodSet(namespace(realmImport), Manifests.describe(realmImport) + " (import job)", Map.of(
                    "app", "keycloak-realm-import",
                    "app.kubernetes.io/managed-by", "keycloak-operator",
                    "app.kubernetes.io/instance", keycloak), null, null));
        }
        return pods;
    }

    /** The overlay's own workloads: its Deployments, then its StatefulSets. */
    static List<HasMetadata> workloads(RenderedOverlay overlay) {
        List<HasMetadata> workloads = new ArrayList<>(overlay.all(Deployment.class));
        workloads.addAll(overlay.all(StatefulSet.class));
        return workloads;
    }

    /** A workload's pod template; null when it has none. */
    static PodTemplateSpec template(HasMetadata workload) {
        if (workload instanceof Deployment deployment) {
            return deployment.getSpec() == null ? null : deployment.getSpec().getTemplate();
        }
        if (workload instanceof StatefulSet statefulSet) {
            return statefulSet.getSpec() == null ? null : statefulSet.getSpec().getTemplate();
        }
        return null;
    }

    /** A workload's selector of its own pods; null when it has none. */
    static LabelSelector selector(HasMetadata workload) {
        if (workload instanceof Deployment deployment) {
            return deployment.getSpec() == null ? null : deployment.getSpec().getSelector();
        }
        if (workload instanceof StatefulSet statefulSet) {
            return statefulSet.getSpec() == null ? null : statefulSet.getSpec().getSelector();
        }
        return null;
    }

    /** A workload's pod spec; null when it has none. */
    static PodSpec podSpec(HasMetadata workload) {
        PodTemplateSpec template = template(workload);
        return template == null ? null : template.getSpec();
    }

    static String namespace(HasMetadata object) {
        String namespace = object.getMetadata() == null ? null : object.getMetadata().getNamespace();
        return namespace == null ? "" : namespace;
    }

    static String namespace(ObjectNode object) {
        String namespace = Manifests.text(object.path("metadata"), "namespace");
        return namespace == null ? "" : namespace;
    }

    static String describe(HasMetadata object) {
        String namespace = namespace(object);
        return object.getKind() + " " + (namespace.isEmpty() ? "" : namespace + "/") + object.getMetadata().getName();
    }

    /** A Service-style selector: every pair present in the labels. An empty selector selects nothing here. */
    static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && !selector.isEmpty()
                && selector.entrySet().stream().allMatch(e -> Objects.equals(labels.get(e.getKey()), e.getValue()));
    }

    /** A LabelSelector (matchLabels and matchExpressions); the empty selector selects every pod. */
    static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return true;
        }
        if (selector.getMatchLabels() != null) {
            for (Map.Entry<String, String> e : selector.getMatchLabels().entrySet()) {
                if (!Objects.equals(labels.get(e.getKey()), e.getValue())) {
                    return false;
                }
            }
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement requirement : selector.getMatchExpressions()) {
                String value = labels.get(requirement.getKey());
                List<String> values = requirement.getValues() == null ? List.of() : requirement.getValues();
                boolean ok = switch (String.valueOf(requirement.getOperator())) {
                    case "In" -> value != null && values.contains(value);
                    case "NotIn" -> value == null || !values.contains(value);
                    case "Exists" -> value != null;
                    case "DoesNotExist" -> value == null;
                    default -> false;
                };
                if (!ok) {
                    return false;
                }
            }
        }
        return true;
    }

    static boolean isEmpty(LabelSelector selector) {
        return selector == null
                || (selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
                && (selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty());
    }

    /** The pod sets in {@code namespace} that {@code selector} selects. */
    static List<PodSet> selected(List<PodSet> pods, String namespace, LabelSelector selector) {
        return pods.stream().filter(p -> p.namespace().equals(namespace) && selects(selector, p.labels())).toList();
    }
}
