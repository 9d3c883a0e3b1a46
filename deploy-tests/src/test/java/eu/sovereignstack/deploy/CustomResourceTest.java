package eu.sovereignstack.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The operators' custom resources (CloudNativePG Cluster and ImageCatalog, Keycloak, KeycloakRealmImport) have only
 * fields their operators know, of the right types, and refer to each other correctly.
 *
 * <p>Fallback, not schema validation: the operators' published CRD openAPIV3Schemas could not be had for this build
 * (not on Maven Central; see {@link CustomResources} for what the typed records mirror and where from). The records
 * reject unknown and mistyped fields the way the API server's structural-schema pruning and validation would for the
 * fields modelled; fields modelled as JSON are only name-checked.
 */
class CustomResourceTest {

    static Stream<String> overlays() {
        return Problems.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void customResourcesHaveOnlyKnownFieldsOfTheRightTypes(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.forChecks(overlay);
        List<String> problems = new ArrayList<>();
        rendered.objects().stream()
                .filter(o -> TypedModels.CUSTOM.contains(TypedModels.typeKey(o)))
                .forEach(o -> problems.addAll(CustomResources.check(o)));
        Problems.assertNone(overlay, problems);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void customResourcesReferToEachOther(String overlay) {
        Problems.assertNone(overlay, CustomResources.references(RenderedOverlay.forChecks(overlay)));
    }

    // ---- the checks themselves

    private static List<String> check(String yaml) {
        return CustomResources.check(RenderedOverlay.fromYaml("test", yaml).objects().get(0));
    }

    private static final String KEYCLOAK = """
            apiVersion: k8s.keycloak.org/v2alpha1
            kind: Keycloak
            metadata: {name: keycloak, namespace: demo}
            spec:
              instances: 1
              db: {vendor: postgres, host: pg-rw, usernameSecret: {name: pg-app, key: username}}
              http: {httpEnabled: true}
              hostname: {hostname: https://auth.example.org}
              proxy: {headers: xforwarded}
              ingress: {enabled: false}
              %s
            """;

    @Test
    void aCleanKeycloakHasNoProblems() {
        assertEquals(List.of(), check(KEYCLOAK.formatted("")));
    }

    @Test
    void anUnknownKeycloakFieldIsReported() {
        Problems.assertReported(check(KEYCLOAK.formatted("hostnameStrict: false")), "Keycloak demo/keycloak", "hostnameStrict");
        Problems.assertReported(check(KEYCLOAK.formatted("resources: {requests: {cpu: 1}, limit: {memory: 1Gi}}")),
                "Keycloak demo/keycloak", "spec.resources", "limit");
    }

    @Test
    void aMistypedKeycloakFieldIsReported() {
        Problems.assertReported(check(KEYCLOAK.replace("instances: 1", "instances: \"1\"").formatted("")),
                "Keycloak demo/keycloak", "instances");
    }

    @Test
    void anUnknownTopLevelFieldIsReported() {
        Problems.assertReported(check(KEYCLOAK.formatted("") + "status: {}\n"), "unknown top-level field status");
    }

    @Test
    void aRealmImportNeedsItsKeycloakAndARealmOfKnownFields() {
        Problems.assertReported(check("""
                apiVersion: k8s.keycloak.org/v2alpha1
                kind: KeycloakRealmImport
                metadata: {name: demo}
                spec:
                  realm: {realm: demo, enabled: true}
                """), "spec.keycloakCRName is required");
        Problems.assertReported(check("""
                apiVersion: k8s.keycloak.org/v2alpha1
                kind: KeycloakRealmImport
                metadata: {name: demo}
                spec:
                  keycloakCRName: keycloak
                  realm: {realm: demo, enabeld: true}
                """), "KeycloakRealmImport demo", "enabeld");
    }

    @Test
    void anUnknownClusterFieldIsReported() {
        Problems.assertReported(check("""
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: pg}
                spec:
                  instances: 1
                  storage: {size: 1Gi}
                  bootstrap: {initdb: {database: app, owner: app, encodng: UTF8}}
                """), "Cluster pg", "encodng");
        Problems.assertReported(check("""
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: pg}
                spec:
                  instances: "3"
                  storage: {size: 1Gi}
                """), "Cluster pg", "instances");
    }

    @Test
    void brokenReferencesAreReported() {
        RenderedOverlay overlay = RenderedOverlay.fromYaml("test", """
                apiVersion: postgresql.cnpg.io/v1
                kind: ImageCatalog
                metadata: {name: postgresql, namespace: demo}
                spec:
                  images: [{major: 15, image: "ghcr.io/cloudnative-pg/postgresql:latest"}]
                ---
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: pg, namespace: demo}
                spec:
                  instances: 1
                  imageCatalogRef: {apiGroup: postgresql.cnpg.io, kind: ImageCatalog, name: postgresql, major: 16}
                ---
                apiVersion: k8s.keycloak.org/v2alpha1
                kind: Keycloak
                metadata: {name: keycloak, namespace: demo}
                spec:
                  db: {host: other-rw}
                ---
                apiVersion: k8s.keycloak.org/v2alpha1
                kind: KeycloakRealmImport
                metadata: {name: demo, namespace: demo}
                spec: {keycloakCRName: kc, realm: {realm: demo}}
                """);
        List<String> problems = CustomResources.references(overlay);
        Problems.assertReported(problems, "ImageCatalog demo/postgresql", "latest");
        Problems.assertReported(problems, "Cluster demo/pg", "no image for major 16");
        Problems.assertReported(problems, "Keycloak demo/keycloak", "other-rw");
        Problems.assertReported(problems, "KeycloakRealmImport demo/demo", "keycloakCRName kc");
    }

    @Test
    void prometheusOperatorResourcesAreChecked() {
        assertEquals(List.of(), check("""
                apiVersion: monitoring.coreos.com/v1
                kind: ServiceMonitor
                metadata: {name: web, namespace: demo}
                spec:
                  selector: {matchLabels: {app: web}}
                  endpoints: [{port: http, path: /q/metrics, interval: 30s}]
                """));
        Problems.assertReported(check("""
                apiVersion: monitoring.coreos.com/v1
                kind: ServiceMonitor
                metadata: {name: web, namespace: demo}
                spec:
                  selector: {matchLabels: {app: web}}
                  endpoints: [{port: http, metricsPath: /q/metrics}]
                """), "ServiceMonitor demo/web", "metricsPath");
        Problems.assertReported(check("""
                apiVersion: monitoring.coreos.com/v1
                kind: ServiceMonitor
                metadata: {name: web, namespace: demo}
                spec: {selector: {matchLabels: {app: web}}}
                """), "spec.endpoints is required");
        Problems.assertReported(check("""
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata: {name: alerts, namespace: demo}
                spec:
                  groups:
                    - name: demo
                      rules: [{alert: Down, expr: "up == 0", for: 5m, severity: critical}]
                """), "PrometheusRule demo/alerts", "severity");
        Problems.assertReported(check("""
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata: {name: alerts, namespace: demo}
                spec:
                  groups: [{name: demo, rules: [{expr: "up == 0"}]}]
                """), "groups[0].rules[0].alert or record (exactly one) is required");
    }
}
