package eu.sovereignstack.assessment.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import eu.sovereignstack.assessment.domain.Criticality;
import eu.sovereignstack.assessment.domain.DataClassification;
import eu.sovereignstack.assessment.domain.Deployment;
import eu.sovereignstack.catalog.contract.DeploymentModel;
import eu.sovereignstack.assessment.domain.Inventory;
import eu.sovereignstack.assessment.domain.InventoryItem;
import eu.sovereignstack.assessment.domain.Limits;
import eu.sovereignstack.assessment.domain.Organisation;
import eu.sovereignstack.assessment.domain.Usage;

class CsvInventoryParserTest {

    private static final Organisation ORGANISATION = new Organisation("Ville d'Exemple", "public-administration", "FR");

    private final CsvInventoryParser parser = new CsvInventoryParser();

    @Test
    void readsEveryColumn() throws Exception {
        Inventory inventory = parser.parse(resource("municipality.csv"), ORGANISATION);

        assertSame(ORGANISATION, inventory.organisation());
        assertEquals(List.of(
                new InventoryItem("idp", "Microsoft Entra ID", "microsoft-entra-id", null, null, null,
                        new Deployment(DeploymentModel.SAAS, "Microsoft", "US", List.of("IE", "NL")), 1200,
                        DataClassification.CONFIDENTIAL, Criticality.CRITICAL, Usage.INTERNAL, List.of()),
                new InventoryItem("mail", "Microsoft Exchange Online", "microsoft-exchange-online", null, null, null,
                        new Deployment(DeploymentModel.SAAS, "Microsoft", "US", List.of("IE", "NL")), 1200,
                        DataClassification.CONFIDENTIAL, Criticality.HIGH, Usage.INTERNAL, List.of("idp")),
                new InventoryItem("portal", "Citizen portal \"Mon Espace\", public", null, null, "2.3.0", "EUPL-1.2",
                        new Deployment(DeploymentModel.SELF_HOSTED, null, null, List.of()), 45000,
                        DataClassification.INTERNAL, Criticality.HIGH, Usage.NETWORK_SERVICE, List.of("idp", "db")),
                new InventoryItem("db", "PostgreSQL", "postgresql", "pkg:generic/postgresql@16.4", "16.4", "PostgreSQL",
                        new Deployment(DeploymentModel.MANAGED, "OVHcloud", "FR", List.of("FR")), null,
                        DataClassification.CONFIDENTIAL, Criticality.HIGH, Usage.INTERNAL, List.of()),
                new InventoryItem("item-6", "Keycloak", "keycloak", "pkg:maven/org.keycloak/keycloak-core@26.0.7", "26.0.7",
                        "Apache-2.0", null, null, null, null, null, null),
                new InventoryItem("files", "Nextcloud", "nextcloud", null, "30.0.2", "AGPL-3.0-or-later",
                        new Deployment(DeploymentModel.SELF_HOSTED, "Hetzner", "DE", List.of("DE", "FI")), 800,
                        DataClassification.SECRET, Criticality.MEDIUM, Usage.DISTRIBUTED, List.of("item-6", "portal"))),
                inventory.items());
    }

    @Test
    void readsQuotesByteOrderMarkCrlfAndBlankLines() throws Exception {
        String csv = "\uFEFFname,version,depends_on\r\n"
                + "\"Nextcloud, Hub 9\",\" 30.0 \",\r\n"
                + "\r\n"
                + "\"The \"\"old\"\" intranet\",,item-2\r\n"
                + ",,\r\n"
                + "\r\n\r\n";

        Inventory inventory = parser.parse(csv, ORGANISATION);

        assertEquals(List.of(
                new InventoryItem("item-2", "Nextcloud, Hub 9", null, null, "30.0", null, null, null, null, null, null, null),
                new InventoryItem("item-4", "The \"old\" intranet", null, null, null, null, null, null, null, null, null,
                        List.of("item-2"))),
                inventory.items());
    }

    @Test
    void matchesHeadersIgnoringCaseSpacingAndOrder() throws Exception {
        String csv = "Depends-On, USERS ,Name,Provider Country,ID,License,Data Locations\n"
                + ",,Matomo,,web-analytics,,\n"
                + "web-analytics,12,Grafana,de,dashboards,AGPL-3.0-only,fr|de|FR\n";

        List<InventoryItem> items = parser.parse(csv, ORGANISATION).items();

        assertEquals(new InventoryItem("dashboards", "Grafana", null, null, null, "AGPL-3.0-only",
                new Deployment(DeploymentModel.SELF_HOSTED, null, "DE", List.of("FR", "DE")), 12,
                null, null, null, List.of("web-analytics")), items.get(1));
        assertEquals("web-analytics", items.get(0).id());
    }

    @ParameterizedTest(name = "deployment {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "SELF_HOSTED | SELF_HOSTED", "self-hosted | SELF_HOSTED", "Self Hosted | SELF_HOSTED",
            "saas | SAAS", "SaaS | SAAS", "managed | MANAGED"})
    void readsDeploymentModelsTolerantly(String written, DeploymentModel expected) throws Exception {
        InventoryItem item = parser.parse("name,deployment\nMatrix," + written + "\n", ORGANISATION).items().get(0);

        assertEquals(expected, item.deployment().model());
    }

    @Test
    void readsWhetherAnItemIsALibraryAndWhoSuppliesIt() throws Exception {
        String csv = "name,purl,library,supplier\n"
                + "json-lib,pkg:maven/org.example/json-lib@1.0,yes,Example Foundation\n"
                + "Portal,,false,\n";

        List<InventoryItem> items = parser.parse(csv, ORGANISATION).items();

        assertEquals(true, items.get(0).library());
        assertEquals("Example Foundation", items.get(0).supplier());
        assertEquals(false, items.get(1).library());
        assertEquals(null, items.get(1).supplier());
        InventoryFormatException wrong = assertThrows(InventoryFormatException.class,
                () -> parser.parse("name,library\nPortal,maybe\n", ORGANISATION));
        assertTrue(wrong.location().contains("line 2") && wrong.getMessage().contains("library"), wrong.location());
    }

    @Test
    void fillsTheDocumentedDefaultsAndTheUnnamedOrganisation() throws Exception {
        Inventory inventory = parser.parse("name\nJitsi Meet\n", null);

        assertEquals(new Organisation("Unnamed organisation", null, null), inventory.organisation());
        InventoryItem item = inventory.items().get(0);
        assertEquals("item-2", item.id());
        assertEquals(Deployment.selfHosted(), item.deployment());
        assertEquals(DataClassification.INTERNAL, item.dataClassification());
        assertEquals(Criticality.MEDIUM, item.criticality());
        assertEquals(Usage.INTERNAL, item.usage());
        assertEquals(List.of(), item.dependsOn());
        assertEquals(null, item.users());
    }

    static Stream<Arguments> brokenFiles() {
        return Stream.of(
                Arguments.of("empty file", "", "line 1", "the file is empty"),
                Arguments.of("blank file", "  \r\n\r\n", "line 1", "the file is empty"),
                Arguments.of("byte order mark only", "\uFEFF", "line 1", "the file is empty"),
                Arguments.of("header only", "name,version\r\n", "line 2", "the file has a header row but no items"),
                Arguments.of("no name column", "id,version\na,1\n", "line 1",
                        "the header has no name column, which is required; the columns are id, name, slug,"),
                Arguments.of("unknown column", "name,colour\nx,red\n", "line 1, column colour",
                        "unknown column 'colour'; the columns are id, name, slug, purl, version, licence,"),
                Arguments.of("header without name", "name,,version\nx,,1\n", "line 1", "column 2 has no header"),
                Arguments.of("column twice", "name,Name\nx,y\n", "line 1, column Name", "column name appears twice"),
                Arguments.of("bad deployment", "name,deployment\nx,SELF_HOSTED\ny,cloud\n", "line 3, column deployment",
                        "'cloud' is not a valid deployment; use one of SELF_HOSTED, SAAS, MANAGED"),
                Arguments.of("bad criticality", "name,criticality\nx,urgent\n", "line 2, column criticality",
                        "'urgent' is not a valid criticality; use one of LOW, MEDIUM, HIGH, CRITICAL"),
                Arguments.of("bad data classification", "name,data_classification\nx,TOP SECRET\n",
                        "line 2, column data_classification",
                        "'TOP SECRET' is not a valid data classification; use one of PUBLIC, INTERNAL, CONFIDENTIAL, SECRET"),
                Arguments.of("bad usage", "name,usage\nx,public\n", "line 2, column usage",
                        "'public' is not a valid usage; use one of INTERNAL, DISTRIBUTED, NETWORK_SERVICE"),
                Arguments.of("users not a number", "name,users\nx,many\n", "line 2, column users",
                        "'many' is not a whole number; users must be a number of 0 or more, such as 250"),
                Arguments.of("users too big", "name,users\nx,99999999999\n", "line 2, column users",
                        "'99999999999' is not a whole number"),
                Arguments.of("users negative", "name,users\nx,-5\n", "line 2, column users",
                        "users is -5; it must be a number of 0 or more"),
                Arguments.of("line counted over blank lines", "name,users\n\nx,1\n\ny,lots\n", "line 5, column users",
                        "'lots' is not a whole number"),
                Arguments.of("too many cells", "name,version\nx,1\ny,2,3\n", "line 3",
                        "the row has more cells than the header has columns"),
                Arguments.of("quote never closed", "name,version\nx,1\n\"y,2\n", "line 4",
                        "a quoted value is never closed"),
                Arguments.of("duplicate id", "id,name\na,X\nb,Y\na,Z\n", "line 4, column id",
                        "id 'a' is already used on line 2; ids must be unique"),
                Arguments.of("id clashing with a default id", "id,name\n,X\nitem-2,Y\n", "line 3, column id",
                        "id 'item-2' is already used on line 2"),
                Arguments.of("blank name", "name,version\n  ,1\n", "line 2, column name", "name is empty; every item needs one"),
                Arguments.of("line break in a name", "name,version\n\"Open\nProject\",1\n", "line 2, column name",
                        "name contains a line break or control character"),
                Arguments.of("name too long", "name\n" + "n".repeat(201) + "\n", "line 2, column name",
                        "name is 201 characters long; at most 200 are allowed"),
                Arguments.of("slug too long", "name,slug\nx," + "s".repeat(81) + "\n", "line 2, column slug",
                        "slug is 81 characters long; at most 80 are allowed"),
                Arguments.of("bad purl", "name,purl\nx,maven:org.keycloak/keycloak\n", "line 2, column purl",
                        "'maven:org.keycloak/keycloak' is not a package URL"),
                Arguments.of("bad provider country", "name,provider_country\nx,France\n", "line 2, column provider_country",
                        "'France' is not an ISO 3166-1 alpha-2 country code such as FR or DE"),
                Arguments.of("bad data location", "name,data_locations\nx,FR;XX\n", "line 2, column data_locations",
                        "'XX' is not an ISO 3166-1 alpha-2 country code"),
                Arguments.of("unknown dependency", "id,name,depends_on\na,A,\nb,B,a;c\n", "line 3, column depends_on",
                        "'c' is not the id of any item in this file"),
                Arguments.of("dependency on itself", "id,name,depends_on\na,A,a\n", "line 2, column depends_on",
                        "the item depends on itself"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void rejectsBrokenFilesSayingWhereAndWhat(String description, String csv, String location, String message) {
        InventoryFormatException e = assertThrows(InventoryFormatException.class, () -> parser.parse(csv, ORGANISATION));

        assertEquals(location, e.location());
        assertTrue(e.getMessage().startsWith(message), () -> "message was: " + e.getMessage());
    }

    @Test
    void acceptsAHundredThousandItemsButNotOneMore() throws Exception {
        StringBuilder csv = new StringBuilder("name\n");
        for (int i = 1; i <= Limits.ITEMS; i++) {
            csv.append("app ").append(i).append('\n');
        }
        assertEquals(100_000, parser.parse(csv.toString(), ORGANISATION).items().size());

        csv.append("one too many\n");
        InventoryFormatException e = assertThrows(InventoryFormatException.class,
                () -> parser.parse(csv.toString(), ORGANISATION));
        assertEquals("line 100002", e.location());
        assertEquals("the file has more than 100000 items; at most 100000 items are allowed", e.getMessage());
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = CsvInventoryParserTest.class.getResourceAsStream("/inventories/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
