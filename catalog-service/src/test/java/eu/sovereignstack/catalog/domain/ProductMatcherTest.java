package eu.sovereignstack.catalog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import eu.sovereignstack.catalog.contract.MatchedBy;
import eu.sovereignstack.catalog.domain.ProductMatcher.Candidate;
import eu.sovereignstack.catalog.domain.ProductMatcher.Match;

class ProductMatcherTest {

    private static final ProductMatcher MATCHER = ProductMatcher.of(List.of(
            new Candidate("microsoft-teams", "Microsoft Teams", List.of("MS Teams", "Teams"), List.of()),
            new Candidate("microsoft-teams-phone", "Microsoft Teams Phone", List.of(), List.of()),
            new Candidate("apache-kafka", "Apache Kafka", List.of(), List.of("pkg:maven/org.apache.kafka/kafka-clients")),
            new Candidate("keycloak", "Keycloak", List.of(),
                    List.of("pkg:maven/org.keycloak/keycloak-core", "pkg:github/keycloak/keycloak")),
            new Candidate("postgresql", "PostgreSQL", List.of("Postgres"), List.of("pkg:docker/library/postgres")),
            new Candidate("google-cloud", "Google Cloud", List.of(), List.of()),
            new Candidate("aws-ec2", "Amazon EC2", List.of(), List.of()),
            new Candidate("aws-s3", "Amazon S3", List.of("S3"), List.of()),
            new Candidate("openshift", "Red Hat OpenShift", List.of(), List.of()),
            new Candidate("rocket-chat", "Rocket.Chat", List.of(), List.of("pkg:github/rocketchat/rocket.chat")),
            new Candidate("lemonldap-ng", "LemonLDAP::NG", List.of(), List.of()),
            new Candidate("zoe-office", "Zoë Office", List.of(), List.of()),
            new Candidate("prometheus", "Prometheus", List.of(), List.of("pkg:golang/github.com/prometheus/prometheus"))));

    @ParameterizedTest(name = "slug={0} purl={1} name={2} -> {3} by {4}")
    @CsvSource(nullValues = "-", value = {
            // slug first, whatever else the item says
            "keycloak,     pkg:docker/library/postgres,                                     Zoom,                 keycloak,              SLUG",
            "no-such-slug, -,                                                               Postgres,             postgresql,            NAME",
            // purl: version, qualifiers and subpath ignored; case-insensitive
            "-,            pkg:maven/org.keycloak/keycloak-core@26.0.5?type=jar&classifier=x#META-INF, Something, keycloak,  PURL",
            "-,            pkg:MAVEN/Org.Keycloak/KEYCLOAK-CORE,                            -,                    keycloak,              PURL",
            "-,            pkg:github/KeyCloak/KeyCloak@26.0.0,                             -,                    keycloak,              PURL",
            "-,            pkg:golang/github.com/prometheus/prometheus@v0.54.1#cmd/prometheus, -,                 prometheus,            PURL",
            "-,            pkg:docker/postgres@16?repository_url=docker.io,                 -,                    postgresql,            PURL",
            "-,            pkg:github/rocketchat/Rocket.Chat,                               -,                    rocket-chat,           PURL",
            // a purl of another type or an unknown type, or no purl at all, does not match by purl
            "-,            pkg:npm/keycloak-core,                                           -,                    -,                     NONE",
            "-,            pkg:someregistry/org.keycloak/keycloak-core@1.0,                 -,                    -,                     NONE",
            "-,            not a purl,                                                      Keycloak,             keycloak,              NAME",
            "-,            https://github.com/keycloak/keycloak,                            -,                    -,                     NONE",
            // name, slug and alias
            "-,            -,                                                               MS Teams,             microsoft-teams,       NAME",
            "-,            -,                                                               ms-teams,             microsoft-teams,       NAME",
            "-,            -,                                                               Teams,                microsoft-teams,       NAME",
            "-,            -,                                                               microsoft-teams-phone, microsoft-teams-phone, NAME",
            "-,            -,                                                               S3,                   aws-s3,                NAME",
            "-,            -,                                                               AWS S3,               aws-s3,                NAME",
            // punctuation, case and accents
            "-,            -,                                                               '  rocket chat ',     rocket-chat,           NAME",
            "-,            -,                                                               ROCKET.CHAT,          rocket-chat,           NAME",
            "-,            -,                                                               LemonLDAP NG,         lemonldap-ng,          NAME",
            "-,            -,                                                               lemonldap-ng,         lemonldap-ng,          NAME",
            "-,            -,                                                               Zoe Office,           zoe-office,            NAME",
            "-,            -,                                                               ZOË-OFFICE!,          zoe-office,            NAME",
            // a leading vendor word removed from either side or both (the same vendor)
            "-,            -,                                                               Kafka,                apache-kafka,          NAME",
            "-,            -,                                                               MS Teams Phone,       microsoft-teams-phone, NAME",
            "-,            -,                                                               AWS EC2,              aws-ec2,               NAME",
            "-,            -,                                                               OpenShift,            openshift,             NAME",
            "-,            -,                                                               RedHat OpenShift,     openshift,             NAME",
            "-,            -,                                                               Microsoft Keycloak,   keycloak,              NAME",
            "-,            -,                                                               Oracle Cloud,         -,                     NONE",
            "-,            -,                                                               The S3,               -,                     NONE",
            // nothing to go on
            "-,            -,                                                               Totally Unknown Widget, -,                   NONE",
            "-,            -,                                                               '!!!',                -,                     NONE",
            "-,            -,                                                               AWS,                  -,                     NONE",
            "-,            -,                                                               -,                    -,                     NONE"})
    void matchesByTheFirstRuleThatHits(String slug, String purl, String name, String product, MatchedBy matchedBy) {
        assertEquals(new Match(product, matchedBy), MATCHER.match(slug, purl, name));
    }

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource({
            "'  Rocket.Chat ',             rocket chat",
            "LemonLDAP::NG,                lemonldap ng",
            "Veeam Backup & Replication,   veeam backup replication",
            "Zoë Ørsted Çelik,             zoe ørsted celik",
            "ＭＳ　Ｔｅａｍｓ,                ms teams",
            "İstanbul,                     istanbul",
            "Office 365 (E3),              office 365 e3",
            "'---',                        ''"})
    void normalisesCaseAccentsAndPunctuation(String text, String normalised) {
        assertEquals(normalised, ProductMatcher.normalise(text));
    }

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource({
            "apache kafka,     kafka",
            "red hat openshift, openshift",
            "ms teams,         teams",
            "aws s3,           aws s3",
            "amazon ec2,       ec2",
            "microsoft,        microsoft",
            "kafka,            kafka",
            "msteams,          msteams"})
    void removesALeadingVendorWordOnlyWhenEnoughIsLeft(String normalised, String rest) {
        assertEquals(rest, ProductMatcher.withoutVendor(normalised));
    }

    @Test
    void aNameBeatsAnotherProductsSlugWhichBeatsAnAlias() {
        ProductMatcher matcher = ProductMatcher.of(List.of(
                new Candidate("by-alias", "First", List.of("Shared Name", "Other"), List.of()),
                new Candidate("shared-name", "Second", List.of("Other"), List.of()),
                new Candidate("by-name", "Shared Name", List.of(), List.of())));
        assertEquals(new Match("by-name", MatchedBy.NAME), matcher.match(null, null, "shared name"));
        assertEquals(new Match("by-alias", MatchedBy.NAME), matcher.match(null, null, "other"));
        ProductMatcher withoutName = ProductMatcher.of(List.of(
                new Candidate("by-alias", "First", List.of("Shared Name"), List.of()),
                new Candidate("shared-name", "Second", List.of(), List.of())));
        assertEquals(new Match("shared-name", MatchedBy.NAME), withoutName.match(null, null, "Shared-Name"));
    }

    @Test
    void aSlugMustBeExact() {
        assertEquals(new Match("keycloak", MatchedBy.SLUG), MATCHER.match(" keycloak ", null, null));
        assertEquals(Match.NONE, MATCHER.match("Keycloak-Server", null, null));
    }
}
