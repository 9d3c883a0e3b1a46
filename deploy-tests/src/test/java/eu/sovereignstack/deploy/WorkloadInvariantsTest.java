package eu.sovereignstack.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every Deployment of every overlay: the three SmallRye Health probes on a declared port (a StatefulSet: readiness and
 * liveness probes); every Deployment and StatefulSet: cpu and memory requests and limits, a locked-down security context with a writable /tmp, no service account token, pinned images, a
 * selector that selects its own pods; each Deployment runs its own image of the suite, all from one registry with one tag; every Service selects a Deployment's pods and targets declared ports; every
 * ConfigMap the pods read is there.
 */
class WorkloadInvariantsTest {

    static Stream<String> overlays() {
        return Problems.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void probes(String overlay) {
        Problems.assertNone(overlay, WorkloadRules.probes(RenderedOverlay.forChecks(overlay)));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void resources(String overlay) {
        Problems.assertNone(overlay, WorkloadRules.resources(RenderedOverlay.forChecks(overlay)));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void securityContext(String overlay) {
        Problems.assertNone(overlay, WorkloadRules.securityContext(RenderedOverlay.forChecks(overlay)));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void noServiceAccountToken(String overlay) {
        Problems.assertNone(overlay, WorkloadRules.serviceAccountTokens(RenderedOverlay.forChecks(overlay)));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void imagesArePinned(String overlay) {
        Problems.assertNone(overlay, WorkloadRules.images(RenderedOverlay.forChecks(overlay)));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theSuitesImagesComeFromOneRegistryWithOneTag(String overlay) {
        Problems.assertNone(overlay, WorkloadRules.suiteImages(RenderedOverlay.forChecks(overlay)));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void deploymentsSelectTheirPods(String overlay) {
        Problems.assertNone(overlay, WorkloadRules.deploymentSelectors(RenderedOverlay.forChecks(overlay)));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void servicesSelectDeploymentPodsAndTheirPorts(String overlay) {
        Problems.assertNone(overlay, WorkloadRules.services(RenderedOverlay.forChecks(overlay)));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void operatorWorkloadsHaveResourcesAndARestrictedPodTemplate(String overlay) {
        Problems.assertNone(overlay, WorkloadRules.operatorWorkloads(RenderedOverlay.forChecks(overlay)));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void configMapsReadArePresent(String overlay) {
        Problems.assertNone(overlay, WorkloadRules.configMapReferences(RenderedOverlay.forChecks(overlay)));
    }

    // ---- the checks themselves

    /** A Deployment that keeps every rule, and its Service; each test breaks one thing. */
    static final String GOOD = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: demo}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web, tier: front}}
                spec:
                  automountServiceAccountToken: false
                  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
                  volumes: [{name: tmp, emptyDir: {}}]
                  containers:
                    - name: web
                      image: registry.example/web:1.0
                      envFrom: [{configMapRef: {name: settings}}]
                      ports: [{name: http, containerPort: 8080}]
                      volumeMounts: [{name: tmp, mountPath: /tmp}]
                      resources:
                        requests: {cpu: 100m, memory: 128Mi}
                        limits: {cpu: "1", memory: 256Mi}
                      securityContext:
                        readOnlyRootFilesystem: true
                        allowPrivilegeEscalation: false
                        capabilities: {drop: [ALL]}
                      startupProbe: {httpGet: {path: /q/health/started, port: http}}
                      readinessProbe: {httpGet: {path: /q/health/ready, port: http}}
                      livenessProbe: {httpGet: {path: /q/health/live, port: http}}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: demo}
            spec:
              selector: {app: web}
              ports: [{name: http, port: 80, targetPort: http}]
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings, namespace: demo}
            data: {A: b}
            """;

    private static RenderedOverlay overlay(String yaml) {
        return RenderedOverlay.fromYaml("test", yaml);
    }

    private static RenderedOverlay good(String from, String to) {
        if (!GOOD.contains(from)) {
            throw new IllegalArgumentException("not in the good manifest: " + from);
        }
        return overlay(GOOD.replace(from, to));
    }

    @Test
    void theGoodManifestKeepsEveryRule() {
        assertEquals(List.of(), WorkloadRules.all(overlay(GOOD)));
    }

    @Test
    void probesAreChecked() {
        Problems.assertReported(WorkloadRules.probes(good("livenessProbe: {httpGet: {path: /q/health/live, port: http}}",
                "terminationMessagePath: /dev/termination-log")),
                "Deployment demo/web container web", "no livenessProbe");
        Problems.assertReported(WorkloadRules.probes(good("path: /q/health/ready", "path: /health")),
                "readinessProbe path is /health, expected /q/health/ready");
        Problems.assertReported(WorkloadRules.probes(good("path: /q/health/started, port: http", "path: /q/health/started, port: management")),
                "startupProbe port management is not one of the container's ports");
        Problems.assertReported(WorkloadRules.probes(good("readinessProbe: {httpGet: {path: /q/health/ready, port: http}}",
                "readinessProbe: {tcpSocket: {port: http}}")), "readinessProbe is not an httpGet");
    }

    @Test
    void statefulSetsAreCheckedLikeDeployments() {
        String statefulSet = GOOD.replace("kind: Deployment", "kind: StatefulSet").replace("spec:\n  selector: {matchLabels", "spec:\n  serviceName: web\n  selector: {matchLabels");
        assertEquals(List.of(), WorkloadRules.all(overlay(statefulSet)));
        Problems.assertReported(WorkloadRules.probes(overlay(statefulSet.replace("livenessProbe: {httpGet: {path: /q/health/live, port: http}}",
                "terminationMessagePath: /dev/termination-log"))), "StatefulSet demo/web container web", "no livenessProbe");
        Problems.assertReported(WorkloadRules.securityContext(overlay(statefulSet.replace("readOnlyRootFilesystem: true", "readOnlyRootFilesystem: false"))),
                "StatefulSet demo/web container web", "readOnlyRootFilesystem is not true");
        Problems.assertReported(WorkloadRules.images(overlay(statefulSet.replace("registry.example/web:1.0", "redis"))), "StatefulSet demo/web", "has no tag");
    }

    @Test
    void resourcesAreChecked() {
        Problems.assertReported(WorkloadRules.resources(good("limits: {cpu: \"1\", memory: 256Mi}", "limits: {memory: 256Mi}")),
                "container web", "no resources.limits.cpu");
        Problems.assertReported(WorkloadRules.resources(good("requests: {cpu: 100m, memory: 128Mi}", "requests: {cpu: 100m, memory: 1Gi}")),
                "resources.requests.memory 1Gi is above the limit 256Mi");
    }

    @Test
    void securityContextIsChecked() {
        Problems.assertReported(WorkloadRules.securityContext(good("securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}", "securityContext: {seccompProfile: {type: RuntimeDefault}}")),
                "runAsNonRoot is not true");
        Problems.assertReported(WorkloadRules.securityContext(good("readOnlyRootFilesystem: true", "readOnlyRootFilesystem: false")),
                "readOnlyRootFilesystem is not true");
        Problems.assertReported(WorkloadRules.securityContext(good("allowPrivilegeEscalation: false", "allowPrivilegeEscalation: true")),
                "allowPrivilegeEscalation is not false");
        Problems.assertReported(WorkloadRules.securityContext(good("drop: [ALL]", "drop: [NET_RAW]")),
                "capabilities.drop does not contain ALL");
        Problems.assertReported(WorkloadRules.securityContext(good("seccompProfile: {type: RuntimeDefault}", "seccompProfile: {type: Unconfined}")),
                "seccompProfile is not RuntimeDefault or Localhost");
        Problems.assertReported(WorkloadRules.securityContext(good("mountPath: /tmp", "mountPath: /work")),
                "no writable volume (emptyDir) mounted at /tmp");
    }

    @Test
    void serviceAccountTokenIsChecked() {
        Problems.assertReported(WorkloadRules.serviceAccountTokens(good("automountServiceAccountToken: false", "schedulerName: default-scheduler")),
                "Deployment demo/web", "automountServiceAccountToken is not false");
        // Off on the ServiceAccount instead of the pod is fine.
        assertEquals(List.of(), WorkloadRules.serviceAccountTokens(overlay(GOOD.replace("automountServiceAccountToken: false", "serviceAccountName: web")
                + "---\napiVersion: v1\nkind: ServiceAccount\nmetadata: {name: web, namespace: demo}\nautomountServiceAccountToken: false\n")));
    }

    @Test
    void imagesAreChecked() {
        Problems.assertReported(WorkloadRules.images(good("registry.example/web:1.0", "registry.example/web")), "has no tag");
        Problems.assertReported(WorkloadRules.images(good("registry.example/web:1.0", "registry.example/web:latest")), "tagged latest");
        assertEquals(Optional.empty(), WorkloadRules.imageProblem("registry.example:5000/web@sha256:" + "a".repeat(64)));
        assertEquals(Optional.of("image registry.example:5000/web has no tag (would pull latest)"),
                WorkloadRules.imageProblem("registry.example:5000/web"));
    }

    @Test
    void theSuitesImagesAreChecked() {
        String suite = GOOD.replace("registry.example/web:1.0", "registry.example/sovereign-stack/web:1.0");
        String api = suite.replace("name: web, namespace: demo}\nspec:\n  selector: {matchLabels: {app: web}}",
                        "name: api, namespace: demo}\nspec:\n  selector: {matchLabels: {app: api}}")
                .replace("labels: {app: web, tier: front}", "labels: {app: api, tier: front}");
        assertEquals(List.of(), WorkloadRules.suiteImages(overlay(suite + "---\n" + api.replace("sovereign-stack/web:1.0", "sovereign-stack/api:1.0"))));
        // One service left out of the overlay's images block keeps base's name.
        Problems.assertReported(WorkloadRules.suiteImages(overlay(suite + "---\n" + api.replace("registry.example/sovereign-stack/web:1.0", "sovereign-stack/api:1.0"))),
                "test: the suite's images come from more than one registry or tag", "no registry, tag 1.0=[Deployment demo/api]",
                "registry registry.example, tag 1.0=[Deployment demo/web]");
        Problems.assertReported(WorkloadRules.suiteImages(overlay(suite + "---\n" + api.replace("sovereign-stack/web:1.0", "sovereign-stack/api:1.1"))),
                "more than one registry or tag", "tag 1.1=[Deployment demo/api]");
        Problems.assertReported(WorkloadRules.suiteImages(overlay(suite.replace("sovereign-stack/web:1.0", "sovereign-stack/gateway:1.0"))),
                "Deployment demo/web container web: runs registry.example/sovereign-stack/gateway:1.0, the image of gateway, not of web");
    }

    @Test
    void deploymentSelectorIsChecked() {
        Problems.assertReported(WorkloadRules.deploymentSelectors(good("selector: {matchLabels: {app: web}}", "selector: {matchLabels: {app: api}}")),
                "spec.selector does not select its pod template labels");
    }

    @Test
    void servicesAreChecked() {
        Problems.assertReported(WorkloadRules.services(good("  selector: {app: web}\n  ports", "  selector: {app: wbe}\n  ports")),
                "Service demo/web", "selects no Deployment's pods");
        Problems.assertReported(WorkloadRules.services(good("targetPort: http", "targetPort: 9090")),
                "Service demo/web", "targets 9090, which no container of Deployment demo/web declares");
        Problems.assertReported(WorkloadRules.services(good("metadata: {name: web, namespace: demo}\nspec:\n  selector: {app: web}",
                "metadata: {name: web, namespace: other}\nspec:\n  selector: {app: web}")), "namespace 'other'");
    }

    @Test
    void configMapReferencesAreChecked() {
        Problems.assertReported(WorkloadRules.configMapReferences(good("configMapRef: {name: settings}", "configMapRef: {name: setings}")),
                "envFrom ConfigMap setings");
    }

    @Test
    void operatorWorkloadsAreChecked() {
        List<String> problems = WorkloadRules.operatorWorkloads(overlay("""
                apiVersion: k8s.keycloak.org/v2alpha1
                kind: Keycloak
                metadata: {name: keycloak}
                spec:
                  resources: {requests: {cpu: 100m, memory: 512Mi}, limits: {memory: 1Gi}}
                  unsupported:
                    podTemplate:
                      spec:
                        securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
                        containers: [{securityContext: {allowPrivilegeEscalation: false}}]
                ---
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: pg}
                spec: {instances: 1}
                """));
        Problems.assertReported(problems, "Keycloak keycloak: spec.resources has no limits.cpu");
        Problems.assertReported(problems, "Keycloak keycloak", "does not drop ALL capabilities");
        Problems.assertReported(problems, "Cluster pg: spec.resources has no requests.memory");
        assertEquals(6, problems.size(), problems::toString);
    }
}
