package eu.sovereignstack.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One overlay rendered with {@code kubectl kustomize}, its objects as trees and as typed models. Each overlay is
 * rendered once per test run (the result, or the failure, is cached), so the test classes share one render.
 */
final class RenderedOverlay {

    private static final Map<String, Outcome> CACHE = new ConcurrentHashMap<>();
    private static volatile Optional<String> kubectlProblem;

    private final String name;
    private final String yaml;
    private final List<ObjectNode> objects;
    private List<TypedModels.Parsed> parsed;

    private RenderedOverlay(String name, String yaml) {
        this.name = name;
        this.yaml = yaml;
        this.objects = List.copyOf(Manifests.readAll(yaml));
    }

    /** For unit tests of the checks: objects from inline YAML, as if an overlay had rendered them. */
    static RenderedOverlay fromYaml(String name, String yaml) {
        return new RenderedOverlay(name, yaml);
    }

    private record Outcome(RenderedOverlay overlay, String failure) {
    }

    /**
     * Renders an overlay (or returns the cached render). Skips (JUnit assumption) when kubectl is not installed;
     * fails when the directory is missing or does not render.
     */
    static RenderedOverlay render(String overlay) {
        Path kubectl = usableKubectl();
        Outcome outcome = CACHE.computeIfAbsent(overlay, key -> renderNow(kubectl, key));
        if (outcome.failure() != null) {
            Assertions.fail(outcome.failure());
        }
        return outcome.overlay();
    }

    /**
     * Like {@link #render}, but a missing or broken overlay aborts (skips) the calling check instead of failing it
     * again: {@code RenderTest} already fails for it, with kubectl's message.
     */
    static RenderedOverlay forChecks(String overlay) {
        Path kubectl = usableKubectl();
        Outcome outcome = CACHE.computeIfAbsent(overlay, key -> renderNow(kubectl, key));
        Assumptions.assumeTrue(outcome.failure() == null,
                () -> overlay + " did not render (RenderTest fails for it): " + outcome.failure());
        return outcome.overlay();
    }

    /** The kubectl to render with; skips the calling test (assumption) when there is none, or it is too old. */
    private static Path usableKubectl() {
        Optional<Path> kubectl = Kubectl.find();
        Assumptions.assumeTrue(kubectl.isPresent(),
                "kubectl not found (system property deploy.kubectl=" + System.getProperty("deploy.kubectl", "kubectl")
                        + ", PATH): the Kubernetes manifests cannot be rendered here, so their checks are skipped");
        if (kubectlProblem == null) {
            kubectlProblem = Kubectl.unsuitable(kubectl.get());
        }
        Assumptions.assumeTrue(kubectlProblem.isEmpty(),
                () -> kubectlProblem.get() + ": the Kubernetes manifests cannot be rendered here, so their checks are skipped");
        return kubectl.get();
    }

    private static Outcome renderNow(Path kubectl, String overlay) {
        Path dir = Repo.resolve(overlay);
        if (!Files.isDirectory(dir)) {
            return new Outcome(null, overlay + " does not exist (" + dir + ")");
        }
        try {
            return new Outcome(new RenderedOverlay(overlay, Kubectl.kustomize(kubectl, dir)), null);
        } catch (RuntimeException e) {
            return new Outcome(null, overlay + " does not render: " + e.getMessage());
        }
    }

    String name() {
        return name;
    }

    String yaml() {
        return yaml;
    }

    List<ObjectNode> objects() {
        return objects;
    }

    /** Every object parsed ({@link TypedModels#parse}), with its problems. */
    synchronized List<TypedModels.Parsed> parsed() {
        if (parsed == null) {
            List<TypedModels.Parsed> all = new ArrayList<>();
            for (ObjectNode object : objects) {
                all.add(TypedModels.parse(object));
            }
            parsed = List.copyOf(all);
        }
        return parsed;
    }

    /** The objects that parsed (built-in kinds typed, custom resources generic). */
    List<HasMetadata> typed() {
        return parsed().stream().map(TypedModels.Parsed::typed).filter(Objects::nonNull).toList();
    }

    /** The typed objects of one model class. */
    <T extends HasMetadata> List<T> all(Class<T> type) {
        return typed().stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The trees of one custom kind ("apiVersion/kind"). */
    List<ObjectNode> custom(String typeKey) {
        return objects.stream().filter(object -> TypedModels.typeKey(object).equals(typeKey)).toList();
    }

    boolean isProduction() {
        return name.equals(Repo.PRODUCTION);
    }

    boolean isDev() {
        return name.equals(Repo.DEV);
    }

    @Override
    public String toString() {
        return name;
    }
}
