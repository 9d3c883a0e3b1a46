package eu.sovereignstack.deploy;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * Every rendered object parses into its typed fabric8 model ({@link TypedModels#BUILT_IN}) with no unknown field
 * anywhere in it ({@link UnknownFields}) and no scalar of the wrong type; a kind that is neither a listed built-in
 * kind nor a known operator resource fails.
 */
class TypedModelTest {

    static Stream<String> overlays() {
        return Problems.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyObjectParsesIntoItsTypedModelWithNoUnknownField(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.forChecks(overlay);
        Problems.assertNone(overlay, rendered.parsed().stream().flatMap(p -> p.problems().stream()).toList());
    }

    // ---- the check itself

    private static List<String> problemsOf(String yaml) {
        return RenderedOverlay.fromYaml("test", yaml).parsed().stream().flatMap(p -> p.problems().stream()).toList();
    }

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: demo}
            spec:
              replicas: 2
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers:
                    - name: web
                      image: registry.example/web:1.0
                      %s
            """;

    @Test
    void aCleanDeploymentParsesIntoDeployment() {
        RenderedOverlay overlay = RenderedOverlay.fromYaml("test", DEPLOYMENT.formatted("ports: [{name: http, containerPort: 8080}]"));
        assertEquals(List.of(), overlay.parsed().get(0).problems());
        assertInstanceOf(Deployment.class, overlay.parsed().get(0).typed());
    }

    @Test
    void aMisspeltFieldIsReportedWithItsPath() {
        List<String> problems = problemsOf(DEPLOYMENT.formatted("livenessprobe: {httpGet: {path: /q/health/live, port: 8080}}"));
        Problems.assertReported(problems, "Deployment demo/web", "spec.template.spec.containers[0]", "livenessprobe");
    }

    @Test
    void aFieldAtTheWrongLevelIsReported() {
        List<String> problems = problemsOf("""
                apiVersion: v1
                kind: Service
                metadata: {name: web}
                spec:
                  selector: {app: web}
                  ports: [{port: 80}]
                  targetPort: 8080
                """);
        Problems.assertReported(problems, "Service web", "spec", "targetPort");
    }

    @Test
    void aQuotedNumberIsReported() {
        List<String> problems = problemsOf(DEPLOYMENT.formatted("ports: [{containerPort: \"8080\"}]"));
        Problems.assertReported(problems, "Deployment demo/web", "does not parse");
    }

    @Test
    void anUnexpectedKindIsReported() {
        Problems.assertReported(problemsOf("""
                apiVersion: apps/v1
                kind: DaemonSet
                metadata: {name: agent}
                spec: {}
                """), "DaemonSet agent", "unexpected kind apps/v1/DaemonSet");
        Problems.assertReported(problemsOf("""
                apiVersion: autoscaling/v1
                kind: HorizontalPodAutoscaler
                metadata: {name: web}
                spec: {maxReplicas: 3, scaleTargetRef: {kind: Deployment, name: web}}
                """), "unexpected kind autoscaling/v1/HorizontalPodAutoscaler");
    }

    @Test
    void secretDataThatIsNotBase64IsReported() {
        Problems.assertReported(problemsOf("""
                apiVersion: v1
                kind: Secret
                metadata: {name: creds}
                data: {password: "not base64!"}
                """), "Secret creds", "data.password is not base64");
    }
}
