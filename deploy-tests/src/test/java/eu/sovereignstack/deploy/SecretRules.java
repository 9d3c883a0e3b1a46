package eu.sovereignstack.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Volume;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where secret values may be: only the dev overlay renders Secrets with values (or, in base and federation, Secrets
 * marked as dev values by "dev" in their name, labels or annotations); production renders none with data, only
 * references to Secrets made outside the manifests. In dev every referenced Secret exists, or is made by an operator.
 */
final class SecretRules {

    private SecretRules() {
    }

    /** A Secret reference: who reads it, the Secret's namespace and name. */
    record Reference(String from, String namespace, String secret) {
    }

    static boolean hasValues(Secret secret) {
        return secret.getData() != null && !secret.getData().isEmpty()
                || secret.getStringData() != null && !secret.getStringData().isEmpty();
    }

    static boolean markedDev(Secret secret) {
        Stream<String> words = Stream.of(secret.getMetadata().getName());
        Map<String, String> labels = secret.getMetadata().getLabels();
        Map<String, String> annotations = secret.getMetadata().getAnnotations();
        if (labels != null) {
            words = Stream.concat(words, labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()));
        }
        if (annotations != null) {
            words = Stream.concat(words, annotations.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()));
        }
        return words.anyMatch(word -> word.toLowerCase(Locale.ROOT).matches(".*\\bdev(elopment)?\\b.*|.*dev-only.*"));
    }

    /** Secrets with values where they must not be. */
    static List<String> values(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        for (Secret secret : overlay.all(Secret.class)) {
            if (!hasValues(secret)) {
                continue;
            }
            if (overlay.isProduction()) {
                problems.add(PodSets.describe(secret) + ": production renders a Secret with values "
                        + keys(secret) + " (production must only reference Secrets made outside the manifests)");
            } else if (!overlay.isDev() && !markedDev(secret)) {
                problems.add(PodSets.describe(secret) + ": Secret with values " + keys(secret)
                        + " outside the dev overlay, not marked as dev values (name, label or annotation)");
            }
        }
        return problems;
    }

    private static Set<String> keys(Secret secret) {
        Set<String> keys = new LinkedHashSet<>();
        if (secret.getData() != null) {
            keys.addAll(secret.getData().keySet());
        }
        if (secret.getStringData() != null) {
            keys.addAll(secret.getStringData().keySet());
        }
        return keys;
    }

    /** Every Secret the pods and the operators' resources read (non-optional references). */
    static List<Reference> references(RenderedOverlay overlay) {
        List<Reference> references = new ArrayList<>();
        for (HasMetadata workload : PodSets.workloads(overlay)) {
            String namespace = PodSets.namespace(workload);
            String owner = PodSets.describe(workload);
            PodSpec spec = PodSets.podSpec(workload);
            if (spec == null) {
                continue;
            }
            List<Container> containers = Stream.concat(
                    spec.getInitContainers() == null ? Stream.empty() : spec.getInitContainers().stream(),
                    spec.getContainers() == null ? Stream.empty() : spec.getContainers().stream()).toList();
            for (Container container : containers) {
                for (EnvVar env : container.getEnv() == null ? List.<EnvVar>of() : container.getEnv()) {
                    SecretKeySelector ref = env.getValueFrom() == null ? null : env.getValueFrom().getSecretKeyRef();
                    if (ref != null && !Boolean.TRUE.equals(ref.getOptional())) {
                        references.add(new Reference(owner + " env " + env.getName(), namespace, ref.getName()));
                    }
                }
                for (EnvFromSource from : container.getEnvFrom() == null ? List.<EnvFromSource>of() : container.getEnvFrom()) {
                    if (from.getSecretRef() != null && !Boolean.TRUE.equals(from.getSecretRef().getOptional())) {
                        references.add(new Reference(owner + " envFrom", namespace, from.getSecretRef().getName()));
                    }
                }
            }
            for (Volume volume : spec.getVolumes() == null ? List.<Volume>of() : spec.getVolumes()) {
                if (volume.getSecret() != null && !Boolean.TRUE.equals(volume.getSecret().getOptional())) {
                    references.add(new Reference(owner + " volume " + volume.getName(), namespace, volume.getSecret().getSecretName()));
                }
            }
        }
        for (ObjectNode keycloak : overlay.custom(CustomResources.KEYCLOAK)) {
            JsonNode spec = keycloak.path("spec");
            String owner = Manifests.describe(keycloak);
            String namespace = PodSets.namespace(keycloak);
            add(references, owner + " spec.db.usernameSecret", namespace, spec.path("db").path("usernameSecret").path("name"));
            add(references, owner + " spec.db.passwordSecret", namespace, spec.path("db").path("passwordSecret").path("name"));
            add(references, owner + " spec.http.tlsSecret", namespace, spec.path("http").path("tlsSecret"));
            add(references, owner + " spec.bootstrapAdmin.user.secret", namespace, spec.path("bootstrapAdmin").path("user").path("secret"));
            add(references, owner + " spec.bootstrapAdmin.service.secret", namespace, spec.path("bootstrapAdmin").path("service").path("secret"));
            for (String list : List.of("additionalOptions", "env")) {
                for (JsonNode option : spec.path(list)) {
                    add(references, owner + " spec." + list + " " + option.path("name").asText(), namespace,
                            option.path("secret").path("name"));
                }
            }
        }
        for (ObjectNode cluster : overlay.custom(CustomResources.CNPG_CLUSTER)) {
            JsonNode spec = cluster.path("spec");
            String owner = Manifests.describe(cluster);
            String namespace = PodSets.namespace(cluster);
            add(references, owner + " spec.bootstrap.initdb.secret", namespace, spec.path("bootstrap").path("initdb").path("secret").path("name"));
            add(references, owner + " spec.superuserSecret", namespace, spec.path("superuserSecret").path("name"));
        }
        for (ObjectNode realmImport : overlay.custom(CustomResources.KEYCLOAK_REALM_IMPORT)) {
            JsonNode placeholders = realmImport.path("spec").path("placeholders");
            for (Iterator<Map.Entry<String, JsonNode>> it = placeholders.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> placeholder = it.next();
                add(references, Manifests.describe(realmImport) + " spec.placeholders." + placeholder.getKey(),
                        PodSets.namespace(realmImport), placeholder.getValue().path("secret").path("name"));
            }
        }
        return references;
    }

    private static void add(List<Reference> references, String from, String namespace, JsonNode name) {
        if (name.isTextual() && !name.asText().isBlank()) {
            references.add(new Reference(from, namespace, name.asText()));
        }
    }

    /**
     * The Secrets the operators make for their resources: CloudNativePG makes {@code <cluster>-app} (and
     * {@code -superuser}, {@code -ca}, {@code -server}, {@code -replication}); the Keycloak Operator makes
     * {@code <keycloak>-initial-admin}.
     */
    static Set<String> madeByOperators(RenderedOverlay overlay) {
        Set<String> made = new LinkedHashSet<>();
        for (ObjectNode cluster : overlay.custom(CustomResources.CNPG_CLUSTER)) {
            String name = cluster.path("metadata").path("name").asText();
            for (String suffix : List.of("-app", "-superuser", "-ca", "-server", "-replication")) {
                made.add(PodSets.namespace(cluster) + "/" + name + suffix);
            }
        }
        for (ObjectNode keycloak : overlay.custom(CustomResources.KEYCLOAK)) {
            made.add(PodSets.namespace(keycloak) + "/" + keycloak.path("metadata").path("name").asText() + "-initial-admin");
        }
        return made;
    }

    /** Each referenced Secret is in the overlay or made by an operator (checked for the dev overlay, which must run as is). */
    static List<String> referencesResolve(RenderedOverlay overlay) {
        Set<String> present = new LinkedHashSet<>(madeByOperators(overlay));
        for (Secret secret : overlay.all(Secret.class)) {
            present.add(PodSets.namespace(secret) + "/" + secret.getMetadata().getName());
        }
        List<String> problems = new ArrayList<>();
        for (Reference reference : references(overlay)) {
            if (!present.contains(reference.namespace() + "/" + reference.secret())) {
                problems.add(reference.from() + ": reads Secret " + reference.secret()
                        + ", which is neither in the overlay nor made by an operator");
            }
        }
        return problems;
    }
}
