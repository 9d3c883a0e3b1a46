package eu.sovereignstack.deploy;

import io.fabric8.kubernetes.api.model.SecretKeySelector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The assessment-service's jobs get a token of their own realm, in every overlay: the client's secret is the realm's
 * (the dev-only default only where the realm has it, else read from the Secret the realm import and the catalog node
 * read), its service account may read the catalog, the catalog-service accepts the token, and the NetworkPolicies let
 * the service reach Keycloak's token endpoint.
 */
class AssessmentJobsTest {

    static Stream<String> overlays() {
        return Problems.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void jobTokensAreTheRealmsClientsWithItsSecret(String overlay) {
        Problems.assertNone(overlay, AssessmentJobsRules.jobTokens(RenderedOverlay.forChecks(overlay)));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void jobsReadTheSecretTheCatalogNodeReads(String overlay) {
        Problems.assertNone(overlay, AssessmentJobsRules.sameSecretAsCatalogNode(RenderedOverlay.forChecks(overlay)));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theServiceMayReachKeycloakForItsToken(String overlay) {
        Problems.assertNone(overlay, AssessmentJobsRules.keycloakReachable(RenderedOverlay.forChecks(overlay)));
    }

    /** Where the Secret sovereign-services-client exists, the assessment-service reads it, as the realm import (or the catalog node) does. */
    @ParameterizedTest
    @ValueSource(strings = {Repo.PRODUCTION, Repo.FEDERATION})
    void theServicesClientSecretIsRead(String overlay) {
        List<FederationRules.Workload> services = AssessmentJobsRules.services(RenderedOverlay.forChecks(overlay));
        assertFalse(services.isEmpty(), overlay + ": no assessment-service");
        for (FederationRules.Workload service : services) {
            SecretKeySelector secret = service.env().value("ASSESSMENT_JOBS_CLIENT_SECRET").orElseThrow(
                    () -> new AssertionError(service.owner() + ": no ASSESSMENT_JOBS_CLIENT_SECRET")).secret();
            assertEquals("sovereign-services-client/client-secret", secret == null ? null : secret.getName() + "/" + secret.getKey(),
                    service.owner());
        }
    }

    // ---- the checks themselves

    /**
     * One member: Keycloak with a realm whose sovereign-services secret is filled from the Secret services-client, a
     * catalog-service trusting it, and an assessment-service reading that Secret, allowed to reach Keycloak.
     */
    private static final String MEMBER = """
            apiVersion: k8s.keycloak.org/v2alpha1
            kind: Keycloak
            metadata: {name: keycloak, namespace: m}
            spec: {hostname: {hostname: "https://id.example"}}
            ---
            apiVersion: k8s.keycloak.org/v2alpha1
            kind: KeycloakRealmImport
            metadata: {name: realm, namespace: m}
            spec:
              keycloakCRName: keycloak
              placeholders: {SERVICES_SECRET: {secret: {name: services-client, key: client-secret}}}
              realm:
                realm: r
                clients: [{clientId: sovereign-services, secret: "${SERVICES_SECRET}"}]
                users: [{username: service-account-sovereign-services, serviceAccountClientId: sovereign-services, realmRoles: [catalog-viewer]}]
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: common, namespace: m}
            data:
              SOVEREIGN_OIDC_URL: http://keycloak-service:8080/realms/r
              QUARKUS_OIDC_TOKEN_ISSUER: https://id.example/realms/r
              SOVEREIGN_OIDC_PARTNER_ENABLED: "false"
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: assessment, namespace: m}
            data: {QUARKUS_REST_CLIENT_CATALOG_URL: "http://catalog-service:8081"}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: catalog-service, namespace: m}
            spec:
              selector: {matchLabels: {app: catalog}}
              template:
                metadata: {labels: {app: catalog}}
                spec:
                  containers:
                    - name: catalog-service
                      image: catalog:1
                      ports: [{name: http, containerPort: 8081}]
                      envFrom: [{configMapRef: {name: common}}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: catalog-service, namespace: m}
            spec: {selector: {app: catalog}, ports: [{port: 8081, targetPort: http}]}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: assessment-service, namespace: m}
            spec:
              selector: {matchLabels: {app: assessment}}
              template:
                metadata: {labels: {app: assessment}}
                spec:
                  containers:
                    - name: assessment-service
                      image: assessment:1
                      envFrom: [{configMapRef: {name: common}}, {configMapRef: {name: assessment}}]
                      env:
                        - {name: ASSESSMENT_JOBS_CLIENT_SECRET, valueFrom: {secretKeyRef: {name: services-client, key: client-secret}}}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: default-deny, namespace: m}
            spec: {podSelector: {}, policyTypes: [Ingress, Egress]}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: assessment, namespace: m}
            spec:
              podSelector: {matchLabels: {app: assessment}}
              policyTypes: [Egress]
              egress: [{to: [{podSelector: {matchLabels: {app: keycloak}}}], ports: [{protocol: TCP, port: 8080}]}]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: keycloak, namespace: m}
            spec:
              podSelector: {matchLabels: {app: keycloak}}
              policyTypes: [Ingress]
              ingress: [{from: [{podSelector: {matchLabels: {app: assessment}}}], ports: [{protocol: TCP, port: 8080}]}]
            """;

    /** The member with each {@code from} replaced by the {@code to} after it. */
    private static RenderedOverlay member(String... fromTo) {
        String yaml = MEMBER;
        for (int i = 0; i < fromTo.length; i += 2) {
            if (!yaml.contains(fromTo[i])) {
                throw new IllegalArgumentException("not in the member manifest: " + fromTo[i]);
            }
            yaml = yaml.replaceFirst(Pattern.quote(fromTo[i]), Matcher.quoteReplacement(fromTo[i + 1]));
        }
        return RenderedOverlay.fromYaml("test", yaml);
    }

    private static final String SECRET_REF =
            "            - {name: ASSESSMENT_JOBS_CLIENT_SECRET, valueFrom: {secretKeyRef: {name: services-client, key: client-secret}}}\n";

    private static final String CATALOG_ENV_FROM = "          envFrom: [{configMapRef: {name: common}}]\n";

    /** The catalog-service as a catalog node, reading the services client's secret from {@code secret}. */
    private static String node(String secret) {
        return CATALOG_ENV_FROM + "          env:\n"
                + "            - {name: CATALOG_FEDERATION_CLIENT_SECRET, valueFrom: {secretKeyRef: {name: " + secret + ", key: client-secret}}}\n";
    }

    @Test
    void theGoodMemberKeepsEveryRule() {
        assertEquals(List.of(), AssessmentJobsRules.all(member()));
        assertEquals(List.of(), AssessmentJobsRules.all(member(CATALOG_ENV_FROM, node("services-client"))));
    }

    @Test
    void theDefaultSecretOnlyForARealmThatHasIt() {
        Problems.assertReported(AssessmentJobsRules.jobTokens(member(SECRET_REF, "")),
                "Deployment m/assessment-service", "ASSESSMENT_JOBS_CLIENT_SECRET is unset (the application's default dev-only-services-secret)",
                "gives its client sovereign-services the secret of Secret services-client key client-secret");
        // The demo realm: its client has the dev-only secret, which the default is.
        assertEquals(List.of(), AssessmentJobsRules.jobTokens(member(SECRET_REF, "", "secret: \"${SERVICES_SECRET}\"", "secret: dev-only-services-secret")));
        // Another demo realm's secret (the partner realm's): the default is wrong.
        Problems.assertReported(AssessmentJobsRules.jobTokens(member(SECRET_REF, "", "secret: \"${SERVICES_SECRET}\"", "secret: dev-only-partner-services-secret")),
                "Deployment m/assessment-service", "is unset", "gives its client sovereign-services another secret");
    }

    @Test
    void aSecretThatIsNotTheRealmsIsReported() {
        Problems.assertReported(AssessmentJobsRules.jobTokens(member("{secretKeyRef: {name: services-client", "{secretKeyRef: {name: other")),
                "Deployment m/assessment-service", "reads Secret other key client-secret",
                "fills the client's secret ${SERVICES_SECRET} from Secret services-client key client-secret");
        Problems.assertReported(AssessmentJobsRules.jobTokens(member("valueFrom: {secretKeyRef: {name: services-client, key: client-secret}}", "value: s3cret")),
                "Deployment m/assessment-service", "ASSESSMENT_JOBS_CLIENT_SECRET is a plain value from env; read it from a Secret");
    }

    @Test
    void aTokenTheCatalogRefusesIsReported() {
        Problems.assertReported(AssessmentJobsRules.jobTokens(member("realmRoles: [catalog-viewer]", "realmRoles: [catalog-auditor]")),
                "Deployment m/assessment-service", "lacks the realm role catalog-viewer");
        Problems.assertReported(AssessmentJobsRules.jobTokens(member("clients: [{clientId: sovereign-services,", "clients: [{clientId: other,")),
                "Deployment m/assessment-service", "its jobs' client sovereign-services is not a client of KeycloakRealmImport m/realm");
        Problems.assertReported(AssessmentJobsRules.jobTokens(member("SOVEREIGN_OIDC_URL: http://keycloak-service:8080/realms/r",
                        "SOVEREIGN_OIDC_URL: http://keycloak-service:8080/realms/other")),
                "Deployment m/assessment-service", "names no realm of the overlay");
        // The catalog-service checks another issuer: it would refuse every job's token.
        Problems.assertReported(AssessmentJobsRules.jobTokens(member(CATALOG_ENV_FROM,
                        CATALOG_ENV_FROM + "          env: [{name: QUARKUS_OIDC_TOKEN_ISSUER, value: \"https://old.example/realms/r\"}]\n")),
                "Deployment m/assessment-service", "carry the issuer https://id.example/realms/r, which Deployment m/catalog-service does not accept");
    }

    @Test
    void aSecretOtherThanTheCatalogNodesIsReported() {
        Problems.assertReported(AssessmentJobsRules.sameSecretAsCatalogNode(member(CATALOG_ENV_FROM, node("feed-client"))),
                "Deployment m/assessment-service", "Deployment m/catalog-service reads the secret of client sovereign-services from Secret feed-client",
                "ASSESSMENT_JOBS_CLIENT_SECRET from Secret services-client key client-secret");
        Problems.assertReported(AssessmentJobsRules.sameSecretAsCatalogNode(member(CATALOG_ENV_FROM, node("services-client"),
                        SECRET_REF, "")),
                "Deployment m/assessment-service", "not from a Secret");
    }

    @Test
    void aBlockedTokenEndpointIsReported() {
        Problems.assertReported(AssessmentJobsRules.keycloakReachable(member("ports: [{protocol: TCP, port: 8080}]}]", "ports: [{protocol: TCP, port: 8443}]}]")),
                "Deployment m/assessment-service -> Keycloak m/keycloak port 8080", "no NetworkPolicy of the assessment-service allows this egress");
        List<String> problems = AssessmentJobsRules.keycloakReachable(member(
                "ingress: [{from: [{podSelector: {matchLabels: {app: assessment}}}]", "ingress: [{from: [{podSelector: {matchLabels: {app: catalog}}}]"));
        Problems.assertReported(problems, "Deployment m/assessment-service -> Keycloak m/keycloak port 8080", "no NetworkPolicy of Keycloak admits the assessment-service");
        assertEquals(1, problems.size(), problems::toString);
        Problems.assertReported(AssessmentJobsRules.keycloakReachable(member("SOVEREIGN_OIDC_URL: http://keycloak-service:8080/realms/r",
                        "SOVEREIGN_OIDC_URL: https://id.example/realms/r")),
                "Deployment m/assessment-service", "from https://id.example/realms/r, outside the cluster; use keycloak-service");
    }
}
