package eu.sovereignstack.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The production overlay: a PodDisruptionBudget that lets nodes drain and an autoscaling/v2 HPA for every service
 * Deployment, and an Ingress with TLS whose backends are only the gateway's Service (or Keycloak's, for logins and
 * tokens); the Keycloak Operator's own Ingress is off. In every overlay, no Ingress publishes /q/metrics or /q/health.
 */
class ProductionTest {

    @Test
    void everyDeploymentHasADisruptionBudgetThatLetsNodesDrain() {
        Problems.assertNone(Repo.PRODUCTION, ProductionRules.disruptionBudgets(RenderedOverlay.forChecks(Repo.PRODUCTION)));
    }

    @Test
    void everyDeploymentHasAnAutoscaler() {
        Problems.assertNone(Repo.PRODUCTION, ProductionRules.autoscalers(RenderedOverlay.forChecks(Repo.PRODUCTION)));
    }

    @Test
    void theOnlyWayInIsATlsIngressToTheGateway() {
        RenderedOverlay production = RenderedOverlay.forChecks(Repo.PRODUCTION);
        Problems.assertNone(Repo.PRODUCTION, ProductionRules.ingress(production));
        Problems.assertNone(Repo.PRODUCTION, ProductionRules.keycloakOwnIngress(production));
    }

    /** /q/metrics and /q/health stay inside the cluster, wherever an overlay has Ingresses. */
    @ParameterizedTest
    @MethodSource("overlays")
    void noIngressPublishesMetricsOrHealth(String overlay) {
        Problems.assertNone(overlay, ProductionRules.privateEndpoints(RenderedOverlay.forChecks(overlay)));
    }

    static Stream<String> overlays() {
        return Problems.overlays();
    }

    // ---- the checks themselves

    static final String GOOD = WorkloadInvariantsTest.GOOD.replace("name: web", "name: gateway") + """
            ---
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: gateway, namespace: demo}
            spec:
              maxUnavailable: 1
              selector: {matchLabels: {app: web}}
            ---
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: gateway, namespace: demo}
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: gateway}
              minReplicas: 2
              maxReplicas: 4
              metrics: [{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}}]
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: public, namespace: demo}
            spec:
              tls: [{hosts: [api.example.org], secretName: api-tls}]
              rules:
                - host: api.example.org
                  http:
                    paths: [{path: /api/, pathType: Prefix, backend: {service: {name: gateway, port: {name: http}}}}]
            """;

    private static RenderedOverlay good(String from, String to) {
        if (!GOOD.contains(from)) {
            throw new IllegalArgumentException("not in the good manifest: " + from);
        }
        return RenderedOverlay.fromYaml(Repo.PRODUCTION, GOOD.replace(from, to));
    }

    @Test
    void theGoodManifestKeepsEveryRule() {
        assertEquals(List.of(), ProductionRules.all(RenderedOverlay.fromYaml(Repo.PRODUCTION, GOOD)));
    }

    @Test
    void disruptionBudgetsAreChecked() {
        Problems.assertReported(ProductionRules.disruptionBudgets(good("selector: {matchLabels: {app: web}}\n---\napiVersion: autoscaling",
                "selector: {matchLabels: {app: api}}\n---\napiVersion: autoscaling")), "Deployment demo/gateway", "no PodDisruptionBudget");
        Problems.assertReported(ProductionRules.disruptionBudgets(good("maxUnavailable: 1", "maxUnavailable: 0")),
                "PodDisruptionBudget demo/gateway", "maxUnavailable 0", "node drain would block");
        Problems.assertReported(ProductionRules.disruptionBudgets(good("maxUnavailable: 1", "minAvailable: 2")),
                "minAvailable 2 with 2 replica(s)");
        assertEquals(List.of(), ProductionRules.disruptionBudgets(good("maxUnavailable: 1", "minAvailable: 50%")));
        Problems.assertReported(ProductionRules.disruptionBudgets(RenderedOverlay.fromYaml(Repo.PRODUCTION, GOOD + """
                ---
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata: {name: keycloak, namespace: demo}
                spec:
                  minAvailable: 1
                  selector: {matchLabels: {app: keycloak}}
                ---
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata: {name: nothing, namespace: demo}
                spec:
                  maxUnavailable: 1
                  selector: {matchLabels: {app: nothing}}
                ---
                apiVersion: k8s.keycloak.org/v2alpha1
                kind: Keycloak
                metadata: {name: keycloak, namespace: demo}
                spec: {instances: 1}
                """)), "PodDisruptionBudget demo/keycloak", "minAvailable 1 with 1 instance(s) of Keycloak demo/keycloak");
        Problems.assertReported(ProductionRules.disruptionBudgets(RenderedOverlay.fromYaml(Repo.PRODUCTION, GOOD + """
                ---
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata: {name: nothing, namespace: demo}
                spec:
                  maxUnavailable: 1
                  selector: {matchLabels: {app: nothing}}
                """)), "PodDisruptionBudget demo/nothing", "selects no pods");
    }

    @Test
    void autoscalersAreChecked() {
        Problems.assertReported(ProductionRules.autoscalers(good("name: gateway}\n  minReplicas", "name: gatway}\n  minReplicas")),
                "Deployment demo/gateway", "no autoscaling/v2 HorizontalPodAutoscaler");
        Problems.assertReported(ProductionRules.autoscalers(good("maxReplicas: 4", "maxReplicas: 1")), "maxReplicas 1 below minReplicas 2");
    }

    @Test
    void privateEndpointsAreChecked() {
        Problems.assertReported(ProductionRules.privateEndpoints(good("path: /api/, pathType: Prefix", "path: /, pathType: Prefix")),
                "Ingress demo/public", "path / (Prefix) of host api.example.org publishes /q/metrics");
        Problems.assertReported(ProductionRules.privateEndpoints(good("path: /api/, pathType: Prefix", "path: /q, pathType: Prefix")),
                "publishes /q/metrics");
        Problems.assertReported(ProductionRules.privateEndpoints(good("path: /api/, pathType: Prefix", "path: /q/health/ready, pathType: Exact")),
                "publishes /q/health/ready");
        Problems.assertReported(ProductionRules.privateEndpoints(good("path: /api/, pathType: Prefix", "path: /q/h, pathType: ImplementationSpecific")),
                "publishes /q/health");
        assertEquals(List.of(), ProductionRules.privateEndpoints(good("path: /api/, pathType: Prefix", "path: /q/openapi, pathType: Prefix")));
        assertEquals(List.of(), ProductionRules.privateEndpoints(good("path: /api/, pathType: Prefix", "path: /q/met, pathType: Prefix")));
        Problems.assertReported(ProductionRules.privateEndpoints(good("  rules:\n", "  defaultBackend: {service: {name: gateway, port: {name: http}}}\n  rules:\n")),
                "a default backend publishes every path");
    }

    @Test
    void ingressIsChecked() {
        Problems.assertReported(ProductionRules.ingress(good("  tls: [{hosts: [api.example.org], secretName: api-tls}]\n", "")), "Ingress demo/public", "no spec.tls");
        Problems.assertReported(ProductionRules.ingress(good("hosts: [api.example.org]", "hosts: [www.example.org]")),
                "host api.example.org is in no spec.tls hosts");
        Problems.assertReported(ProductionRules.ingress(good("port: {name: http}", "port: {name: https}")), "backend port", "not a port of Service gateway");
        String catalog = WorkloadInvariantsTest.GOOD.replace("name: web", "name: catalog").replace("app: web", "app: catalog")
                .replace("name: settings", "name: catalog-settings");
        RenderedOverlay toCatalog = RenderedOverlay.fromYaml(Repo.PRODUCTION,
                GOOD.replace("service: {name: gateway", "service: {name: catalog") + "---\n" + catalog);
        Problems.assertReported(ProductionRules.ingress(toCatalog), "backend Service catalog is neither the gateway's Service nor Keycloak's");
        Problems.assertReported(ProductionRules.keycloakOwnIngress(RenderedOverlay.fromYaml(Repo.PRODUCTION, """
                apiVersion: k8s.keycloak.org/v2alpha1
                kind: Keycloak
                metadata: {name: keycloak}
                spec: {instances: 2}
                """)), "Keycloak keycloak", "its own Ingress");
    }
}
