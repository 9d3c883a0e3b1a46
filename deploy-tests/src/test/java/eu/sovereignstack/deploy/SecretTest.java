package eu.sovereignstack.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Secret values only where they belong: production renders no Secret with data (only references to Secrets made
 * outside the manifests), base and federation only Secrets marked as dev values, and the dev overlay brings (or
 * lets an operator make) every Secret its pods and operator resources read.
 */
class SecretTest {

    static Stream<String> overlays() {
        return Problems.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void secretValuesOnlyWhereAllowed(String overlay) {
        Problems.assertNone(overlay, SecretRules.values(RenderedOverlay.forChecks(overlay)));
    }

    @Test
    void devHasEverySecretItReads() {
        Problems.assertNone(Repo.DEV, SecretRules.referencesResolve(RenderedOverlay.forChecks(Repo.DEV)));
    }

    /** The federation example runs the demo realms as they are: it brings their client secrets itself. */
    @Test
    void federationHasEverySecretItReads() {
        Problems.assertNone(Repo.FEDERATION, SecretRules.referencesResolve(RenderedOverlay.forChecks(Repo.FEDERATION)));
    }

    // ---- the checks themselves

    private static final String SECRET = """
            apiVersion: v1
            kind: Secret
            metadata: {name: %s, namespace: demo}
            stringData: {password: secret}
            """;

    @Test
    void productionMayNotRenderSecretValues() {
        Problems.assertReported(SecretRules.values(RenderedOverlay.fromYaml(Repo.PRODUCTION, SECRET.formatted("dev-credentials"))),
                "Secret demo/dev-credentials", "production renders a Secret with values [password]");
        assertEquals(List.of(), SecretRules.values(RenderedOverlay.fromYaml(Repo.PRODUCTION,
                "apiVersion: v1\nkind: Secret\nmetadata: {name: empty}\ntype: Opaque\n")));
    }

    @Test
    void outsideDevSecretValuesMustBeMarkedDev() {
        Problems.assertReported(SecretRules.values(RenderedOverlay.fromYaml("deploy/kubernetes/base", SECRET.formatted("credentials"))),
                "Secret demo/credentials", "not marked as dev values");
        assertEquals(List.of(), SecretRules.values(RenderedOverlay.fromYaml("deploy/kubernetes/base", SECRET.formatted("credentials-dev-only"))));
        assertEquals(List.of(), SecretRules.values(RenderedOverlay.fromYaml(Repo.DEV, SECRET.formatted("credentials"))));
    }

    @Test
    void unresolvedSecretReferencesAreReported() {
        RenderedOverlay overlay = RenderedOverlay.fromYaml(Repo.DEV, """
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: pg, namespace: demo}
                spec: {instances: 1}
                ---
                apiVersion: k8s.keycloak.org/v2alpha1
                kind: Keycloak
                metadata: {name: keycloak, namespace: demo}
                spec:
                  db:
                    usernameSecret: {name: pg-app, key: username}
                    passwordSecret: {name: keycloak-db, key: password}
                """);
        List<String> problems = SecretRules.referencesResolve(overlay);
        Problems.assertReported(problems, "Keycloak demo/keycloak spec.db.passwordSecret", "keycloak-db");
        assertEquals(1, problems.size(), problems::toString);
    }
}
