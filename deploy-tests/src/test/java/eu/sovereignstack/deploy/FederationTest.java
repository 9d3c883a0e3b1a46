package eu.sovereignstack.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The settings that make catalog nodes a federation agree, in every overlay: each service's OIDC tenants name realms
 * of the overlay with their real issuers; each catalog node's issuer is its own realm's; a node that follows peers
 * gets its feed token from its own realm with that realm's client secret (read from a Secret) and the feed's roles;
 * each peer is another member's gateway, in front of a node of that name, and both trust the follower. In the
 * federation example every node follows every other one.
 */
class FederationTest {

    static Stream<String> overlays() {
        return Problems.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void tenantsNameRealmsOfTheOverlayWithTheirIssuers(String overlay) {
        Problems.assertNone(overlay, FederationRules.issuers(RenderedOverlay.forChecks(overlay)));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void catalogNodesHaveTheirMembersIssuer(String overlay) {
        Problems.assertNone(overlay, FederationRules.nodeIssuers(RenderedOverlay.forChecks(overlay)));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void feedTokensComeFromTheNodesOwnRealm(String overlay) {
        Problems.assertNone(overlay, FederationRules.feedTokens(RenderedOverlay.forChecks(overlay)));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void peersAreOtherMembersGatewaysThatTrustTheFollower(String overlay) {
        Problems.assertNone(overlay, FederationRules.peers(RenderedOverlay.forChecks(overlay)));
    }

    @Test
    void federationNodesFollowEachOther() {
        RenderedOverlay federation = RenderedOverlay.forChecks(Repo.FEDERATION);
        assertEquals(List.of("sovereign-member-a", "sovereign-member-b"),
                FederationRules.nodes(federation).stream().map(FederationRules.Workload::namespace).sorted().toList());
        Problems.assertNone(Repo.FEDERATION, FederationRules.everyNodeFollowsEveryOther(federation));
    }

    // ---- the checks themselves

    /** One member in namespace %1$s (realm %1$s, node node-%1$s) whose node follows the member in namespace %2$s. */
    private static final String MEMBER = """
            apiVersion: k8s.keycloak.org/v2alpha1
            kind: Keycloak
            metadata: {name: keycloak, namespace: %1$s}
            spec: {hostname: {hostname: "https://id.%1$s.example"}}
            ---
            apiVersion: k8s.keycloak.org/v2alpha1
            kind: KeycloakRealmImport
            metadata: {name: %1$s, namespace: %1$s}
            spec:
              keycloakCRName: keycloak
              realm:
                realm: %1$s
                clients: [{clientId: sovereign-services, secret: secret-%1$s}]
                users: [{username: service-account-sovereign-services, serviceAccountClientId: sovereign-services, realmRoles: [catalog-viewer, catalog-auditor]}]
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: sovereign-services-client, namespace: %1$s}
            stringData: {client-secret: secret-%1$s}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: common, namespace: %1$s}
            data:
              SOVEREIGN_OIDC_URL: http://keycloak-service:8080/realms/%1$s
              QUARKUS_OIDC_TOKEN_ISSUER: https://id.%1$s.example/realms/%1$s
              SOVEREIGN_OIDC_PARTNER_ENABLED: "false"
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: trust, namespace: %1$s}
            data:
              SOVEREIGN_OIDC_PARTNER_ENABLED: "true"
              SOVEREIGN_OIDC_PARTNER_URL: http://keycloak-service.%2$s.svc:8080/realms/%2$s
              QUARKUS_OIDC_PARTNER_TOKEN_ISSUER: https://id.%2$s.example/realms/%2$s
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: node, namespace: %1$s}
            data:
              CATALOG_NODE_NAME: node-%1$s
              CATALOG_NODE_ISSUER: https://id.%1$s.example/realms/%1$s
              CATALOG_FEDERATION_PEERS: node-%2$s=http://gateway.%2$s.svc:8080/api/v1/catalog
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: gateway-config, namespace: %1$s}
            data: {GATEWAY_BACKENDS_CATALOG_URL: "http://catalog-service:8081"}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: gateway, namespace: %1$s}
            spec:
              selector: {matchLabels: {app: gateway}}
              template:
                metadata: {labels: {app: gateway}}
                spec:
                  containers:
                    - name: gateway
                      image: gateway:1
                      ports: [{name: http, containerPort: 8080}]
                      envFrom: [{configMapRef: {name: common}}, {configMapRef: {name: gateway-config}}, {configMapRef: {name: trust}}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: gateway, namespace: %1$s}
            spec: {selector: {app: gateway}, ports: [{port: 8080, targetPort: http}]}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: catalog-service, namespace: %1$s}
            spec:
              selector: {matchLabels: {app: catalog}}
              template:
                metadata: {labels: {app: catalog}}
                spec:
                  containers:
                    - name: catalog-service
                      image: catalog:1
                      ports: [{name: http, containerPort: 8081}]
                      envFrom: [{configMapRef: {name: common}}, {configMapRef: {name: node}}, {configMapRef: {name: trust}}]
                      env:
                        - {name: CATALOG_FEDERATION_CLIENT_SECRET, valueFrom: {secretKeyRef: {name: sovereign-services-client, key: client-secret}}}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: catalog-service, namespace: %1$s}
            spec: {selector: {app: catalog}, ports: [{port: 8081, targetPort: http}]}
            """;

    /** Members a and b, each node following the other. */
    static final String FEDERATION = MEMBER.formatted("a", "b") + "---\n" + MEMBER.formatted("b", "a");

    /** The federation with each {@code from} replaced (its first occurrence: in member a where both have it) by the {@code to} after it. */
    private static RenderedOverlay federation(String... fromTo) {
        String yaml = FEDERATION;
        for (int i = 0; i < fromTo.length; i += 2) {
            if (!yaml.contains(fromTo[i])) {
                throw new IllegalArgumentException("not in the federation manifest: " + fromTo[i]);
            }
            yaml = yaml.replaceFirst(Pattern.quote(fromTo[i]), Matcher.quoteReplacement(fromTo[i + 1]));
        }
        return RenderedOverlay.fromYaml("test", yaml);
    }

    @Test
    void theGoodFederationKeepsEveryRule() {
        RenderedOverlay good = RenderedOverlay.fromYaml("test", FEDERATION);
        assertEquals(List.of(), FederationRules.all(good));
        assertEquals(List.of(), FederationRules.everyNodeFollowsEveryOther(good));
    }

    @Test
    void theLastSourceOfAVariableWins() {
        // common says partner disabled, trust (read after it) enabled: the gateway has the partner tenant.
        RenderedOverlay good = RenderedOverlay.fromYaml("test", FEDERATION);
        FederationRules.Workload gateway = FederationRules.workloads(good).get(0);
        assertEquals("Deployment a/gateway", gateway.owner());
        assertEquals(List.of("default", "partner"), FederationRules.tenants(gateway).stream().map(FederationRules.Tenant::name).toList());
        // trust read first: common's false wins, and b's node is refused by a's gateway.
        Problems.assertReported(FederationRules.peers(federation(
                        "envFrom: [{configMapRef: {name: common}}, {configMapRef: {name: gateway-config}}, {configMapRef: {name: trust}}]",
                        "envFrom: [{configMapRef: {name: trust}}, {configMapRef: {name: common}}, {configMapRef: {name: gateway-config}}]")),
                "Deployment b/catalog-service peer node-a", "Deployment a/gateway does not trust this node's issuer https://id.b.example/realms/b");
        // an env entry wins over every envFrom.
        ContainerEnv env = ContainerEnv.of(good, "a", FederationRules.nodes(good).get(0).container());
        assertEquals(true, env.value("CATALOG_FEDERATION_CLIENT_SECRET").orElseThrow().fromSecret());
        assertEquals("true", env.literal("SOVEREIGN_OIDC_PARTNER_ENABLED").orElseThrow());
    }

    @Test
    void aTenantWithAnotherIssuerThanItsRealmIsReported() {
        Problems.assertReported(FederationRules.issuers(federation("QUARKUS_OIDC_PARTNER_TOKEN_ISSUER: https://id.b.example/realms/b",
                        "QUARKUS_OIDC_PARTNER_TOKEN_ISSUER: https://id.old-b.example/realms/b")),
                "Deployment a/gateway tenant partner", "is not the issuer of the realm it names (https://id.b.example/realms/b");
        Problems.assertReported(FederationRules.issuers(federation("SOVEREIGN_OIDC_PARTNER_URL: http://keycloak-service.b.svc:8080/realms/b",
                        "SOVEREIGN_OIDC_PARTNER_URL: http://keycloak-service.c.svc:8080/realms/b")),
                "Deployment a/catalog-service tenant partner", "names no realm of the overlay");
        Problems.assertReported(FederationRules.issuers(federation("  SOVEREIGN_OIDC_PARTNER_URL: http://keycloak-service.b.svc:8080/realms/b\n", "")),
                "Deployment a/gateway tenant partner", "(unset) names no realm");
    }

    @Test
    void furtherMembersAreTenantsToo() {
        RenderedOverlay withMembers = federation("  QUARKUS_OIDC_PARTNER_TOKEN_ISSUER: https://id.b.example/realms/b\n",
                "  QUARKUS_OIDC_PARTNER_TOKEN_ISSUER: https://id.b.example/realms/b\n"
                        + "  SOVEREIGN_FEDERATION_MEMBERS: member-c=http://keycloak-service.c.svc:8080/realms/c\n"
                        + "  QUARKUS_OIDC_MEMBER_C_TOKEN_ISSUER: https://id.c.example/realms/c\n");
        Problems.assertReported(FederationRules.issuers(withMembers), "Deployment a/gateway tenant member-c", "names no realm of the overlay");
        assertEquals(List.of("default", "partner", "member-c"),
                FederationRules.tenants(FederationRules.workloads(withMembers).get(0)).stream().map(FederationRules.Tenant::name).toList());
        assertEquals("https://id.c.example/realms/c", FederationRules.tenants(FederationRules.workloads(withMembers).get(0)).get(2).issuer());
    }

    @Test
    void aNodeIssuerOtherThanItsRealmsIsReported() {
        Problems.assertReported(FederationRules.nodeIssuers(federation("  CATALOG_NODE_ISSUER: https://id.a.example/realms/a\n", "")),
                "Deployment a/catalog-service", "CATALOG_NODE_ISSUER (unset, so SOVEREIGN_OIDC_URL) is http://keycloak-service:8080/realms/a",
                "carry the issuer https://id.a.example/realms/a");
        Problems.assertReported(FederationRules.nodeIssuers(federation("CATALOG_NODE_ISSUER: https://id.a.example/realms/a",
                        "CATALOG_NODE_ISSUER: https://id.b.example/realms/b")),
                "Deployment a/catalog-service", "is https://id.b.example/realms/b");
    }

    @Test
    void aFeedTokenNotOfTheNodesOwnRealmIsReported() {
        Problems.assertReported(FederationRules.feedTokens(federation("  CATALOG_NODE_NAME: node-a\n",
                        "  CATALOG_NODE_NAME: node-a\n  QUARKUS_OIDC_CLIENT_AUTH_SERVER_URL: http://keycloak-service.b.svc:8080/realms/b\n")),
                "Deployment a/catalog-service", "fetches its feed token from realm b", "not from its own realm");
        Problems.assertReported(FederationRules.feedTokens(federation("stringData: {client-secret: secret-a}", "stringData: {client-secret: secret-b}")),
                "Deployment a/catalog-service", "reads Secret sovereign-services-client key client-secret, whose value is not the secret");
        Problems.assertReported(FederationRules.feedTokens(federation(
                        "        - {name: CATALOG_FEDERATION_CLIENT_SECRET, valueFrom: {secretKeyRef: {name: sovereign-services-client, key: client-secret}}}",
                        "        - {name: CATALOG_FEDERATION_CLIENT_SECRET, value: secret-a}")),
                "Deployment a/catalog-service", "CATALOG_FEDERATION_CLIENT_SECRET is a plain value from env; read it from a Secret");
        Problems.assertReported(FederationRules.feedTokens(federation("realmRoles: [catalog-viewer, catalog-auditor]", "realmRoles: [catalog-viewer]")),
                "Deployment a/catalog-service", "lacks the realm role catalog-auditor");
        // A production realm: the client's secret is a placeholder, filled from a Secret.
        String placeholder = "secret: \"${SERVICES_SECRET}\"}]";
        Problems.assertReported(FederationRules.feedTokens(federation("secret: secret-a}]", placeholder,
                        "  keycloakCRName: keycloak", "  placeholders: {SERVICES_SECRET: {secret: {name: services, key: client-secret}}}\n  keycloakCRName: keycloak")),
                "Deployment a/catalog-service", "fills the client's secret ${SERVICES_SECRET} from Secret services key client-secret");
        assertEquals(List.of(), FederationRules.feedTokens(federation("secret: secret-a}]", placeholder,
                "  keycloakCRName: keycloak", "  placeholders: {SERVICES_SECRET: {secret: {name: sovereign-services-client, key: client-secret}}}\n  keycloakCRName: keycloak")));
    }

    @Test
    void aPeerThatIsNoTrustingGatewayOfAnotherMemberIsReported() {
        Problems.assertReported(FederationRules.peers(federation("CATALOG_FEDERATION_PEERS: node-b=http://gateway.b.svc:8080/api/v1/catalog",
                        "CATALOG_FEDERATION_PEERS: node-b=http://gateway.b.svc:8080/api/v1")),
                "Deployment a/catalog-service peer node-b", "the path is /api/v1, not /api/v1/catalog");
        Problems.assertReported(FederationRules.peers(federation("CATALOG_FEDERATION_PEERS: node-b=http://gateway.b.svc:8080/api/v1/catalog",
                        "CATALOG_FEDERATION_PEERS: node-b=http://catalog-service.b.svc:8081/api/v1/catalog")),
                "Deployment a/catalog-service peer node-b", "Deployment b/catalog-service is not a gateway to the catalog node of its namespace");
        Problems.assertReported(FederationRules.peers(federation("CATALOG_FEDERATION_PEERS: node-b=http://gateway.b.svc:8080/api/v1/catalog",
                        "CATALOG_FEDERATION_PEERS: node-b=http://gateway:8080/api/v1/catalog")),
                "Deployment a/catalog-service peer node-b", "names the node's own namespace");
        Problems.assertReported(FederationRules.peers(federation("CATALOG_FEDERATION_PEERS: node-b=http://gateway.b.svc:8080/api/v1/catalog",
                        "CATALOG_FEDERATION_PEERS: b=http://gateway.b.svc:8080/api/v1/catalog")),
                "Deployment a/catalog-service peer b=", "the node there is called node-b");
        // b's gateway and node trust a's realm no more: a's feed token is refused by both.
        RenderedOverlay untrusted = RenderedOverlay.fromYaml("test", FEDERATION.replace(
                "  SOVEREIGN_OIDC_PARTNER_ENABLED: \"true\"\n  SOVEREIGN_OIDC_PARTNER_URL: http://keycloak-service.a.svc",
                "  SOVEREIGN_OIDC_PARTNER_ENABLED: \"false\"\n  SOVEREIGN_OIDC_PARTNER_URL: http://keycloak-service.a.svc"));
        List<String> problems = FederationRules.peers(untrusted);
        Problems.assertReported(problems, "Deployment a/catalog-service peer node-b", "Deployment b/gateway does not trust this node's issuer https://id.a.example/realms/a");
        Problems.assertReported(problems, "Deployment a/catalog-service peer node-b", "Deployment b/catalog-service does not trust this node's issuer");
        assertEquals(2, problems.size(), problems::toString);
    }

    @Test
    void aNodeThatFollowsNotEveryOtherIsReported() {
        Problems.assertReported(FederationRules.everyNodeFollowsEveryOther(federation(
                        "  CATALOG_FEDERATION_PEERS: node-b=http://gateway.b.svc:8080/api/v1/catalog\n", "")),
                "Deployment a/catalog-service", "does not follow the catalog node of namespace b");
    }
}
