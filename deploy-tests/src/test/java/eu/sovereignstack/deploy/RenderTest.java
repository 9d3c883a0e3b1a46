package eu.sovereignstack.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every overlay renders with {@code kubectl kustomize} (skipped, not failed, where kubectl is not installed), into
 * objects that each have an apiVersion, a kind and a name, with no object twice.
 */
class RenderTest {

    static Stream<String> overlays() {
        return Problems.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void renders(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.render(overlay);
        assertFalse(rendered.objects().isEmpty(), overlay + " renders no objects");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyObjectIsNamedOnce(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.render(overlay);
        Problems.assertNone(overlay, identityProblems(rendered.objects()));
    }

    static List<String> identityProblems(List<ObjectNode> objects) {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ObjectNode object : objects) {
            String description = Manifests.describe(object);
            if (Manifests.text(object, "apiVersion") == null || Manifests.text(object, "kind") == null
                    || Manifests.text(object.path("metadata"), "name") == null) {
                problems.add(description + ": no apiVersion, kind or metadata.name");
            }
            if (!seen.add(TypedModels.typeKey(object) + " " + description)) {
                problems.add(description + ": rendered twice");
            }
        }
        return problems;
    }
}
