package eu.sovereignstack.catalog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PackageUrlTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "pkg:maven/org.keycloak/keycloak-core@26.0.5?type=jar#META-INF,  pkg:maven/org.keycloak/keycloak-core",
            "pkg:github/Nextcloud/Server@v30.0.0,                            pkg:github/nextcloud/server",
            "pkg:docker/library/postgres@16?arch=amd64,                      pkg:docker/library/postgres",
            "pkg:npm/@backstage/cli@0.29.0,                                  pkg:npm/%40backstage/cli",
            "pkg:pypi/Matrix_Synapse@1.120.0,                                pkg:pypi/matrix-synapse",
            "pkg:golang/github.com/prometheus/prometheus@v0.54.1#cmd,        pkg:golang/github.com/prometheus/prometheus",
            "pkg:GOLANG/kubevirt.io/kubevirt,                                pkg:golang/kubevirt.io/kubevirt"})
    void theCanonicalFormNamesThePackageNotARelease(String purl, String canonical) {
        assertEquals(canonical, PackageUrl.canonical(purl));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a purl", "pkg:", "pkg:maven", "https://github.com/keycloak/keycloak", "keycloak",
            "pkg:maven/org.example/has space"})
    void rejectsWhatIsNotAPackageUrl(String purl) {
        assertThrows(IllegalArgumentException.class, () -> PackageUrl.canonical(purl));
        assertEquals(Optional.empty(), PackageUrl.packageKey(purl));
    }

    @ParameterizedTest(name = "{0} ~ {1}")
    @CsvSource({
            "pkg:maven/Org.Keycloak/Keycloak-Core@1,     pkg:maven/org.keycloak/keycloak-core?type=pom",
            "pkg:docker/postgres@16,                     pkg:docker/library/postgres",
            "pkg:npm/%40backstage/cli,                   pkg:npm/@backstage/cli@1.0.0"})
    void purlsOfTheSamePackageShareAKey(String one, String other) {
        assertEquals(PackageUrl.packageKey(other), PackageUrl.packageKey(one));
    }
}
