package eu.sovereignstack.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * NetworkPolicies of every overlay: each selects pods that exist (its podSelector, or {} for the whole namespace,
 * and the pod selectors of its peers, with the operators' pod labels known for their resources); each namespace with
 * workloads has a default-deny policy for ingress and egress; restricted pods can still resolve names; pods behind a
 * Service are allowed some ingress; every connection the configuration implies is allowed, and nothing opens between
 * namespaces that no configuration uses (in the federation: exactly the feeds and the keys of the trusted realms).
 */
class NetworkPolicyTest {

    static Stream<String> overlays() {
        return Problems.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void policiesSelectExistingPods(String overlay) {
        Problems.assertNone(overlay, NetworkPolicyRules.selectors(RenderedOverlay.forChecks(overlay)));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyNamespaceWithWorkloadsDeniesByDefault(String overlay) {
        Problems.assertNone(overlay, NetworkPolicyRules.defaultDeny(RenderedOverlay.forChecks(overlay)));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void restrictedPodsCanResolveNames(String overlay) {
        Problems.assertNone(overlay, NetworkPolicyRules.dns(RenderedOverlay.forChecks(overlay)));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void podsBehindAServiceAreReachable(String overlay) {
        Problems.assertNone(overlay, NetworkPolicyRules.servedPodsReachable(RenderedOverlay.forChecks(overlay)));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theConnectionsTheConfigurationImpliesAreAllowed(String overlay) {
        Problems.assertNone(overlay, Flows.blocked(RenderedOverlay.forChecks(overlay)));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void openingsBetweenNamespacesServeConfiguredConnections(String overlay) {
        Problems.assertNone(overlay, Flows.unusedAcrossNamespaces(RenderedOverlay.forChecks(overlay)));
    }

    /**
     * Everything that crosses between the federation's member namespaces: each catalog node reads the other's
     * change feed through the other's gateway, and the node and the gateway of each member fetch the keys of the
     * other member's realm, which they trust. Nothing else: no shared catalog, no assessment-service or database
     * across members, no token fetched from the other member's Keycloak.
     */
    static final List<String> FEDERATION_ACROSS_NAMESPACES = List.of(
            "Deployment sovereign-member-a/catalog-service -> Deployment sovereign-member-b/gateway port 8080",
            "Deployment sovereign-member-a/catalog-service -> Keycloak sovereign-member-b/keycloak port 8080",
            "Deployment sovereign-member-a/gateway -> Keycloak sovereign-member-b/keycloak port 8080",
            "Deployment sovereign-member-b/catalog-service -> Deployment sovereign-member-a/gateway port 8080",
            "Deployment sovereign-member-b/catalog-service -> Keycloak sovereign-member-a/keycloak port 8080",
            "Deployment sovereign-member-b/gateway -> Keycloak sovereign-member-a/keycloak port 8080");

    @Test
    void federationMembersReachEachOtherForTheFeedsAndTheKeysOnly() {
        RenderedOverlay federation = RenderedOverlay.forChecks(Repo.FEDERATION);
        assertEquals(FEDERATION_ACROSS_NAMESPACES, routes(Flows.allowedAcrossNamespaces(federation)),
                "the connections the NetworkPolicies allow between the members' namespaces");
        assertEquals(FEDERATION_ACROSS_NAMESPACES, routes(Flows.impliedAcrossNamespaces(federation)),
                "the connections the configuration makes between the members' namespaces");
    }

    private static List<String> routes(List<Flows.Flow> flows) {
        return flows.stream().map(Flows.Flow::route).distinct().sorted().toList();
    }

    // ---- the checks themselves

    static final String GOOD = WorkloadInvariantsTest.GOOD + """
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: default-deny, namespace: demo}
            spec:
              podSelector: {}
              policyTypes: [Ingress, Egress]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: allow-dns, namespace: demo}
            spec:
              podSelector: {}
              policyTypes: [Egress]
              egress:
                - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}}]
                  ports: [{protocol: UDP, port: 53}]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: web, namespace: demo}
            spec:
              podSelector: {matchLabels: {app: web}}
              policyTypes: [Ingress, Egress]
              ingress:
                - from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ingress-nginx}}}]
                  ports: [{port: http}]
              egress:
                - to: [{podSelector: {matchLabels: {cnpg.io/cluster: pg}}}]
                  ports: [{port: 5432}]
            ---
            apiVersion: postgresql.cnpg.io/v1
            kind: Cluster
            metadata: {name: pg, namespace: demo}
            spec: {instances: 1}
            """;

    private static RenderedOverlay good(String from, String to) {
        if (!GOOD.contains(from)) {
            throw new IllegalArgumentException("not in the good manifest: " + from);
        }
        return RenderedOverlay.fromYaml("test", GOOD.replace(from, to));
    }

    @Test
    void theGoodManifestKeepsEveryRule() {
        assertEquals(List.of(), NetworkPolicyRules.all(RenderedOverlay.fromYaml("test", GOOD)));
    }

    @Test
    void aPodSelectorThatSelectsNothingIsReported() {
        Problems.assertReported(NetworkPolicyRules.selectors(good("podSelector: {matchLabels: {app: web}}", "podSelector: {matchLabels: {app: wbe}}")),
                "NetworkPolicy demo/web", "selects no pods in namespace 'demo'");
        Problems.assertReported(NetworkPolicyRules.selectors(good("cnpg.io/cluster: pg", "cnpg.io/cluster: postgres")),
                "NetworkPolicy demo/web egress[0].to", "selects no pods");
        Problems.assertReported(NetworkPolicyRules.selectors(good("ports: [{port: http}]", "ports: [{port: https}]")),
                "NetworkPolicy demo/web ingress[0]", "port https is a port of none of");
    }

    /** Two services: front reads back's URL and the database Secret; every connection allowed. */
    static final String CONNECTED = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: front, namespace: demo}
            spec:
              selector: {matchLabels: {app: front}}
              template:
                metadata: {labels: {app: front}}
                spec:
                  containers:
                    - name: front
                      image: front:1
                      env:
                        - {name: BACK_URL, value: "http://back:80/api"}
                        - {name: DB_PASSWORD, valueFrom: {secretKeyRef: {name: pg-app, key: password}}}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: back, namespace: demo}
            spec:
              selector: {matchLabels: {app: back}}
              template:
                metadata: {labels: {app: back}}
                spec:
                  containers: [{name: back, image: back:1, ports: [{name: http, containerPort: 8080}]}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: back, namespace: demo}
            spec: {selector: {app: back}, ports: [{port: 80, targetPort: http}]}
            ---
            apiVersion: postgresql.cnpg.io/v1
            kind: Cluster
            metadata: {name: pg, namespace: demo}
            spec: {instances: 1}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: default-deny, namespace: demo}
            spec: {podSelector: {}, policyTypes: [Ingress, Egress]}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: front, namespace: demo}
            spec:
              podSelector: {matchLabels: {app: front}}
              policyTypes: [Egress]
              egress:
                - {to: [{podSelector: {matchLabels: {app: back}}}], ports: [{port: http}]}
                - {to: [{podSelector: {matchLabels: {cnpg.io/cluster: pg}}}], ports: [{port: 5432}]}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: back, namespace: demo}
            spec:
              podSelector: {matchLabels: {app: back}}
              policyTypes: [Ingress]
              ingress: [{from: [{podSelector: {matchLabels: {app: front}}}], ports: [{port: 8080}]}]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: pg, namespace: demo}
            spec:
              podSelector: {matchLabels: {cnpg.io/cluster: pg}}
              policyTypes: [Ingress]
              ingress: [{from: [{podSelector: {matchLabels: {app: front}}}], ports: [{port: 5432}]}]
            """;

    @Test
    void allowedConnectionsPass() {
        assertEquals(List.of(), Flows.blocked(RenderedOverlay.fromYaml("test", CONNECTED)));
        assertEquals(3, Flows.implied(RenderedOverlay.fromYaml("test", CONNECTED), new ArrayList<>()).size());
    }

    @Test
    void blockedConnectionsAreReported() {
        Problems.assertReported(Flows.blocked(RenderedOverlay.fromYaml("test", CONNECTED.replace("ports: [{port: 8080}]", "ports: [{port: 8443}]"))),
                "Deployment demo/front -> Deployment demo/back port 8080", "no NetworkPolicy of the destination allows this ingress");
        Problems.assertReported(Flows.blocked(RenderedOverlay.fromYaml("test", CONNECTED.replace("cnpg.io/cluster: pg}}}], ports: [{port: 5432}]}",
                        "cnpg.io/cluster: pq}}}], ports: [{port: 5432}]}"))),
                "Deployment demo/front -> Cluster demo/pg (primary) port 5432", "egress");
        Problems.assertReported(Flows.blocked(RenderedOverlay.fromYaml("test", CONNECTED.replace("http://back:80/api", "http://bakc:80/api"))),
                "Deployment demo/front", "http://bakc:80/api names no Service");
    }

    @Test
    void anIngressBackendTheControllerCannotReachIsReported() {
        String ingress = """
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: public, namespace: demo}
                spec:
                  rules: [{host: a.example.org, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: back, port: {number: 80}}}}]}}]
                """;
        Problems.assertReported(Flows.blocked(RenderedOverlay.fromYaml("test", CONNECTED + ingress)),
                "ingress controller -> Deployment demo/back port 8080", "admits the ingress controller");
        String admitted = CONNECTED.replace("ingress: [{from: [{podSelector: {matchLabels: {app: front}}}], ports: [{port: 8080}]}]",
                "ingress: [{from: [{podSelector: {matchLabels: {app: front}}}], ports: [{port: 8080}]},"
                        + " {from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ingress-nginx}}}], ports: [{port: http}]}]");
        assertEquals(List.of(), Flows.blocked(RenderedOverlay.fromYaml("test", admitted + ingress)));
    }

    @Test
    void aMissingDefaultDenyIsReported() {
        Problems.assertReported(NetworkPolicyRules.defaultDeny(good("  policyTypes: [Ingress, Egress]\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: allow-dns",
                "  policyTypes: [Ingress]\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: allow-dns")),
                "namespace 'demo' has workloads but no default-deny NetworkPolicy");
    }

    @Test
    void missingDnsEgressIsReported() {
        Problems.assertReported(NetworkPolicyRules.dns(good("port: 53", "port: 54")),
                "Deployment demo/web", "no NetworkPolicy allows DNS");
    }

    @Test
    void servedPodsWithoutIngressAreReported() {
        Problems.assertReported(NetworkPolicyRules.servedPodsReachable(good(
                "  ingress:\n    - from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ingress-nginx}}}]\n      ports: [{port: http}]\n", "")),
                "Deployment demo/web", "no NetworkPolicy allows any ingress");
    }

    /** front in namespace x calls back in namespace y (BACK_URL); the policies of both admit exactly that. */
    static final String ACROSS = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: front, namespace: x}
            spec:
              selector: {matchLabels: {app: front}}
              template:
                metadata: {labels: {app: front}}
                spec:
                  containers:
                    - name: front
                      image: front:1
                      env: [{name: BACK_URL, value: "http://back.y.svc:80"}]
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: back, namespace: y}
            spec:
              selector: {matchLabels: {app: back}}
              template:
                metadata: {labels: {app: back}}
                spec:
                  containers: [{name: back, image: back:1, ports: [{name: http, containerPort: 8080}, {name: admin, containerPort: 9000}]}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: back, namespace: y}
            spec: {selector: {app: back}, ports: [{port: 80, targetPort: http}]}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: front, namespace: x}
            spec:
              podSelector: {matchLabels: {app: front}}
              policyTypes: [Egress]
              egress:
                - to: [{namespaceSelector: {matchExpressions: [{key: kubernetes.io/metadata.name, operator: In, values: [y]}]}, podSelector: {matchLabels: {app: back}}}]
                  ports: [{port: 8080}]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: back, namespace: y}
            spec:
              podSelector: {matchLabels: {app: back}}
              policyTypes: [Ingress]
              ingress:
                - from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: x}}, podSelector: {matchLabels: {app: front}}}]
                  ports: [{port: http}]
            """;

    @Test
    void connectionsAcrossNamespacesAreThoseBothPoliciesAllow() {
        RenderedOverlay across = RenderedOverlay.fromYaml("test", ACROSS);
        assertEquals(List.of("Deployment x/front -> Deployment y/back port 8080"), routes(Flows.allowedAcrossNamespaces(across)));
        assertEquals(List.of("Deployment x/front -> Deployment y/back port 8080"), routes(Flows.impliedAcrossNamespaces(across)));
        assertEquals(List.of(), Flows.unusedAcrossNamespaces(across));
        assertEquals(List.of(), Flows.blocked(across));
        // the destination admitting every port adds only the ports the source's egress allows
        assertEquals(List.of("Deployment x/front -> Deployment y/back port 8080"), routes(Flows.allowedAcrossNamespaces(
                RenderedOverlay.fromYaml("test", ACROSS.replace("      ports: [{port: http}]\n", "")))));
    }

    @Test
    void anOpeningAcrossNamespacesNoConfigurationUsesIsReported() {
        Problems.assertReported(Flows.unusedAcrossNamespaces(RenderedOverlay.fromYaml("test",
                        ACROSS.replace("env: [{name: BACK_URL, value: \"http://back.y.svc:80\"}]", "env: [{name: BACK_HOST, value: back.y.svc}]"))),
                "Deployment x/front -> Deployment y/back port 8080", "the NetworkPolicies of both ends allow it", "no configuration uses it");
        // One end open on its own is reported too: back admits any port, of which front uses only 8080.
        List<String> problems = Flows.unusedAcrossNamespaces(RenderedOverlay.fromYaml("test", ACROSS.replace("      ports: [{port: http}]\n", "")));
        Problems.assertReported(problems, "Deployment x/front -> Deployment y/back port 9000", "the destination's ingress allows it");
        assertEquals(1, problems.size(), problems::toString);
        // A list of name=URL (a catalog node's peers) is a connection too.
        assertEquals(List.of(), Flows.unusedAcrossNamespaces(RenderedOverlay.fromYaml("test",
                ACROSS.replace("env: [{name: BACK_URL, value: \"http://back.y.svc:80\"}]",
                        "env: [{name: CATALOG_FEDERATION_PEERS, value: \"back=http://back.y.svc:80/api/v1/catalog\"}]"))));
    }

    @Test
    void aNamespaceListPeerThatSelectsNoPodsIsReported() {
        Problems.assertReported(NetworkPolicyRules.selectors(RenderedOverlay.fromYaml("test",
                        ACROSS.replace("values: [y]}]}, podSelector: {matchLabels: {app: back}}", "values: [y]}]}, podSelector: {matchLabels: {app: bakc}}"))),
                "NetworkPolicy x/front egress[0].to", "selects no pods in namespace 'y'");
        Problems.assertReported(NetworkPolicyRules.selectors(RenderedOverlay.fromYaml("test", ACROSS.replace("ports: [{port: 8080}]", "ports: [{port: 8443}]"))),
                "NetworkPolicy x/front egress[0]", "port 8443 is a port of none of");
    }
}
