package eu.sovereignstack.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.SecretKeySelector;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The environment a container gets, as Kubernetes builds it: the envFrom sources in their order, then env; of two
 * sources of a variable the last wins, and env wins over envFrom. Values come from the overlay's ConfigMaps (of the
 * container's namespace) and env literals; a variable read from a Secret is known by its reference only.
 */
final class ContainerEnv {

    /** One variable: its literal value, or the Secret key it is read from; and where it comes from. */
    record Value(String literal, SecretKeySelector secret, String source) {

        boolean fromSecret() {
            return secret != null;
        }
    }

    private final Map<String, Value> variables;

    private ContainerEnv(Map<String, Value> variables) {
        this.variables = variables;
    }

    static ContainerEnv of(RenderedOverlay overlay, String namespace, Container container) {
        Map<String, Value> variables = new LinkedHashMap<>();
        List<ConfigMap> configMaps = overlay.all(ConfigMap.class).stream().filter(c -> PodSets.namespace(c).equals(namespace)).toList();
        for (EnvFromSource from : container.getEnvFrom() == null ? List.<EnvFromSource>of() : container.getEnvFrom()) {
            if (from.getConfigMapRef() == null) {
                continue;
            }
            String prefix = from.getPrefix() == null ? "" : from.getPrefix();
            configMaps.stream().filter(c -> c.getMetadata().getName().equals(from.getConfigMapRef().getName()) && c.getData() != null)
                    .forEach(c -> c.getData().forEach((key, value) ->
                            variables.put(prefix + key, new Value(value, null, "ConfigMap " + c.getMetadata().getName()))));
        }
        for (EnvVar env : container.getEnv() == null ? List.<EnvVar>of() : container.getEnv()) {
            if (env.getValueFrom() == null) {
                variables.put(env.getName(), new Value(env.getValue() == null ? "" : env.getValue(), null, "env"));
            } else if (env.getValueFrom().getSecretKeyRef() != null) {
                variables.put(env.getName(), new Value(null, env.getValueFrom().getSecretKeyRef(), "env"));
            } else if (env.getValueFrom().getConfigMapKeyRef() != null) {
                String name = env.getValueFrom().getConfigMapKeyRef().getName();
                String key = env.getValueFrom().getConfigMapKeyRef().getKey();
                configMaps.stream().filter(c -> c.getMetadata().getName().equals(name) && c.getData() != null && c.getData().containsKey(key))
                        .findFirst().ifPresentOrElse(
                                c -> variables.put(env.getName(), new Value(c.getData().get(key), null, "ConfigMap " + name)),
                                () -> variables.remove(env.getName()));
            } else {
                variables.remove(env.getName()); // fieldRef, resourceFieldRef: not a value of the manifests
            }
        }
        return new ContainerEnv(variables);
    }

    Optional<Value> value(String name) {
        return Optional.ofNullable(variables.get(name));
    }

    /** The literal value of a variable; empty when it is not set, or read from a Secret. */
    Optional<String> literal(String name) {
        return value(name).map(Value::literal);
    }

    Map<String, Value> all() {
        return variables;
    }
}
