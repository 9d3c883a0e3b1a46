package eu.sovereignstack.deploy;

import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The MCP server in every overlay: one beside each gateway; only the gateway (and Prometheus) reach it, and the gateway
 * forwards to it; it listens on its container port, calls the catalog-service and the assessment-service of its
 * namespace, which accept every token it accepts; its public URL is the gateway's, and where there are Ingresses
 * they route {@code <MCP_PUBLIC_URL>/mcp} and its protected-resource metadata to the gateway.
 */
class McpServerTest {

    static Stream<String> overlays() {
        return Problems.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyGatewayHasAnMcpServerBesideIt(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.forChecks(overlay);
        assertFalse(McpServerRules.servers(rendered).isEmpty(), overlay + ": no " + McpServerRules.SERVER);
        Problems.assertNone(overlay, McpServerRules.present(rendered));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void onlyTheGatewayAndPrometheusReachIt(String overlay) {
        Problems.assertNone(overlay, McpServerRules.onlyFromGateway(RenderedOverlay.forChecks(overlay)));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theGatewayForwardsToIt(String overlay) {
        Problems.assertNone(overlay, McpServerRules.gatewayForwards(RenderedOverlay.forChecks(overlay)));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void itCallsTheServicesWithTokensTheyAccept(String overlay) {
        Problems.assertNone(overlay, McpServerRules.calls(RenderedOverlay.forChecks(overlay)));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void itListensOnItsContainerPort(String overlay) {
        Problems.assertNone(overlay, McpServerRules.listens(RenderedOverlay.forChecks(overlay)));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void itsPublicUrlIsTheGateways(String overlay) {
        Problems.assertNone(overlay, McpServerRules.publicUrl(RenderedOverlay.forChecks(overlay)));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void itsEndpointIsPublishedAtItsPublicUrl(String overlay) {
        Problems.assertNone(overlay, McpServerRules.published(RenderedOverlay.forChecks(overlay)));
    }

    /** Where the members are public, the Ingress check above has Ingresses to look at. */
    @ParameterizedTest
    @ValueSource(strings = {Repo.PRODUCTION, Repo.FEDERATION})
    void publicMembersHaveIngresses(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.forChecks(overlay);
        for (FederationRules.Workload server : McpServerRules.servers(rendered)) {
            assertFalse(rendered.all(Ingress.class).stream().noneMatch(i -> PodSets.namespace(i).equals(server.namespace())),
                    server.owner() + ": no Ingress in its namespace");
        }
    }

    // ---- the checks themselves

    /** One member: Keycloak with realm r, the gateway, the MCP server, catalog-service and assessment-service, policies, Ingress. */
    static final String GOOD = """
            apiVersion: k8s.keycloak.org/v2alpha1
            kind: Keycloak
            metadata: {name: keycloak, namespace: demo}
            spec: {hostname: {hostname: "https://id.example"}}
            ---
            apiVersion: k8s.keycloak.org/v2alpha1
            kind: KeycloakRealmImport
            metadata: {name: r, namespace: demo}
            spec: {keycloakCRName: keycloak, realm: {realm: r}}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: common, namespace: demo}
            data:
              SOVEREIGN_OIDC_URL: http://keycloak-service:8080/realms/r
              QUARKUS_OIDC_TOKEN_ISSUER: https://id.example/realms/r
              SOVEREIGN_OIDC_PARTNER_ENABLED: "false"
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: gateway-config, namespace: demo}
            data:
              GATEWAY_BACKENDS_MCP_URL: http://mcp-server:8084
              GATEWAY_PUBLIC_URL: https://suite.example
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: mcp-server-config, namespace: demo}
            data:
              QUARKUS_HTTP_PORT: "8084"
              QUARKUS_REST_CLIENT_CATALOG_URL: http://catalog-service:8081
              QUARKUS_REST_CLIENT_ASSESSMENT_URL: http://assessment-service:8082
              MCP_PUBLIC_URL: https://suite.example
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: gateway, namespace: demo}
            spec:
              selector: {matchLabels: {app.kubernetes.io/name: gateway}}
              template:
                metadata: {labels: {app.kubernetes.io/name: gateway}}
                spec:
                  containers:
                    - name: gateway
                      image: gateway:1
                      ports: [{name: http, containerPort: 8080}]
                      envFrom: [{configMapRef: {name: common}}, {configMapRef: {name: gateway-config}}]
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: mcp-server, namespace: demo}
            spec:
              selector: {matchLabels: {app.kubernetes.io/name: mcp-server}}
              template:
                metadata: {labels: {app.kubernetes.io/name: mcp-server}}
                spec:
                  containers:
                    - name: mcp-server
                      image: mcp-server:1
                      ports: [{name: http, containerPort: 8084}]
                      envFrom: [{configMapRef: {name: common}}, {configMapRef: {name: mcp-server-config}}]
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: catalog-service, namespace: demo}
            spec:
              selector: {matchLabels: {app.kubernetes.io/name: catalog-service}}
              template:
                metadata: {labels: {app.kubernetes.io/name: catalog-service}}
                spec:
                  containers:
                    - name: catalog-service
                      image: catalog-service:1
                      ports: [{name: http, containerPort: 8081}]
                      envFrom: [{configMapRef: {name: common}}]
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: assessment-service, namespace: demo}
            spec:
              selector: {matchLabels: {app.kubernetes.io/name: assessment-service}}
              template:
                metadata: {labels: {app.kubernetes.io/name: assessment-service}}
                spec:
                  containers:
                    - name: assessment-service
                      image: assessment-service:1
                      ports: [{name: http, containerPort: 8082}]
                      envFrom: [{configMapRef: {name: common}}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: gateway, namespace: demo}
            spec: {selector: {app.kubernetes.io/name: gateway}, ports: [{name: http, port: 8080, targetPort: http}]}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: mcp-server, namespace: demo}
            spec: {selector: {app.kubernetes.io/name: mcp-server}, ports: [{name: http, port: 8084, targetPort: http}]}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: catalog-service, namespace: demo}
            spec: {selector: {app.kubernetes.io/name: catalog-service}, ports: [{name: http, port: 8081, targetPort: http}]}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: assessment-service, namespace: demo}
            spec: {selector: {app.kubernetes.io/name: assessment-service}, ports: [{name: http, port: 8082, targetPort: http}]}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: default-deny, namespace: demo}
            spec: {podSelector: {}, policyTypes: [Ingress, Egress]}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: gateway, namespace: demo}
            spec:
              podSelector: {matchLabels: {app.kubernetes.io/name: gateway}}
              policyTypes: [Ingress, Egress]
              ingress:
                - from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ingress-nginx}}}]
                  ports: [{port: 8080}]
              egress:
                - to: [{podSelector: {matchLabels: {app.kubernetes.io/name: mcp-server}}}]
                  ports: [{port: 8084}]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: mcp-server, namespace: demo}
            spec:
              podSelector: {matchLabels: {app.kubernetes.io/name: mcp-server}}
              policyTypes: [Ingress, Egress]
              ingress:
                - from: [{podSelector: {matchLabels: {app.kubernetes.io/name: gateway}}}]
                  ports: [{port: 8084}]
              egress:
                - to: [{podSelector: {matchLabels: {app.kubernetes.io/name: catalog-service}}}]
                  ports: [{port: 8081}]
                - to: [{podSelector: {matchLabels: {app.kubernetes.io/name: assessment-service}}}]
                  ports: [{port: 8082}]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: services, namespace: demo}
            spec:
              podSelector: {matchExpressions: [{key: app.kubernetes.io/name, operator: In, values: [catalog-service, assessment-service]}]}
              policyTypes: [Ingress]
              ingress:
                - from: [{podSelector: {matchExpressions: [{key: app.kubernetes.io/name, operator: In, values: [gateway, mcp-server]}]}}]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: prometheus-scrape, namespace: demo}
            spec:
              podSelector: {matchExpressions: [{key: app.kubernetes.io/name, operator: In, values: [gateway, mcp-server]}]}
              policyTypes: [Ingress]
              ingress:
                - from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring}}, podSelector: {matchLabels: {app.kubernetes.io/name: prometheus}}}]
                  ports: [{port: http}]
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: gateway, namespace: demo}
            spec:
              tls: [{hosts: [suite.example], secretName: gateway-tls}]
              rules:
                - host: suite.example
                  http:
                    paths:
                      - {path: /api/, pathType: Prefix, backend: {service: {name: gateway, port: {name: http}}}}
                      - {path: /mcp, pathType: Prefix, backend: {service: {name: gateway, port: {name: http}}}}
                      - {path: /.well-known/oauth-protected-resource, pathType: Prefix, backend: {service: {name: gateway, port: {name: http}}}}
            """;

    /** The good manifest with each {@code from} replaced by the {@code to} after it (each must be there). */
    private static RenderedOverlay good(String... fromTo) {
        String yaml = GOOD;
        for (int i = 0; i < fromTo.length; i += 2) {
            if (!yaml.contains(fromTo[i])) {
                throw new IllegalArgumentException("not in the good manifest: " + fromTo[i]);
            }
            yaml = yaml.replace(fromTo[i], fromTo[i + 1]);
        }
        return RenderedOverlay.fromYaml("test", yaml);
    }

    private static final String FROM_GATEWAY = "from: [{podSelector: {matchLabels: {app.kubernetes.io/name: gateway}}}]\n      ports: [{port: 8084}]";
    private static final String MCP_PATH = "          - {path: /mcp, pathType: Prefix, backend: {service: {name: gateway, port: {name: http}}}}\n";

    @Test
    void theGoodManifestKeepsEveryRule() {
        assertEquals(List.of(), McpServerRules.all(RenderedOverlay.fromYaml("test", GOOD)));
    }

    @Test
    void aGatewayWithoutAnMcpServerIsReported() {
        Problems.assertReported(McpServerRules.present(RenderedOverlay.fromYaml("test", GOOD + """
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: gateway, namespace: other}
                spec:
                  selector: {matchLabels: {app.kubernetes.io/name: gateway}}
                  template:
                    metadata: {labels: {app.kubernetes.io/name: gateway}}
                    spec: {containers: [{name: gateway, image: gateway:1}]}
                """)), "namespace 'other' runs a gateway but no mcp-server");
    }

    @Test
    void peersOtherThanTheGatewayAreReported() {
        Problems.assertReported(McpServerRules.onlyFromGateway(good(FROM_GATEWAY,
                        "from: [{podSelector: {matchExpressions: [{key: app.kubernetes.io/name, operator: Exists}]}}]\n      ports: [{port: 8084}]")),
                "NetworkPolicy demo/mcp-server ingress[0]", "admits Deployment demo/catalog-service to Deployment demo/mcp-server");
        Problems.assertReported(McpServerRules.onlyFromGateway(good(FROM_GATEWAY, "from: [{podSelector: {}}]\n      ports: [{port: 8084}]")),
                "NetworkPolicy demo/mcp-server ingress[0]", "admits every pod of its namespace");
        Problems.assertReported(McpServerRules.onlyFromGateway(good(FROM_GATEWAY, "from: [{ipBlock: {cidr: 10.0.0.0/8}}]\n      ports: [{port: 8084}]")),
                "admits addresses 10.0.0.0/8");
        Problems.assertReported(McpServerRules.onlyFromGateway(good(
                        "{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring}}, podSelector", "{namespaceSelector: {}, podSelector")),
                "NetworkPolicy demo/prometheus-scrape ingress[0]", "admits pods of other namespaces");
        List<String> fromController = McpServerRules.onlyFromGateway(good(FROM_GATEWAY,
                "from: [{podSelector: {matchLabels: {app.kubernetes.io/name: gateway}}}, {namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ingress-nginx}}}]"
                        + "\n      ports: [{port: 8084}]"));
        Problems.assertReported(fromController, "NetworkPolicy demo/mcp-server ingress[0]", "admits pods of other namespaces");
        Problems.assertReported(fromController, "ingress controller (namespace ingress-nginx) -> Deployment demo/mcp-server port 8084", "only the gateway may call the MCP server");
        // Nothing restricts its ingress: not its own policy, not default-deny, not the scrape policy.
        Problems.assertReported(McpServerRules.onlyFromGateway(good(
                        "podSelector: {matchLabels: {app.kubernetes.io/name: mcp-server}}\n  policyTypes: [Ingress, Egress]",
                        "podSelector: {matchLabels: {app.kubernetes.io/name: mcp-server}}\n  policyTypes: [Egress]",
                        "spec: {podSelector: {}, policyTypes: [Ingress, Egress]}", "spec: {podSelector: {}, policyTypes: [Egress]}",
                        "values: [gateway, mcp-server]}]}\n  policyTypes: [Ingress]", "values: [gateway]}]}\n  policyTypes: [Ingress]")),
                "Deployment demo/mcp-server", "no NetworkPolicy restricts its ingress");
    }

    @Test
    void aGatewayThatDoesNotForwardToItIsReported() {
        Problems.assertReported(McpServerRules.gatewayForwards(good("GATEWAY_BACKENDS_MCP_URL: http://mcp-server:8084", "GATEWAY_BACKENDS_MCP_URL: http://catalog-service:8081")),
                "Deployment demo/gateway", "GATEWAY_BACKENDS_MCP_URL=http://catalog-service:8081 names [Deployment demo/catalog-service], not Deployment demo/mcp-server");
        Problems.assertReported(McpServerRules.gatewayForwards(good("  GATEWAY_BACKENDS_MCP_URL: http://mcp-server:8084\n", "")),
                "Deployment demo/gateway", "no GATEWAY_BACKENDS_MCP_URL");
        Problems.assertReported(McpServerRules.gatewayForwards(good(
                        "to: [{podSelector: {matchLabels: {app.kubernetes.io/name: mcp-server}}}]\n      ports: [{port: 8084}]",
                        "to: [{podSelector: {matchLabels: {app.kubernetes.io/name: mcp-server}}}]\n      ports: [{port: 8085}]")),
                "Deployment demo/gateway -> Deployment demo/mcp-server port 8084", "the gateway's NetworkPolicies do not let it reach the MCP server");
        Problems.assertReported(McpServerRules.gatewayForwards(good(FROM_GATEWAY, FROM_GATEWAY.replace("8084", "8080"))),
                "Deployment demo/gateway -> Deployment demo/mcp-server port 8084", "the MCP server's NetworkPolicies do not admit the gateway");
    }

    @Test
    void callsToTheWrongServiceOrWithTokensTheyRefuseAreReported() {
        Problems.assertReported(McpServerRules.calls(good("QUARKUS_REST_CLIENT_CATALOG_URL: http://catalog-service:8081",
                        "QUARKUS_REST_CLIENT_CATALOG_URL: http://assessment-service:8082")),
                "Deployment demo/mcp-server", "QUARKUS_REST_CLIENT_CATALOG_URL=http://assessment-service:8082 names [Deployment demo/assessment-service],"
                        + " not Deployment demo/catalog-service");
        Problems.assertReported(McpServerRules.calls(good("  QUARKUS_REST_CLIENT_ASSESSMENT_URL: http://assessment-service:8082\n", "")),
                "Deployment demo/mcp-server", "no QUARKUS_REST_CLIENT_ASSESSMENT_URL");
        Problems.assertReported(McpServerRules.calls(good("values: [gateway, mcp-server]}]}}]\n", "values: [gateway]}]}}]\n")),
                "Deployment demo/mcp-server -> Deployment demo/catalog-service port 8081", "do not let the MCP server call catalog-service");
        // Trusting a partner member's realm, as a federation member's gateway and catalog-service do: the assessment-service
        // trusts only its own, so it would refuse those callers' tokens.
        Problems.assertReported(McpServerRules.calls(good("  MCP_PUBLIC_URL: https://suite.example\n", "  MCP_PUBLIC_URL: https://suite.example\n"
                        + "  SOVEREIGN_OIDC_PARTNER_ENABLED: \"true\"\n"
                        + "  SOVEREIGN_OIDC_PARTNER_URL: http://keycloak-service.partner.svc:8080/realms/p\n"
                        + "  QUARKUS_OIDC_PARTNER_TOKEN_ISSUER: https://id.partner.example/realms/p\n")),
                "Deployment demo/mcp-server tenant partner",
                "accepts tokens of https://id.partner.example/realms/p, which Deployment demo/assessment-service does not accept");
        Problems.assertReported(McpServerRules.calls(good("  MCP_PUBLIC_URL: https://suite.example\n",
                        "  MCP_PUBLIC_URL: https://suite.example\n  QUARKUS_OIDC_TOKEN_ISSUER: https://id.other.example/realms/r\n")),
                "Deployment demo/mcp-server: its own realm's issuer is https://id.other.example/realms/r",
                "Deployment demo/catalog-service's is https://id.example/realms/r");
        Problems.assertReported(McpServerRules.calls(good("envFrom: [{configMapRef: {name: common}}, {configMapRef: {name: mcp-server-config}}]",
                        "envFrom: [{configMapRef: {name: mcp-server-config}}]")),
                "Deployment demo/mcp-server", "no SOVEREIGN_OIDC_URL");
    }

    @Test
    void aPortOtherThanItsContainerPortIsReported() {
        Problems.assertReported(McpServerRules.listens(good("QUARKUS_HTTP_PORT: \"8084\"", "QUARKUS_HTTP_PORT: \"8080\"")),
                "Deployment demo/mcp-server", "QUARKUS_HTTP_PORT=8080, but its container port http is 8084");
        Problems.assertReported(McpServerRules.listens(good("  QUARKUS_HTTP_PORT: \"8084\"\n", "")), "Deployment demo/mcp-server", "no QUARKUS_HTTP_PORT");
    }

    @Test
    void aPublicUrlThatIsNotTheGatewaysIsReported() {
        Problems.assertReported(McpServerRules.publicUrl(good("MCP_PUBLIC_URL: https://suite.example", "MCP_PUBLIC_URL: https://suite.example/")),
                "Deployment demo/mcp-server", "MCP_PUBLIC_URL=https://suite.example/ is not <scheme>://<host>[:<port>]");
        Problems.assertReported(McpServerRules.publicUrl(good("MCP_PUBLIC_URL: https://suite.example", "MCP_PUBLIC_URL: https://suite.example/mcp")),
                "MCP_PUBLIC_URL=https://suite.example/mcp is not <scheme>://<host>[:<port>] (no path");
        Problems.assertReported(McpServerRules.publicUrl(good("MCP_PUBLIC_URL: https://suite.example", "MCP_PUBLIC_URL: https://mcp.example")),
                "Deployment demo/mcp-server", "MCP_PUBLIC_URL=https://mcp.example is not Deployment demo/gateway's GATEWAY_PUBLIC_URL=https://suite.example");
        Problems.assertReported(McpServerRules.publicUrl(good("  GATEWAY_PUBLIC_URL: https://suite.example\n", "")),
                "Deployment demo/gateway: no GATEWAY_PUBLIC_URL");
        Problems.assertReported(McpServerRules.publicUrl(good("https://suite.example", "http://suite.example")),
                "MCP_PUBLIC_URL=http://suite.example is plain http");
        // dev: the gateway port-forwarded to this machine
        assertEquals(List.of(), McpServerRules.publicUrl(good("https://suite.example", "http://localhost:8080")));
    }

    @Test
    void anEndpointTheIngressDoesNotRouteToTheGatewayIsReported() {
        Problems.assertReported(McpServerRules.published(good(MCP_PATH, "")),
                "Deployment demo/mcp-server", "no Ingress rule of the host suite.example publishes /mcp");
        Problems.assertReported(McpServerRules.published(good(MCP_PATH, MCP_PATH
                        + "          - {path: /.well-known/oauth-protected-resource/mcp, pathType: Exact, backend: {service: {name: catalog-service, port: {name: http}}}}\n")),
                "Ingress demo/gateway path /.well-known/oauth-protected-resource/mcp routes https://suite.example/.well-known/oauth-protected-resource/mcp"
                        + " to Service catalog-service, not the gateway's [gateway]");
        // A less specific path elsewhere takes nothing from the gateway.
        assertEquals(List.of(), McpServerRules.published(good(MCP_PATH, MCP_PATH
                + "          - {path: /.well-known, pathType: Prefix, backend: {service: {name: catalog-service, port: {name: http}}}}\n")));
        Problems.assertReported(McpServerRules.published(good("    - host: suite.example", "    - host: api.example")),
                "Deployment demo/mcp-server", "no Ingress rule of the host suite.example");
        Problems.assertReported(McpServerRules.published(good("tls: [{hosts: [suite.example]", "tls: [{hosts: [api.example]")),
                "Ingress demo/gateway path /mcp", "the host suite.example is in none of its spec.tls hosts");
        // No Ingress (dev's port-forward): nothing to check.
        assertEquals(List.of(), McpServerRules.published(RenderedOverlay.fromYaml("test",
                GOOD.substring(0, GOOD.indexOf("---\napiVersion: networking.k8s.io/v1\nkind: Ingress")))));
    }
}
