package eu.sovereignstack.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The kinds the manifests may contain, each bound to its typed model. Anything else is a problem: a kind nobody
 * expected (or an old apiVersion such as autoscaling/v1) must be added here on purpose.
 */
final class TypedModels {

    /** apiVersion/kind of the built-in kinds, and their fabric8 model. */
    static final Map<String, Class<? extends HasMetadata>> BUILT_IN = builtIn();

    /** apiVersion/kind of the operators' custom resources (checked by {@link CustomResources}). */
    static final Set<String> CUSTOM = Set.of(
            CustomResources.CNPG_CLUSTER,
            CustomResources.CNPG_IMAGE_CATALOG,
            CustomResources.KEYCLOAK,
            CustomResources.KEYCLOAK_REALM_IMPORT,
            CustomResources.SERVICE_MONITOR,
            CustomResources.PROMETHEUS_RULE);

    private TypedModels() {
    }

    private static Map<String, Class<? extends HasMetadata>> builtIn() {
        Map<String, Class<? extends HasMetadata>> kinds = new LinkedHashMap<>();
        kinds.put("v1/Namespace", Namespace.class);
        kinds.put("v1/ServiceAccount", ServiceAccount.class);
        kinds.put("v1/ConfigMap", ConfigMap.class);
        kinds.put("v1/Secret", Secret.class);
        kinds.put("v1/Service", Service.class);
        kinds.put("apps/v1/Deployment", Deployment.class);
        kinds.put("apps/v1/StatefulSet", StatefulSet.class);
        kinds.put("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class);
        kinds.put("networking.k8s.io/v1/Ingress", Ingress.class);
        kinds.put("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class);
        kinds.put("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class);
        return Map.copyOf(kinds);
    }

    static String typeKey(JsonNode object) {
        return Manifests.text(object, "apiVersion") + "/" + Manifests.text(object, "kind");
    }

    /** A parsed object, or the problems that kept it from parsing cleanly. */
    record Parsed(JsonNode source, HasMetadata typed, List<String> problems) {
    }

    /**
     * Parses one rendered object: a built-in kind into its model (then unknown fields are looked for), a custom
     * resource into a {@link GenericKubernetesResource} (its spec is checked elsewhere), anything else is a problem.
     */
    static Parsed parse(ObjectNode object) {
        String key = typeKey(object);
        String name = Manifests.describe(object);
        List<String> problems = new ArrayList<>();
        if (Manifests.text(object.path("metadata"), "name") == null) {
            problems.add(name + ": no metadata.name");
        }
        Class<? extends HasMetadata> type = BUILT_IN.get(key);
        Class<? extends HasMetadata> target = type != null ? type
                : CUSTOM.contains(key) ? GenericKubernetesResource.class : null;
        if (target == null) {
            problems.add(name + ": unexpected kind " + key + " (expected one of " + BUILT_IN.keySet() + " or " + CUSTOM + ")");
            return new Parsed(object, null, problems);
        }
        HasMetadata typed;
        try {
            typed = Manifests.STRICT.treeToValue(object, target);
        } catch (Exception e) {
            problems.add(name + ": does not parse as " + target.getSimpleName() + ": " + Manifests.explain(e));
            return new Parsed(object, null, problems);
        }
        for (String unknown : UnknownFields.of(typed)) {
            problems.add(name + ": " + unknown);
        }
        if (typed instanceof Secret secret && secret.getData() != null) {
            secret.getData().forEach((dataKey, value) -> {
                try {
                    Base64.getDecoder().decode(value == null ? "" : value);
                } catch (IllegalArgumentException e) {
                    problems.add(name + ": data." + dataKey + " is not base64");
                }
            });
        }
        return new Parsed(object, typed, problems);
    }
}
