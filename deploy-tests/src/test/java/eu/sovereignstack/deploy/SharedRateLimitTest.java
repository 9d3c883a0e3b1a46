package eu.sovereignstack.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway's rate limits shared in Redis: only the gateway reaches the store; the gateway's password comes from the
 * Secret the store requires; every gateway counts at least as many replicas for its fallback share as it may run (the
 * HPA's maxReplicas in production); the trusted proxies are addresses or CIDRs.
 */
class SharedRateLimitTest {

    static Stream<String> overlays() {
        return Problems.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void onlyTheGatewayReachesTheStore(String overlay) {
        Problems.assertNone(overlay, SharedRateLimitRules.storeOnlyFromGateway(RenderedOverlay.forChecks(overlay)));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theGatewaysPasswordIsTheStoresSecret(String overlay) {
        Problems.assertNone(overlay, SharedRateLimitRules.password(RenderedOverlay.forChecks(overlay)));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theFallbackShareCountsEveryReplica(String overlay) {
        Problems.assertNone(overlay, SharedRateLimitRules.replicaShares(RenderedOverlay.forChecks(overlay)));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void trustedProxiesAreAddresses(String overlay) {
        Problems.assertNone(overlay, SharedRateLimitRules.trustedProxies(RenderedOverlay.forChecks(overlay)));
    }

    // ---- the checks themselves

    /** A gateway with two replicas and a Redis that admits only it. */
    static final String GOOD = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: gateway, namespace: demo}
            spec:
              replicas: 2
              selector: {matchLabels: {app.kubernetes.io/name: gateway}}
              template:
                metadata: {labels: {app.kubernetes.io/name: gateway}}
                spec:
                  containers:
                    - name: gateway
                      image: gateway:1
                      ports: [{name: http, containerPort: 8080}]
                      envFrom: [{configMapRef: {name: gateway-config}}]
                      env: [{name: QUARKUS_REDIS_PASSWORD, valueFrom: {secretKeyRef: {name: redis-auth, key: password}}}]
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: catalog, namespace: demo}
            spec:
              selector: {matchLabels: {app.kubernetes.io/name: catalog}}
              template:
                metadata: {labels: {app.kubernetes.io/name: catalog}}
                spec:
                  containers: [{name: catalog, image: catalog:1, ports: [{name: http, containerPort: 8081}]}]
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: gateway-config, namespace: demo}
            data:
              QUARKUS_REDIS_HOSTS: redis://redis:6379
              GATEWAY_RATE_LIMIT_REPLICAS: "2"
              GATEWAY_TRUSTED_PROXIES: 10.244.0.0/16, 192.168.1.10, fd00::/8
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: redis, namespace: demo}
            spec:
              serviceName: redis
              selector: {matchLabels: {app.kubernetes.io/name: redis}}
              template:
                metadata: {labels: {app.kubernetes.io/name: redis}}
                spec:
                  containers:
                    - name: redis
                      image: redis:7.2.5
                      args: [--requirepass, $(REDIS_PASSWORD)]
                      ports: [{name: redis, containerPort: 6379}]
                      env: [{name: REDIS_PASSWORD, valueFrom: {secretKeyRef: {name: redis-auth, key: password}}}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: redis, namespace: demo}
            spec: {selector: {app.kubernetes.io/name: redis}, ports: [{name: redis, port: 6379, targetPort: redis}]}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: redis, namespace: demo}
            spec:
              podSelector: {matchLabels: {app.kubernetes.io/name: redis}}
              policyTypes: [Ingress, Egress]
              ingress: [{from: [{podSelector: {matchLabels: {app.kubernetes.io/name: gateway}}}], ports: [{port: 6379}]}]
            """;

    private static RenderedOverlay good(String from, String to) {
        if (!GOOD.contains(from)) {
            throw new IllegalArgumentException("not in the good manifest: " + from);
        }
        return RenderedOverlay.fromYaml("test", GOOD.replace(from, to));
    }

    @Test
    void theGoodManifestKeepsEveryRule() {
        assertEquals(List.of(), SharedRateLimitRules.all(RenderedOverlay.fromYaml("test", GOOD)));
    }

    @Test
    void theStoreAdmittingOthersIsReported() {
        Problems.assertReported(SharedRateLimitRules.storeOnlyFromGateway(good("podSelector: {matchLabels: {app.kubernetes.io/name: gateway}}",
                "podSelector: {matchExpressions: [{key: app.kubernetes.io/name, operator: Exists}]}")),
                "NetworkPolicy demo/redis ingress[0]", "admits Deployment demo/catalog to StatefulSet demo/redis");
        Problems.assertReported(SharedRateLimitRules.storeOnlyFromGateway(good("[{from: [{podSelector: {matchLabels: {app.kubernetes.io/name: gateway}}}], ports",
                "[{from: [{namespaceSelector: {}, podSelector: {matchLabels: {app.kubernetes.io/name: gateway}}}], ports")), "admits pods of other namespaces");
        Problems.assertReported(SharedRateLimitRules.storeOnlyFromGateway(good("policyTypes: [Ingress, Egress]", "policyTypes: [Egress]")),
                "StatefulSet demo/redis", "no NetworkPolicy restricts its ingress");
        Problems.assertReported(SharedRateLimitRules.storeOnlyFromGateway(good("QUARKUS_REDIS_HOSTS: redis://redis:6379", "QUARKUS_REDIS_HOSTS: redis://cache:6379")),
                "names no Service of the overlay");
    }

    @Test
    void thePasswordIsChecked() {
        Problems.assertReported(SharedRateLimitRules.password(good("env: [{name: QUARKUS_REDIS_PASSWORD, valueFrom: {secretKeyRef: {name: redis-auth, key: password}}}]",
                "env: [{name: QUARKUS_REDIS_PASSWORD, value: secret}]")), "Deployment demo/gateway container gateway", "is not read from a Secret");
        Problems.assertReported(SharedRateLimitRules.password(good("{name: QUARKUS_REDIS_PASSWORD, valueFrom: {secretKeyRef: {name: redis-auth,",
                "{name: QUARKUS_REDIS_PASSWORD, valueFrom: {secretKeyRef: {name: redis-other,")), "reads Secret redis-other", "requires Secret redis-auth");
        Problems.assertReported(SharedRateLimitRules.password(good("args: [--requirepass, $(REDIS_PASSWORD)]", "args: [--save, \"\"]")),
                "StatefulSet demo/redis", "requires no password");
    }

    @Test
    void theFallbackShareIsChecked() {
        Problems.assertReported(SharedRateLimitRules.replicaShares(good("GATEWAY_RATE_LIMIT_REPLICAS: \"2\"", "GATEWAY_RATE_LIMIT_REPLICAS: \"1\"")),
                "GATEWAY_RATE_LIMIT_REPLICAS=1 but it runs up to 2 replicas");
        Problems.assertReported(SharedRateLimitRules.replicaShares(good("  GATEWAY_RATE_LIMIT_REPLICAS: \"2\"\n", "")), "no GATEWAY_RATE_LIMIT_REPLICAS");
        Problems.assertReported(SharedRateLimitRules.replicaShares(RenderedOverlay.fromYaml("test", GOOD + """
                ---
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: gateway, namespace: demo}
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: gateway}
                  minReplicas: 2
                  maxReplicas: 6
                """)), "GATEWAY_RATE_LIMIT_REPLICAS=2 but it runs up to 6 replicas");
    }

    @Test
    void trustedProxiesAreChecked() {
        Problems.assertReported(SharedRateLimitRules.trustedProxies(good("10.244.0.0/16, ", "ingress-nginx, ")), "entry 'ingress-nginx' is not an IP address or CIDR");
        Problems.assertReported(SharedRateLimitRules.trustedProxies(good("  GATEWAY_TRUSTED_PROXIES: 10.244.0.0/16, 192.168.1.10, fd00::/8\n", "")),
                "no GATEWAY_TRUSTED_PROXIES");
        assertTrue(SharedRateLimitRules.isAddressOrCidr("127.0.0.1"));
        assertFalse(SharedRateLimitRules.isAddressOrCidr("10.0.0.0/33"));
        assertFalse(SharedRateLimitRules.isAddressOrCidr("256.1.1.1"));
    }
}
