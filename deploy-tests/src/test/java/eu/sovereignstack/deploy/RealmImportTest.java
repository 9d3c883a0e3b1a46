package eu.sovereignstack.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The realms Kubernetes imports are the realm files: every KeycloakRealmImport's spec.realm equals (as JSON) the
 * deploy/keycloak/*.json of its realm, and the committed imports are what deploy/kubernetes/generate-realm-imports
 * makes of the realm files now (its {@code --check} mode, which writes nothing; needs python3, else skipped).
 */
class RealmImportTest {

    static Stream<String> overlays() {
        return Problems.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void realmImportsAreTheRealmFiles(String overlay) {
        Problems.assertNone(overlay, RealmImports.differences(RenderedOverlay.forChecks(overlay), RealmImports.realmFiles(Repo.resolve("deploy/keycloak"))));
    }

    @Test
    void productionRealmsHoldNoSecretValues() {
        Problems.assertNone(Repo.PRODUCTION, RealmImports.productionSecrets(RenderedOverlay.forChecks(Repo.PRODUCTION)));
    }

    @Test
    void productionRealmsKeepTheServiceAccountsAsTheyAre() {
        Problems.assertNone(Repo.PRODUCTION, RealmImports.productionUsers(RenderedOverlay.forChecks(Repo.PRODUCTION),
                RealmImports.realmFiles(Repo.resolve("deploy/keycloak"))));
    }

    @Test
    void committedRealmImportsAreNotStale() {
        Path generator = Repo.resolve("deploy/kubernetes/generate-realm-imports");
        Assumptions.assumeTrue(Files.isRegularFile(generator), "no " + generator);
        Assumptions.assumeTrue(python3Present(), "python3 not installed: generate-realm-imports --check cannot run here");
        Kubectl.Result result = Kubectl.run(List.of("python3", generator.toString(), "--check"), Repo.root(), Duration.ofSeconds(60));
        assertEquals(0, result.exitCode(), () -> "generate-realm-imports --check: the committed KeycloakRealmImports are stale:\n"
                + result.stderr() + result.stdout());
    }

    private static boolean python3Present() {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, "python3")));
    }

    // ---- the checks themselves

    @Test
    void secretValuesInAProductionRealmAreReported() {
        List<String> problems = RealmImports.productionSecrets(RenderedOverlay.fromYaml(Repo.PRODUCTION, """
                apiVersion: k8s.keycloak.org/v2alpha1
                kind: KeycloakRealmImport
                metadata: {name: demo}
                spec:
                  keycloakCRName: keycloak
                  placeholders: {CLI_SECRET: {secret: {name: cli, key: secret}}}
                  realm:
                    realm: demo
                    users: [{username: alice, credentials: [{type: password, value: alice}]}]
                    clients:
                      - {clientId: services, secret: dev-only-secret}
                      - {clientId: other, secret: "${OTHER_SECRET}"}
                      - {clientId: cli, secret: "${CLI_SECRET}"}
                """));
        Problems.assertReported(problems, "user alice has credentials");
        Problems.assertReported(problems, "client services has a literal secret");
        Problems.assertReported(problems, "client other secret placeholder OTHER_SECRET is not in spec.placeholders");
        assertEquals(3, problems.size(), problems::toString);
    }

    @Test
    void aProductionServiceAccountUnlikeTheFilesIsReported() {
        JsonNode file = Manifests.YAML.createObjectNode().put("realm", "demo").set("users", Manifests.YAML.createArrayNode()
                .add(Manifests.YAML.createObjectNode().put("username", "alice"))
                .add(Manifests.YAML.createObjectNode().put("username", "service-account-services").put("serviceAccountClientId", "services")
                        .set("realmRoles", Manifests.YAML.createArrayNode().add("viewer").add("auditor"))));
        String production = """
                apiVersion: k8s.keycloak.org/v2alpha1
                kind: KeycloakRealmImport
                metadata: {name: demo}
                spec:
                  keycloakCRName: keycloak
                  realm:
                    realm: demo
                    users: [{username: service-account-services, serviceAccountClientId: services, realmRoles: %s}]
                """;
        assertEquals(List.of(), RealmImports.productionUsers(RenderedOverlay.fromYaml(Repo.PRODUCTION, production.formatted("[viewer, auditor]")),
                Map.of("demo", file)));
        Problems.assertReported(RealmImports.productionUsers(RenderedOverlay.fromYaml(Repo.PRODUCTION, production.formatted("[viewer]")),
                Map.of("demo", file)), "KeycloakRealmImport demo", "not the realm file's service-account users", "/users/0/realmRoles");
    }

    @Test
    void aRealmImportThatDiffersFromItsFileIsReported() {
        JsonNode file = Manifests.YAML.createObjectNode().put("realm", "demo").put("accessTokenLifespan", 300);
        RenderedOverlay overlay = RenderedOverlay.fromYaml("test", """
                apiVersion: k8s.keycloak.org/v2alpha1
                kind: KeycloakRealmImport
                metadata: {name: demo}
                spec: {keycloakCRName: keycloak, realm: {realm: demo, accessTokenLifespan: 3000}}
                ---
                apiVersion: k8s.keycloak.org/v2alpha1
                kind: KeycloakRealmImport
                metadata: {name: other}
                spec: {keycloakCRName: keycloak, realm: {realm: other}}
                """);
        List<String> problems = RealmImports.differences(overlay, Map.of("demo", file));
        Problems.assertReported(problems, "KeycloakRealmImport demo", "differs from", "/accessTokenLifespan");
        assertEquals(List.of(), RealmImports.differences(overlay, Map.of("demo", file, "other", overlay.objects().get(1).path("spec").path("realm")),
                List.of("/accessTokenLifespan")));
        Problems.assertReported(problems, "KeycloakRealmImport other", "no realm file");
        ObjectNode same = (ObjectNode) file.deepCopy();
        assertEquals(List.of(), RealmImports.differences(RenderedOverlay.fromYaml("test", """
                apiVersion: k8s.keycloak.org/v2alpha1
                kind: KeycloakRealmImport
                metadata: {name: demo}
                spec: {keycloakCRName: keycloak, realm: {realm: demo, accessTokenLifespan: 300}}
                """), Map.of("demo", same)));
    }
}
